import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/ingest/progress.ts';
import { escapeControls } from '../../src/cli/ingest.ts';

describe('import progress', () => {
  it('counts bytes when the total size is known: one big WARC moves as it streams', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new Progress(
      1,
      { write: (chunk) => lines.push(chunk) },
      { totalBytes: 100 * 1024 * 1024, now: () => now, intervalMs: 0 },
    );
    now = 10_000;
    progress.bytes(25 * 1024 * 1024);
    expect(lines.at(-1)).toMatch(/^import: 0\/1 files 25\/100 MB 25% \| 0 documents \| 0\/s \| ETA 0:30\n$/);
    now = 40_000;
    progress.bytes(75 * 1024 * 1024);
    progress.file();
    expect(lines.at(-1)).toMatch(/1\/1 files 100\/100 MB 100%/);
  });

  it('counts files when the size is unknown (stdin)', () => {
    const lines: string[] = [];
    const progress = new Progress(
      4,
      { write: (chunk) => lines.push(chunk) },
      { now: () => 1000, intervalMs: 0 },
    );
    progress.file();
    expect(lines.at(-1)).toMatch(/^import: 1\/4 files 25%/);
  });
});

describe('report escaping', () => {
  it('shows control characters as escapes, so a file name cannot forge a report line', () => {
    expect(escapeControls('a\nfailed    b.txt: x\r\t\u0007')).toBe('a\\nfailed    b.txt: x\\r\\t\\u0007');
    expect(escapeControls('plain/path.html: reason')).toBe('plain/path.html: reason');
  });
});
