import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/files.ts';
import {
  parseDocuments,
  parseHtmlDocument,
  parseJsonRecords,
  parseTextDocument,
  readHtml,
  sniffFormat,
} from '../../src/ingest/readers/index.ts';

const HTML = `<!doctype html><html><head>
<title>Talks resume | Example News</title>
<meta property="article:published_time" content="2025-03-12T10:00:00Z">
<meta name="author" content="Jane Reporter">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Talks resume in Vilnius</h1>
<p>Sviatlana Tsikhanouskaya spoke in Vilnius on Monday, where fuel now costs 3.71 BYN a litre in neighbouring Belarus and prices keep rising.</p>
<p>“We will not give up on the talks,” Tsikhanouskaya said. The meeting lasted three hours and ended with a joint statement from all participants.</p>
<p>Observers said the next round would take place in Warsaw in April, after consultations with the European partners of the opposition.</p>
</article>
<footer>© Example News</footer>
</body></html>`;

describe('text reader', () => {
  it('keeps the text verbatim and refuses a document without a title line', () => {
    const result = parseTextDocument('3.71 BYN\nTitle here\n\nA paragraph.\n', 'a.txt');
    expect(result.ok && result.input.text).toBe('3.71 BYN\nTitle here\n\nA paragraph.\n');
    expect(result.ok && result.input.document?.title.text).toBe('Title here');
    expect(parseTextDocument('3.71 BYN\n2.99 BYN\n', 'b.txt')).toEqual({
      ok: false,
      failure: { source: 'b.txt', reason: 'the document has no title line' },
    });
  });
});

describe('HTML reader', () => {
  it('takes title, byline, date and paragraphs of the readable content', () => {
    const article = readHtml(HTML)!;
    expect(article.title).toMatch(/Talks resume/);
    expect(article.byline).toBe('Jane Reporter');
    expect(article.publishedAt?.toISOString()).toBe('2025-03-12T10:00:00.000Z');
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[1]).toMatch(/^“We will not give up/);
    expect(article.paragraphs.join(' ')).not.toMatch(/Home|©/);
  });

  it('builds a document in the text format, and finds dates in JSON-LD and time[datetime]', () => {
    const result = parseHtmlDocument(HTML, 'page.html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.format).toBe('html');
    expect(result.input.text.split('\n')[1]).toBe('');
    expect(result.input.document?.paragraphs).toHaveLength(3);
    const jsonLd = HTML.replace(
      /<meta property="article:published_time"[^>]*>/,
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02T03:04:05Z"}</script>',
    );
    expect(readHtml(jsonLd)!.publishedAt?.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    const time = HTML.replace(/<meta property="article:published_time"[^>]*>/, '').replace(
      '<h1>',
      '<time datetime="2023-05-06">May 6</time><h1>',
    );
    expect(readHtml(time)!.publishedAt?.toISOString()).toBe('2023-05-06T00:00:00.000Z');
  });

  it('takes the byline from JSON-LD, which Readability strips with the other scripts', () => {
    const jsonLd = HTML.replace(
      '<meta name="author" content="Jane Reporter">',
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ospina"}]}</script>',
    );
    expect(readHtml(jsonLd)!.byline).toBe('Ana Ospina');
  });
});

describe('JSON reader', () => {
  it('reads an object, an array and JSON lines, with url or position as source', () => {
    const one = parseJsonRecords(
      '{"title":"T","body":"P1\\nP2","url":"https://x/1","publishedAt":"2025-01-01T00:00:00Z"}',
      'a.json',
      'json',
    );
    expect(one).toHaveLength(1);
    const first = one[0]!;
    expect(first.ok && first.input.source).toBe('https://x/1');
    expect(first.ok && first.input.text).toBe('T\n\nP1\nP2');
    expect(first.ok && first.input.publishedAt?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    const array = parseJsonRecords(
      '[{"title":"A","body":["x","y"]},{"title":"B","body":"z"}]',
      'b.json',
      'json',
    );
    expect(array.map((r) => r.ok && r.input.source)).toEqual(['b.json#0', 'b.json#1']);
    const lines = parseJsonRecords(
      '{"title":"A","body":"x"}\n\n{"title":"B","body":["y"]}\n',
      'c.ndjson',
      'ndjson',
    );
    expect(lines.map((r) => r.ok && r.input.source)).toEqual(['c.ndjson#L1', 'c.ndjson#L3']);
  });

  it('reports malformed lines and records without a title with their line, and goes on', () => {
    const results = parseJsonRecords(
      '{"title":"A","body":"x"}\n{"title": oops\n{"body":"no title"}\n[1]\n{"title":"B","body":"y"}',
      'd.jsonl',
      'ndjson',
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, true]);
    const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
    expect(failures.map((f) => [f.line, f.source])).toEqual([
      [2, 'd.jsonl#L2'],
      [3, 'd.jsonl#L3'],
      [4, 'd.jsonl#L4'],
    ]);
    expect(failures[0]!.reason).toMatch(/^malformed JSON/);
    expect(failures[1]!.reason).toBe('the record has no title');
    expect(failures[2]!.reason).toBe('the record is not a JSON object');
    expect(parseJsonRecords('{"title": ', 'e.json', 'json')[0]).toMatchObject({
      ok: false,
      failure: { source: 'e.json' },
    });
  });
});

describe('decoding and format sniffing', () => {
  it('decodes UTF-16 with a byte-order mark and refuses other non-UTF-8 text', () => {
    const text = 'Title ‘quoted’\n\nParagraph €20.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(le)).toBe(text);
    expect(decodeText(be)).toBe(text);
    expect(decodeText(Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e\n', 'latin1'))).toBe('Café crème brûlée\n');
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02]))).toThrow(/binary/);
    expect(() => decodeText(Buffer.alloc(0))).toThrow('the file is empty');
    expect(() => decodeText(Buffer.from('abc'), 2)).toThrow('the file is 3 bytes, over the limit of 2');
  });

  it('sniffs stdin content', () => {
    expect(sniffFormat('[{"title":"x"}]')).toBe('json');
    expect(sniffFormat('{"title":"x"}')).toBe('json');
    expect(sniffFormat('{"title":"x"}\n{"title":"y"}\n')).toBe('ndjson');
    expect(sniffFormat('<!DOCTYPE html><html></html>')).toBe('html');
    expect(sniffFormat('3.71 BYN\nTitle\n\nText')).toBe('text');
    expect(parseDocuments('Title\n\nText', 'x', 'text')).toHaveLength(1);
  });
});
