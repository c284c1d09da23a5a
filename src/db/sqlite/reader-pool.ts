/**
 * SQLite reads off the event loop, each within a time budget.
 *
 * A fixed number of reader threads (reader-worker.ts), each with its own read-only connection,
 * run the store's reads one at a time; reads wait in one queue for the next free reader. Every
 * read has a budget counted from the moment it is asked for (waiting included): when it runs
 * out, the read is answered at once with a QueryTimeoutError. Reads go only to readers that have
 * started (opened their connection); until the first one is up (the process is starting) budgets
 * do not run, so the start is not charged to the first queries.
 *
 * better-sqlite3 cannot interrupt a statement from another thread, so a reader over budget is
 * abandoned: terminated (it stops as soon as its statement returns) and replaced by a fresh one,
 * so no later read waits behind it. Abandoned readers still use a core until then, so at most
 * `size` of them are tolerated; beyond that no replacement starts until one has stopped, and reads
 * wait (within their budget) rather than pile more runaway statements onto the machine.
 */
import type { Worker } from 'node:worker_threads';
import { QueryTimeoutError } from '../budget.ts';
import { InvalidCursorError } from '../cursor.ts';
import { SearchSyntaxError } from '../fts-query.ts';
import type { ReadArgs, ReadMethod, ReadResult } from './read-methods.ts';
import type { ReaderData, ReadRequest, ReadResponse } from './reader-worker.ts';
import { stopWorker, typescriptWorker } from '../../typescript-worker.ts';

export interface ReaderPoolOptions extends ReaderData {
  size: number;
  timeoutMs: number;
}

interface Job {
  id: number;
  method: ReadMethod;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Set once the budget runs: from the request, or once the first reader is up. */
  timer?: NodeJS.Timeout;
  reader?: Reader;
}

interface Reader {
  worker: Worker;
  /** Whether the thread has opened its connection and listens for reads. */
  ready: boolean;
  job: Job | null;
}

/** The error a reader thread reported, as the class the store's contract names. */
function rebuildError(error: Extract<ReadResponse, { ok: false }>['error']): Error {
  if (error.name === 'SearchSyntaxError') return new SearchSyntaxError(error.message);
  if (error.name === 'InvalidCursorError') return new InvalidCursorError(error.message);
  const rebuilt = Object.assign(new Error(error.message), error.code !== undefined && { code: error.code });
  rebuilt.name = error.name;
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}

export class ReaderPool {
  private readonly readers: Reader[] = [];
  private readonly queue: Job[] = [];
  private abandoned = 0;
  private nextId = 0;
  private closed = false;
  /** Whether a reader has ever been up: until then the budgets wait (the process is starting). */
  private started = false;

  constructor(private readonly options: ReaderPoolOptions) {
    // Started now, so the first reads do not pay for starting threads.
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  run<M extends ReadMethod>(method: M, ...args: ReadArgs<M>): Promise<ReadResult<M>> {
    if (this.closed) return Promise.reject(new Error('the archive store is closed'));
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        method,
        args,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      // Only the pool's first start defers the budget; waiting for busy, abandoned or replaced
      // readers counts, so a read is answered within its budget whatever the others do.
      if (this.started) this.startBudget(job);
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new Error('the archive store was closed'));
    const stopping = this.readers.splice(0);
    for (const reader of stopping) {
      if (reader.job) this.settle(reader.job, new Error('the archive store was closed'));
    }
    await Promise.all(stopping.map((reader) => stopWorker(reader.worker)));
  }

  private spawn(): Reader {
    const { file, busyTimeoutMs } = this.options;
    const worker = typescriptWorker(new URL('./reader-worker.ts', import.meta.url), {
      file,
      busyTimeoutMs,
    } satisfies ReaderData);
    const reader: Reader = { worker, ready: false, job: null };
    worker.on('message', (response: ReadResponse) => this.answer(reader, response));
    worker.on('error', (error) => this.lose(reader, error));
    worker.on('exit', (code) =>
      this.lose(reader, new Error(`a database reader thread stopped (exit code ${code})`)),
    );
    // Kept referenced while it starts (reads may be waiting for it), and then only while busy.
    this.readers.push(reader);
    return reader;
  }

  /** Starts a reader if one is missing, unless `size` abandoned ones are still finishing. */
  private replenish(): void {
    if (!this.closed && this.readers.length < this.options.size && this.abandoned <= this.options.size)
      this.spawn();
  }

  /** Hands queued reads to idle readers, starting readers where the limits allow. */
  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      this.replenish();
      const reader = this.readers.find((candidate) => candidate.ready && candidate.job === null);
      if (!reader) return;
      const job = this.queue.shift()!;
      try {
        reader.worker.postMessage({ id: job.id, method: job.method, args: job.args } satisfies ReadRequest);
      } catch (error) {
        // Arguments that cannot cross to a thread (a bug of the caller): that read fails, alone.
        this.settle(job, error as Error);
        continue;
      }
      job.reader = reader;
      reader.job = job;
      reader.worker.ref();
    }
  }

  private startBudget(job: Job): void {
    job.timer = setTimeout(() => this.expire(job), this.options.timeoutMs);
  }

  private answer(reader: Reader, response: ReadResponse): void {
    if ('ready' in response) {
      reader.ready = true;
      this.started = true;
      for (const job of this.queue) if (job.timer === undefined) this.startBudget(job);
      reader.worker.unref();
      this.dispatch();
      return;
    }
    const job = reader.job;
    if (!job || job.id !== response.id) return;
    reader.job = null;
    reader.worker.unref();
    if (response.ok) this.settle(job, null, response.value);
    else this.settle(job, rebuildError(response.error));
    this.dispatch();
  }

  private settle(job: Job, error: Error | null, value?: unknown): void {
    clearTimeout(job.timer);
    if (error) job.reject(error);
    else job.resolve(value);
  }

  /** The read's budget ran out: answered now; its reader, if it has one, is given up. */
  private expire(job: Job): void {
    const budget = this.options.timeoutMs;
    if (job.reader) {
      job.reject(
        new QueryTimeoutError(
          budget,
          `The query ran longer than its ${budget} ms budget (QUERY_TIMEOUT_MS) and was stopped: narrow it (fewer or longer prefix terms, a shorter NEAR span, more filters) and try again`,
        ),
      );
      this.abandon(job.reader);
    } else {
      this.queue.splice(this.queue.indexOf(job), 1);
      job.reject(
        new QueryTimeoutError(
          budget,
          `No database reader was free within the ${budget} ms budget (QUERY_TIMEOUT_MS): all were busy with other queries; try again shortly`,
        ),
      );
    }
    this.dispatch();
  }

  private abandon(reader: Reader): void {
    this.forget(reader);
    reader.job = null;
    this.abandoned++;
    reader.worker.removeAllListeners();
    reader.worker.on('error', () => {});
    reader.worker.once('exit', () => {
      this.abandoned--;
      this.replenish();
      this.dispatch();
    });
    reader.worker.unref();
    void reader.worker.terminate().catch(() => {});
    // Replaced now, not at the next read: that read should not pay for a thread's start.
    this.replenish();
  }

  /**
   * A reader that failed or stopped by itself: its read fails with the reason; others go on. One
   * that could not even start (no database file...) fails the waiting reads too, with its reason,
   * and is replaced only when another read comes (no restart loop).
   */
  private lose(reader: Reader, error: Error): void {
    if (!this.forget(reader)) return;
    if (reader.job) this.settle(reader.job, error);
    reader.job = null;
    if (!reader.ready) {
      for (const job of this.queue.splice(0)) this.settle(job, error);
      return;
    }
    this.dispatch();
  }

  private forget(reader: Reader): boolean {
    const index = this.readers.indexOf(reader);
    if (index < 0) return false;
    this.readers.splice(index, 1);
    return true;
  }
}
