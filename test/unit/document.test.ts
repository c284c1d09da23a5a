import { describe, expect, it } from 'vitest';
import { documentFromParts, parseDocument } from '../../src/extract/document.ts';
import type { ParsedDocument, Span } from '../../src/extract/types.ts';

function spans(doc: ParsedDocument): Span[] {
  return [...doc.header, doc.title, ...doc.paragraphs];
}

function expectSpansPointAtText(doc: ParsedDocument): void {
  for (const s of spans(doc)) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
}

describe('parseDocument', () => {
  it('separates price header lines, title and paragraphs', () => {
    const doc = parseDocument('3.71 BYN\n2.99 BYN\nBig News Today\n\nLead paragraph.\nSecond paragraph.\n');
    expect(doc.header.map((s) => s.text)).toEqual(['3.71 BYN', '2.99 BYN']);
    expect(doc.title.text).toBe('Big News Today');
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['Lead paragraph.', 'Second paragraph.']);
    expectSpansPointAtText(doc);
  });

  it('keeps the input verbatim and tolerates a BOM, CRLF, stray whitespace and blank lines', () => {
    const input = '\uFEFF  $4.99 \r\n\r\n  The Title  \r\n\r\n\r\n First paragraph. \r\n\r\nSecond.\r\n';
    const doc = parseDocument(input);
    expect(doc.text).toBe(input);
    expect(doc.header.map((s) => s.text)).toEqual(['$4.99']);
    expect(doc.title.text).toBe('The Title');
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['First paragraph.', 'Second.']);
    expectSpansPointAtText(doc);
  });

  it('handles old Mac line ends', () => {
    const doc = parseDocument('Title\rPara one.\rPara two.');
    expect(doc.title.text).toBe('Title');
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['Para one.', 'Para two.']);
    expectSpansPointAtText(doc);
  });

  it('treats dates, times, menus and reading-time lines as furniture', () => {
    const doc = parseDocument(
      'Home | News | World\n12.03.2025 14:05\nUpdated 09:45, 14 March 2025\nReading time: 3 min\nMarch 12, 2025\nThe Real Title\nBody.',
    );
    expect(doc.header).toHaveLength(5);
    expect(doc.title.text).toBe('The Real Title');
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['Body.']);
  });

  it('does not take a short real title for furniture', () => {
    expect(parseDocument('Putin Meets Xi\nBody.').title.text).toBe('Putin Meets Xi');
    expect(parseDocument('3.71 BYN\nFuel Prices Rise Again\nBody.').title.text).toBe(
      'Fuel Prices Rise Again',
    );
  });

  it('gives an empty title span at 0 for an empty or furniture-only document', () => {
    expect(parseDocument('')).toEqual({
      text: '',
      header: [],
      title: { text: '', start: 0, end: 0 },
      paragraphs: [],
    });
    const doc = parseDocument('3.71 BYN\n\n');
    expect(doc.title).toEqual({ text: '', start: 0, end: 0 });
    expect(doc.header.map((s) => s.text)).toEqual(['3.71 BYN']);
  });
});

describe('documentFromParts', () => {
  it('builds header lines, title, a blank line and one paragraph per line', () => {
    const doc = documentFromParts({
      header: ['3.71 BYN'],
      title: 'Title',
      paragraphs: ['First.', 'Second.'],
    });
    expect(doc.text).toBe('3.71 BYN\nTitle\n\nFirst.\nSecond.');
    expect(doc.header.map((s) => s.text)).toEqual(['3.71 BYN']);
    expect(doc.title.text).toBe('Title');
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['First.', 'Second.']);
    expectSpansPointAtText(doc);
  });

  it('takes an empty title for bare sentences', () => {
    const doc = documentFromParts({ title: '', paragraphs: ['John Smith said so.', 'Another one.'] });
    expect(doc.title).toEqual({ text: '', start: 0, end: 0 });
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['John Smith said so.', 'Another one.']);
    expectSpansPointAtText(doc);
  });

  it('keeps each paragraph on one line and drops empty ones', () => {
    const doc = documentFromParts({ title: 'T', paragraphs: ['a\nb', '  ', ' c '] });
    expect(doc.paragraphs.map((s) => s.text)).toEqual(['a b', 'c']);
    expectSpansPointAtText(doc);
    expect(parseDocument(doc.text).paragraphs.map((s) => s.text)).toEqual(['a b', 'c']);
  });
});
