/**
 * The hand-annotated corpus (eval/corpus/) is well-formed: every document has a truth file of the
 * right shape, and every annotation can be found in its document. No extractor is run here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonAmount, collapseSpace, normQuote, type Truth } from '../eval/score.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../eval/corpus');
const files = readdirSync(dir).sort();
const texts = files.filter((f) => f.endsWith('.txt'));

const ISO = new Set(
  'BYN RUB UAH USD EUR GBP JPY CNY KES NGN PLN INR ZAR KZT KRW IDR MDL CHF CAD AUD SEK NOK DKK CZK HUF TRY'.split(
    ' ',
  ),
);

function isTruth(v: unknown): v is Truth {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string';
  return (
    str(t.title) &&
    Array.isArray(t.people) &&
    t.people.every(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        str((p as Record<string, unknown>).name) &&
        Array.isArray((p as Record<string, unknown>).aliases) &&
        ((p as Record<string, unknown>).aliases as unknown[]).every(str),
    ) &&
    Array.isArray(t.quotes) &&
    t.quotes.every((q: unknown) => {
      const o = q as Record<string, unknown>;
      return (
        typeof q === 'object' &&
        q !== null &&
        str(o.text) &&
        (o.speaker === null || str(o.speaker)) &&
        (o.cue === null || str(o.cue))
      );
    }) &&
    Array.isArray(t.prices) &&
    t.prices.every((p: unknown) => {
      const o = p as Record<string, unknown>;
      return typeof p === 'object' && p !== null && str(o.amount) && str(o.currency);
    })
  );
}

/** Every occurrence of `needle` in `hay`. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Where a (normalised) quote text can be read off the (normalised) document: contiguously, or as
 * two or three parts in order, each gap under 200 characters (a split or multi-paragraph quote).
 * Returns the number of distinct readings found (0 when absent).
 */
function quoteReadings(doc: string, quote: string): number {
  const n = occurrences(doc, quote).length;
  if (n) return n;
  const words = quote.split(' ');
  let readings = 0;
  const fits = (parts: string[]): boolean => {
    let from = 0;
    for (const [i, part] of parts.entries()) {
      const at = doc.indexOf(part, from);
      if (at < 0 || (i > 0 && at - from > 200)) return false;
      from = at + part.length;
    }
    return true;
  };
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' ');
    const rest = words.slice(i);
    if (fits([a, rest.join(' ')])) readings++;
    for (let j = 1; j < rest.length; j++)
      if (fits([a, rest.slice(0, j).join(' '), rest.slice(j).join(' ')])) readings++;
  }
  return readings > 0 ? 1 : 0;
}

/** Document text with line breaks kept as spaces and quote marks removed (they sit between parts). */
const flat = (s: string): string => normQuote(s.replace(/["“”„«»]/g, ' '));

describe('eval corpus', () => {
  it('has at least 36 documents plus the seed, each .txt with a .json', () => {
    expect(texts.length).toBeGreaterThanOrEqual(37);
    expect(texts).toContain('000_seed.txt');
    for (const f of texts) expect(files, f).toContain(f.replace(/\.txt$/, '.json'));
    for (const f of files.filter((x) => x.endsWith('.json')))
      expect(files, f).toContain(f.replace(/\.json$/, '.txt'));
    for (const f of texts) expect(f).toMatch(/^\d{3}_[a-z0-9_]+\.txt$/);
  });

  it('includes CRLF, BOM and blank-line documents', () => {
    const raw = texts.map((f) => readFileSync(path.join(dir, f), 'utf8'));
    expect(raw.some((t) => t.includes('\r\n'))).toBe(true);
    expect(raw.some((t) => t.startsWith('\uFEFF'))).toBe(true);
    expect(raw.some((t) => /\n\s*\n./.test(t))).toBe(true);
  });

  describe.each(texts)('%s', (f) => {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const truth: unknown = JSON.parse(readFileSync(path.join(dir, f.replace(/\.txt$/, '.json')), 'utf8'));
    const lines = raw
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((l) => l.trim());

    it('is 1–4 KB of text and its truth has the right shape', () => {
      expect(Buffer.byteLength(raw)).toBeGreaterThan(f === '000_seed.txt' ? 500 : 1000);
      expect(Buffer.byteLength(raw)).toBeLessThan(4096);
      expect(isTruth(truth)).toBe(true);
    });
    if (!isTruth(truth)) return;

    it('title is a line of the document', () => {
      expect(lines).toContain(truth.title);
    });

    it('people and aliases occur in the document, names unique', () => {
      const doc = collapseSpace(raw).replace(/’/g, "'");
      const names = truth.people.map((p) => p.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      for (const p of truth.people) {
        expect(doc, p.name).toContain(p.name.replace(/’/g, "'"));
        expect(p.aliases, p.name).not.toContain(p.name);
        for (const a of p.aliases) expect(doc, `${p.name}: ${a}`).toContain(a.replace(/’/g, "'"));
      }
    });

    it('every quote text occurs in the document; speakers are annotated people', () => {
      const doc = flat(raw);
      const names = new Set(truth.people.map((p) => p.name));
      for (const q of truth.quotes) {
        const text = flat(q.text);
        expect(text.split(' ').length, q.text).toBeGreaterThanOrEqual(4);
        expect(quoteReadings(doc, text), q.text).toBeGreaterThan(0);
        if (q.speaker !== null) expect(names.has(q.speaker), `speaker ${q.speaker}`).toBe(true);
      }
    });

    it('every price is a canonical amount in a known ISO currency whose digits appear in the text', () => {
      const digits = raw.replace(/(\d)[,\s.](?=\d)/g, '$1');
      for (const p of truth.prices) {
        expect(canonAmount(p.amount), p.amount).toBe(p.amount);
        expect(Number(p.amount), p.amount).toBeGreaterThan(0);
        expect(ISO.has(p.currency), p.currency).toBe(true);
        // significant digits: "34600000" -> "346", "0.5" -> "5", "1250.5" -> "12505"
        const sig = p.amount.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
        // a compound amount ("58 rubles 50 kopecks" = 58.5) shows its two parts separately
        const [int = '', frac = ''] = p.amount.split('.');
        const found =
          digits.includes(sig) ||
          (frac !== '' && int !== '0' && digits.includes(int) && digits.includes(frac));
        expect(found, `${p.amount} ${p.currency}`).toBe(true);
      }
    });
  });
});
