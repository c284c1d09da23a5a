/**
 * A large archive written straight into a migrated test database (no extraction): `count`
 * articles of pseudo-words drawn from a fixed vocabulary by a seeded generator, so full-text
 * queries have long doclists and many terms per prefix, as on a real archive of that size.
 * The FTS triggers index the rows as they are inserted.
 */
import Database from 'better-sqlite3';

/** A small deterministic generator (mulberry32): the same archive on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function vocabulary(next: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 4 + Math.floor(next() * 6);
    let word = '';
    for (let i = 0; i < length; i++) word += LETTERS[Math.floor(next() * LETTERS.length)];
    words.add(word);
  }
  return [...words];
}

/**
 * Fills the database at `file`; returns the most frequent words, most frequent first (their first
 * three letters are then the most expensive allowed prefixes).
 */
export function fillArchive(file: string, count: number, wordsPerArticle = 120): { commonWords: string[] } {
  const next = random(9);
  const words = vocabulary(next, 30000);
  // Zipf-like: a few words are everywhere, most are rare (as in text).
  const word = () => words[Math.floor(words.length * next() ** 3)]!;
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  const insert = sqlite.prepare(
    `INSERT INTO "articles" ("title", "lead", "body", "text", "source", "format", "sortDate", "contentHash",
       "wordCount", "importedAt", "updatedAt", "extractorVersion")
     VALUES (?, ?, ?, '', ?, 'text', ?, ?, ?, ?, ?, 1)`,
  );
  // Indexed in one pass afterwards (FTS5 'rebuild'): several times faster than row by row.
  const triggers = sqlite
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'`,
    )
    .all();
  sqlite.transaction(() => {
    for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
    for (let i = 0; i < count; i++) {
      const date = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString().replace('Z', '+00:00');
      insert.run(
        sentence(8),
        sentence(20),
        sentence(wordsPerArticle),
        `generated/${i}.txt`,
        date,
        `generated-${i}`,
        wordsPerArticle + 28,
        date,
        date,
      );
    }
    sqlite.exec(`INSERT INTO "articles_fts" ("articles_fts") VALUES ('rebuild')`);
    for (const { sql } of triggers) sqlite.exec(sql);
  })();
  sqlite.close();
  return { commonWords: words.slice(0, 32) };
}
