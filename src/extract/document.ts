/**
 * Document parser: splits one scraped article into header furniture, title and paragraphs.
 *
 * Contract:
 * - Input is the document verbatim (a BOM, CRLF or CR line ends, stray whitespace and blank
 *   lines are all tolerated); `ParsedDocument.text` is that input unchanged, and every span's
 *   offsets index into it, trimmed of surrounding whitespace (and of the BOM).
 * - Header: the lines before the title that are page furniture: price lines ("3.71 BYN"),
 *   dates, times, bare numbers, breadcrumbs and navigation words.
 * - Title: the first non-blank line that is not furniture; an empty span at 0 if there is none.
 * - Paragraphs: every later non-blank line, in order; paragraphs[0] is the lead.
 * - `documentFromParts` builds the same structure from already-separated parts (HTML or JSON
 *   imports, evaluation sentences) without re-guessing which line is the title.
 */
import type { ParsedDocument, Span } from './types.ts';

/** A price on its own: "3.71 BYN", "$4.99", "€ 12,50", "1 200 ₽", "USD 3". */
const PRICE_LINE =
  /^(?:(?:[A-Z]{3}|[$€£¥₽₴₸₹]|руб\.?|р\.|грн\.?|zł|kr)\s?[-+]?\d[\d\s.,']*|[-+]?\d[\d\s.,']*\s?(?:[A-Z]{3}|[$€£¥₽₴₸₹%]|руб\.?|р\.|грн\.?|zł|kr|коп\.?))(?:\s*[▲▼↑↓+\-−]?\s*\d[\d.,]*\s*%?)?$/u;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const WEEKDAY =
  '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|updated|published|posted)';

/** Date/time lines: "12.03.2025", "2025-03-12 14:05", "March 12, 2025", "Mon, 12 Mar 2025 10:00 GMT". */
const DATE_LINE = new RegExp(
  `^(?:${WEEKDAY}[,:]?\\s*)?(?:` +
    `\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}` +
    `|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?` +
    `|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?` +
    `|\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?` +
    `)(?:[,\\s|·•-]+(?:\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?|\\d{4}|[A-Z]{2,4}|[+-]\\d{2}:?\\d{2}))*$`,
  'iu',
);

/** Navigation and furniture words that make up a whole short line. */
const NAV_WORDS = new Set(
  (
    'home main menu news latest top politics economy business society world sport sports culture opinion ' +
    'search login log in sign subscribe share print email comments comment advertisement advert ads ad sponsored ' +
    'read more next previous prev back skip to content follow us photo video videos gallery live breaking ' +
    'updated published by all rights reserved cookies accept close more tags tag category categories ' +
    'en ru by be de fr es ua pl eng рус бел укр главная новости'
  ).split(' '),
);

/** "Updated 09:45, 14 March 2025", "Reading time: 3 min", "5 min read", "Photo: Reuters", "By Jane Doe | 12.03.2025". */
const META_LINE =
  /^(?:(?:updated|published|posted|last updated|modified|date|time)\b[:\s].{0,40}\d.{0,30}|(?:reading time|read time|time to read)\s*:?\s*\d+\s*(?:min(?:ute)?s?|m)\.?|\d+\s*(?:min(?:ute)?s?|m)\s+read|(?:photo|image|illustration|source|foto|фото)\s*:.{0,60}|\d[\d\s,.]*\s*(?:views?|comments?|shares?|просмотр\p{L}*)|(?:\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}).{0,40}(?:\d{1,2}:\d{2}|\d{4}))$/iu;

function isFurniture(line: string): boolean {
  if (!/\p{L}/u.test(line)) return true; // numbers, rules, bullets, separators
  if (line.length <= 80 && META_LINE.test(line)) return true;
  if (PRICE_LINE.test(line)) return true;
  if (DATE_LINE.test(line)) return true;
  const words = line
    .toLowerCase()
    .split(/[\s|/»>›•·,:\-–—]+/u)
    .filter(Boolean);
  if (words.length > 0 && words.length <= 6 && words.every((w) => NAV_WORDS.has(w) || /^\d+$/.test(w)))
    return true;
  // Breadcrumbs and menus ("News | World | Europe") are short items between separators.
  if (
    /\s[|›»>/•·]\s/u.test(line) &&
    line.split(/\s[|›»>/•·]\s/u).every((part) => part.trim().split(/\s+/).length <= 3)
  )
    return true;
  return false;
}

/** Every line with its trimmed span; blank lines come back as empty spans. */
function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    let s = lineStart;
    let e = i;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    lines.push({ text: text.slice(s, e), start: s, end: e });
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return lines;
}

function isSpace(code: number): boolean {
  // BOM, NBSP, zero-width and ordinary whitespace all count as padding
  return (
    code === 0xfeff ||
    code === 0x200b ||
    code === 0xa0 ||
    code <= 0x20 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x3000
  );
}

export function parseDocument(text: string): ParsedDocument {
  const lines = splitLines(text).filter((line) => line.text !== '');
  const header: Span[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isFurniture(line.text)) break;
    header.push(line);
  }
  if (i >= lines.length) {
    // Nothing but furniture: keep it as header rather than inventing a title.
    return { text, header, title: { text: '', start: 0, end: 0 }, paragraphs: [] };
  }
  return { text, header, title: lines[i]!, paragraphs: lines.slice(i + 1) };
}

/** Collapses internal line breaks so that each paragraph stays one line of the built text. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

export function documentFromParts(parts: {
  header?: string[];
  title: string;
  paragraphs: string[];
}): ParsedDocument {
  const header: Span[] = [];
  const paragraphs: Span[] = [];
  let text = '';
  const push = (s: string): Span => {
    const span = { text: s, start: text.length, end: text.length + s.length };
    text += s;
    return span;
  };
  for (const line of parts.header ?? []) {
    const s = oneLine(line);
    if (s === '') continue;
    header.push(push(s));
    text += '\n';
  }
  const titleText = oneLine(parts.title);
  let title: Span = { text: '', start: 0, end: 0 };
  if (titleText !== '') {
    title = push(titleText);
    text += '\n\n';
  }
  let first = true;
  for (const p of parts.paragraphs) {
    const s = oneLine(p);
    if (s === '') continue;
    if (!first) text += '\n';
    first = false;
    paragraphs.push(push(s));
  }
  return { text, header, title, paragraphs };
}
