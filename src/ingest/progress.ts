/**
 * Import progress on stderr: a redrawn bar with rate and ETA on a terminal, plain periodic lines
 * otherwise (logs, CI, pipes), so that a long import is never silent and never floods a log.
 * When the inputs' total size is known the bar counts bytes (a single multi-GB WARC moves as it
 * streams), else files.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressOptions {
  /** Milliseconds between plain lines when not on a terminal. */
  intervalMs?: number;
  now?: () => number;
  /** The inputs' total size in bytes: the bar and ETA then follow the bytes read. */
  totalBytes?: number;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}

export class Progress {
  private files = 0;
  private documents = 0;
  private failed = 0;
  private bytesRead = 0;
  private readonly totalBytes: number;
  private readonly started: number;
  private lastDraw = -Infinity;
  private readonly tty: boolean;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.tty = stream.isTTY === true;
    this.intervalMs = options.intervalMs ?? (this.tty ? 100 : 5000);
    this.totalBytes = options.totalBytes ?? 0;
  }

  bytes(count: number): void {
    this.bytesRead += count;
    this.maybeDraw();
  }

  /** Done so far, 0 to 1: by bytes when the total size is known, else by files. */
  private fraction(): number {
    if (this.totalBytes > 0) return Math.min(1, this.bytesRead / this.totalBytes);
    return this.total > 0 ? Math.min(1, this.files / this.total) : 1;
  }

  document(failed = false): void {
    this.documents++;
    if (failed) this.failed++;
    this.maybeDraw();
  }

  file(): void {
    this.files++;
    this.maybeDraw();
  }

  private maybeDraw(): void {
    const now = this.now();
    if (now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    this.draw(now);
  }

  /** The status line: files (and MB) done, articles/s and ETA (from the byte or file rate). */
  line(now = this.now()): string {
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? this.documents / elapsed : 0;
    const fraction = this.fraction();
    const eta = fraction > 0 && elapsed > 0 ? (elapsed * (1 - fraction)) / fraction : Number.NaN;
    const percent = Math.floor(100 * fraction);
    const failed = this.failed ? `, ${this.failed} failed` : '';
    const size = this.totalBytes > 0 ? ` ${megabytes(this.bytesRead)}/${megabytes(this.totalBytes)} MB` : '';
    return `${this.files}/${this.total} files${size} ${percent}% | ${this.documents} documents${failed} | ${rate.toFixed(0)}/s | ETA ${formatDuration(eta)}`;
  }

  private draw(now: number): void {
    if (!this.tty) {
      this.stream.write(`import: ${this.line(now)}\n`);
      return;
    }
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 80));
    const filled = Math.round(width * this.fraction());
    this.stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.line(now)}`);
  }

  /** The last state, then the cursor on a fresh line. */
  finish(): void {
    const now = this.now();
    if (this.tty) {
      this.draw(now);
      this.stream.write('\n');
    } else if (this.files > 0) {
      this.stream.write(`import: ${this.line(now)}\n`);
    }
  }
}
