import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import fs from 'node:fs';
const recs = [];
for (let i = 0; i < 3; i++) {
  const r = WARCRecord.create({ url: `http://ex.com/${i}`, date: '2024-01-0'+(i+1)+'T00:00:00Z', type: 'response', warcVersion: 'WARC/1.0', httpHeaders: { 'Content-Type': 'text/html; charset=windows-1251' } },
    [new TextEncoder().encode(`<html><title>T${i}</title><p>hello ${i}</p></html>`)]);
  recs.push(await WARCSerializer.serialize(r, { gzip: process.argv[2]==='gz' }));
}
let buf = Buffer.concat(recs.map(b=>Buffer.from(b)));
const bad = process.argv[3];
if (bad === 'garbage') { const l0 = recs[0].length; buf = Buffer.concat([buf.subarray(0,l0), Buffer.from('GARBAGE LINE\r\nxx\r\n\r\n'), buf.subarray(l0)]); }
if (bad === 'trunc') buf = buf.subarray(0, buf.length - 30);
if (bad === 'corrupt') { const l0 = recs[0].length; buf[l0+20] ^= 0xff; buf[l0+40]^=0xff; }
console.log('sizes', recs.map(r=>r.length));
async function* src() { for (let i=0;i<buf.length;i+=50) yield buf.subarray(i,i+50); }
const p = new WARCParser(src());
try {
  for await (const rec of p) {
    const body = await rec.readFully(true);
    console.log(p.offset, p.recordLength, rec.warcType, rec.warcTargetURI, rec.httpHeaders?.statusCode, rec.httpHeaders?.headers.get('content-type'), Buffer.from(body).toString().slice(0,40));
  }
} catch (e) { console.log('ERR at', p.offset, e.message); }
