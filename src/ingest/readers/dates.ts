/**
 * Publication dates as pages and records write them: ISO 8601 (with "+01" or "+0100" offsets),
 * numeric dates read day-first or month-first by the page's language, and dates with month names
 * in the languages of data/months.ts ("3. Mai 2021", "12 октября 2022 г.", "March 25, 2015").
 * A date that cannot be read for sure (03/04/2021 with no language to say which is the day) is
 * null: no date is better than a wrong one.
 */
import { MONTHS, MONTH_FIRST_LANGUAGES } from './data/months.ts';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** No archived news page is older than this. */
const MIN_YEAR = 1800;

function utcDate(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  offsetMinutes = 0,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  // Placeholders ("0001-01-01", "1970-01-01") and far futures are not publication dates.
  if (year < MIN_YEAR || year > new Date().getUTCFullYear() + 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000);
  if (date.getTime() === 0) return null;
  // 31 February and the like roll over into the next month: not a date.
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day ? date : null;
}

function offsetOf(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function parseIso(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone] = m;
  return utcDate(
    Number(y),
    Number(mo),
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    offsetOf(zone),
  );
}

const languageTag = (language: string | null | undefined): string | null =>
  language ? language.toLowerCase().replace('_', '-') : null;

/** dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy: the order by language; ambiguous without one unless a part is over 12. */
function parseNumeric(text: string, language: string | null): Date | null {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?/.exec(text);
  if (!m) return null;
  const [, a, separator, b, y, h, mi] = m;
  const first = Number(a);
  const second = Number(b);
  let dayFirst: boolean;
  if (first > 12) dayFirst = true;
  else if (second > 12) dayFirst = false;
  else if (separator === '.')
    dayFirst = true; // dotted dates are day-first wherever they are written
  else if (language) dayFirst = !MONTH_FIRST_LANGUAGES.has(language);
  else return first === second ? utcDate(Number(y), first, first) : null;
  const [day, month] = dayFirst ? [first, second] : [second, first];
  return utcDate(Number(y), month, day, Number(h ?? 0), Number(mi ?? 0));
}

const monthNumber = (word: string): number | null =>
  MONTHS.get(word.toLowerCase().replace(/\.$/, '')) ?? null;

/** "3. Mai 2021", "12 октября 2022", "March 25, 2015", "25 de marzo de 2015", "2015年3月25日". */
function parseWords(text: string): Date | null {
  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (cjk) return utcDate(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]));
  const dayFirst = /(\d{1,2})\.?\s+(?:de\s+)?([\p{L}.]{3,})\s+(?:de\s+)?(\d{4})/u.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!);
    if (month) return utcDate(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  const monthFirst = /([\p{L}.]{3,})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/u.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!);
    if (month) return utcDate(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  return null;
}

/**
 * A date from a metadata value or a record field: ISO first, then (for text) numeric and
 * month-name forms read by `language`; a number is epoch milliseconds (seconds when small).
 */
export function parseDate(value: unknown, language?: string | null): Date | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const date = new Date(value < 1e11 ? value * 1000 : value);
    const year = date.getUTCFullYear();
    return Number.isNaN(date.getTime()) || value <= 0 || year < MIN_YEAR ? null : date;
  }
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  return (
    parseIso(text) ??
    parseNumeric(text, languageTag(language)) ??
    parseWords(text) ??
    (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}/.test(text) ? validDate(new Date(text)) : null)
  );
}

/** RFC 1123 dates ("Tue, 03 May 2021 10:00:00 GMT") are read by Date itself, unambiguously. */
function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
