/**
 * A worker thread running a TypeScript module of this project: tsx is registered inside the
 * worker first, so it works however the parent runs TypeScript (bin/news-archive.js,
 * `node --import tsx`, vitest). Used by the extraction worker (src/ingest/extract-pool.ts) and the SQLite reader threads.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** The URL of tsx's ESM register API (its `import` export; `require` would give the CJS build). */
function tsxEsmApi(): string {
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api'].import.default)).href;
}

let tsxApi: string | undefined;

export function typescriptWorker(entry: URL, workerData: unknown): Worker {
  tsxApi ??= tsxEsmApi();
  return new Worker(
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true, workerData, stdout: false, stderr: false },
  );
}

/** How long stopWorker waits for a thread to stop before leaving it behind. */
const STOP_WAIT_MS = 1000;

/**
 * Terminates a worker thread, waiting at most STOP_WAIT_MS. A thread terminated while it is still
 * loading its modules (through tsx's loader) may never report that it stopped (Node 20, seen under
 * load: a store's close() never returned and the CLI exited with code 13, "unsettled top-level
 * await", after a successful export). Unreferenced, such a thread cannot keep the process alive.
 */
export async function stopWorker(worker: Worker): Promise<void> {
  worker.unref();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
  await Promise.race([worker.terminate().catch(() => {}), waited]);
  clearTimeout(timer);
}
