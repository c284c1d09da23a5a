import fs from 'node:fs/promises';
import { extract, toExtractRecord } from '../extract/index.ts';
import { decodeText, failureReason } from '../ingest/files.ts';
import { UsageError } from './usage.ts';

/**
 * Prints the extractor's findings for each file. With --json: one JSON object per file per line
 * (a stable machine interface, now with the document's `language`); a file that cannot be read
 * gives `{"file","error"}` and exit 1.
 */
export async function extractCommand(files: string[], values: Record<string, unknown>): Promise<number> {
  if (files.length === 0) throw new UsageError('name at least one file');
  let failed = 0;
  for (const file of files) {
    let record;
    try {
      record = toExtractRecord(file, extract(decodeText(await fs.readFile(file))));
    } catch (error) {
      failed++;
      const reason = failureReason(error);
      if (values.json) console.log(JSON.stringify({ file, error: reason }));
      console.error(`news-archive extract: ${file}: ${reason}`);
      continue;
    }
    if (values.json) {
      console.log(JSON.stringify(record));
      continue;
    }
    console.log(`# ${file}\n${record.title}\n`);
    console.log(`Language: ${record.language ?? 'unknown'}`);
    console.log(`People (${record.people.length}):`);
    for (const p of record.people)
      console.log(`  ${p.name}${p.aliases.length ? `  (also: ${p.aliases.join(', ')})` : ''}`);
    console.log(`Quotes (${record.quotes.length}):`);
    for (const q of record.quotes)
      console.log(`  ${q.speaker ?? '(unknown speaker)'}${q.cue ? ` [${q.cue}]` : ''}: “${q.text}”`);
    console.log(`Prices (${record.prices.length}):`);
    for (const p of record.prices) console.log(`  ${p.amount} ${p.currency}  (${p.raw})`);
    console.log('');
  }
  return failed === 0 ? 0 : 1;
}
