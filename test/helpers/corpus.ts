/**
 * The hand-annotated corpus (eval/corpus/*.txt) prepared for writing, its articles spread over
 * 14 months and many days, for tests that compare what the writer maintains with a recount.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
import { prepareDocument } from '../../src/ingest/prepare.ts';

export function corpusDocuments() {
  const corpus = path.join(PROJECT_ROOT, 'eval/corpus');
  return fs
    .readdirSync(corpus)
    .filter((file) => file.endsWith('.txt'))
    .map((file, i) =>
      prepareDocument({
        source: `corpus/${file}`,
        format: 'text',
        text: fs.readFileSync(path.join(corpus, file), 'utf8'),
        publishedAt: new Date(Date.UTC(2023, i % 14, 1 + (i % 27))),
      }),
    );
}
