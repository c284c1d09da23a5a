import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

/** A migrated database of this test file's own, as a file: URL, with a function to remove it. */
export function freshDatabase(): { url: string; file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-archive-db-'));
  const file = path.join(dir, 'archive.db');
  fs.copyFileSync(inject('templateDatabase'), file);
  return { url: `file:${file}`, file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
