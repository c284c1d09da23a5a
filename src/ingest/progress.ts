/**
 * Import progress on stderr: a redrawn bar with rate and ETA on a terminal, plain periodic lines
 * otherwise (logs, CI, pipes), so that a long import is never silent and never floods a log.
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
}

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

  /** The status line: files done, articles/s and ETA (from the file rate). */
  line(now = this.now()): string {
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? this.documents / elapsed : 0;
    const fileRate = elapsed > 0 ? this.files / elapsed : 0;
    const eta = fileRate > 0 ? (this.total - this.files) / fileRate : Number.NaN;
    const percent = this.total > 0 ? Math.floor((100 * this.files) / this.total) : 100;
    const failed = this.failed ? `, ${this.failed} failed` : '';
    return `${this.files}/${this.total} files ${percent}% | ${this.documents} documents${failed} | ${rate.toFixed(0)}/s | ETA ${formatDuration(eta)}`;
  }

  private draw(now: number): void {
    if (!this.tty) {
      this.stream.write(`import: ${this.line(now)}\n`);
      return;
    }
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 80));
    const filled = this.total > 0 ? Math.round((width * this.files) / this.total) : width;
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
