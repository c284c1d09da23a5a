/**
 * Extraction off the writing thread: during an import the main thread reads files and writes
 * batches while a worker thread extracts the next batch, so that on two cores the import runs at
 * the speed of extraction alone rather than extraction plus writing.
 *
 * The worker runs the TypeScript sources through tsx (registered in the worker with `--import`),
 * so it works the same under `node bin/news-archive.js`, `node --import tsx` and vitest. If the
 * worker cannot start or dies, extraction falls back to the calling thread: an import never fails
 * for want of a worker.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { stopWorker, typescriptWorker } from '../typescript-worker.ts';
import type { PrepareRequest, PrepareResponse } from './extract-worker.ts';
import { tryPrepareDocument, type DocumentInput, type Preparation } from './prepare.ts';

export interface Preparer {
  prepare(inputs: DocumentInput[]): Promise<Preparation[]>;
  close(): Promise<void>;
}

/** Extraction in the calling thread. */
export function inlinePreparer(): Preparer {
  return {
    prepare: async (inputs) => inputs.map(tryPrepareDocument),
    close: async () => {},
  };
}

/**
 * Documents over this many characters are extracted on the calling thread: sent to the worker
 * and back, a document and its extraction are copied whole each way (a 20 MB file then peaked
 * at 670 MB against 400 MB inline), while for documents this long the worker's overlap with the
 * writes saves nothing worth that.
 */
export const INLINE_CHARS = 2_000_000;

const isLarge = (input: DocumentInput): boolean => input.text.length > INLINE_CHARS;

export function workerPreparer(): Preparer {
  const pending = new Map<number, { inputs: DocumentInput[]; resolve: (results: Preparation[]) => void }>();
  let nextId = 0;
  let worker: Worker | null = null;
  try {
    // tsx registered inside the worker, then the TypeScript entry: works whether or not (and
    // however) the parent runs TypeScript: bin/news-archive.js, node --import tsx, vitest.
    worker = typescriptWorker(new URL('./extract-worker.ts', import.meta.url), undefined);
  } catch {
    worker = null;
  }
  const fallBack = () => {
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      request.resolve(request.inputs.map(tryPrepareDocument));
    }
  };
  if (worker) {
    worker.on('message', (response: PrepareResponse) => {
      const request = pending.get(response.id);
      if (!request) return;
      pending.delete(response.id);
      request.resolve(response.results);
      // An idle worker does not keep the process alive; a busy one does.
      if (pending.size === 0) worker?.unref();
    });
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    worker.unref();
  }
  return {
    prepare(inputs) {
      if (inputs.length === 0) return Promise.resolve([]);
      if (!worker || inputs.some(isLarge)) return Promise.resolve(inputs.map(tryPrepareDocument));
      const id = nextId++;
      return new Promise<Preparation[]>((resolve) => {
        pending.set(id, { inputs, resolve });
        worker!.ref();
        worker!.postMessage({ id, inputs } satisfies PrepareRequest);
      });
    },
    async close() {
      const stopping = worker;
      worker = null;
      if (stopping) {
        stopping.removeAllListeners('exit');
        await stopWorker(stopping);
      }
    },
  };
}

/** A worker when there is a second core to run it on, the calling thread otherwise. */
export function defaultPreparer(): Preparer {
  return os.availableParallelism() > 1 ? workerPreparer() : inlinePreparer();
}
