/**
 * Writing WARC files for tests with warcio, the library the importer reads them with: response
 * records from fixture pages (any bytes, any HTTP headers and status), request, metadata and
 * revisit records around them, gzip per record or not.
 */
import fs from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';

export interface ResponseSpec {
  url: string;
  body: Uint8Array | string;
  contentType?: string;
  status?: number;
  date?: string;
}

export type RecordSpec =
  | ({ type: 'response' } & ResponseSpec)
  | { type: 'request' | 'metadata' | 'revisit'; url: string }
  | { type: 'raw'; bytes: Uint8Array };

const encoder = new TextEncoder();

async function recordBytes(spec: RecordSpec, gzip: boolean): Promise<Uint8Array> {
  if (spec.type === 'raw') return spec.bytes;
  const date = 'date' in spec && spec.date ? spec.date : '2024-05-03T10:00:00Z';
  if (spec.type === 'response') {
    const status = spec.status ?? 200;
    const record = WARCRecord.create(
      {
        url: spec.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Status'}`,
        httpHeaders: { 'Content-Type': spec.contentType ?? 'text/html; charset=utf-8' },
      },
      [typeof spec.body === 'string' ? encoder.encode(spec.body) : spec.body],
    );
    return WARCSerializer.serialize(record, { gzip });
  }
  const content = spec.type === 'request' ? `GET / HTTP/1.1\r\nHost: example\r\n\r\n` : 'via: test\n';
  const record = WARCRecord.create(
    {
      url: spec.url,
      date,
      type: spec.type,
      warcVersion: 'WARC/1.1',
      ...(spec.type === 'request' && { httpHeaders: { Host: 'example' }, statusline: 'GET / HTTP/1.1' }),
      ...(spec.type === 'revisit' && { refersToUrl: spec.url, refersToDate: date }),
      ...(spec.type === 'metadata' && { warcHeaders: { 'Content-Type': 'application/warc-fields' } }),
    },
    spec.type === 'request' || spec.type === 'revisit' ? [] : [encoder.encode(content)],
  );
  return WARCSerializer.serialize(record, { gzip });
}

/** The bytes of a WARC holding the given records, in order. */
export async function warcBytes(records: RecordSpec[], gzip = false): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const spec of records) parts.push(await recordBytes(spec, gzip));
  return Buffer.concat(parts);
}

export async function writeWarc(
  file: string,
  records: RecordSpec[],
  gzip = file.endsWith('.gz'),
): Promise<number[]> {
  const sizes: number[] = [];
  const parts: Uint8Array[] = [];
  for (const spec of records) {
    const bytes = await recordBytes(spec, gzip);
    sizes.push(bytes.length);
    parts.push(bytes);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
  return sizes;
}
