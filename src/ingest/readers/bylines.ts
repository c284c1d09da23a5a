/**
 * Byline text to author names: the leading label cut ("By", "von", "Автор:"), a date or time
 * glued on after a separator cut ("von Anna Berg · 3. Mai 2021" → "Anna Berg"), entities decoded
 * by the caller, several authors split on commas and joiners.
 */
import { AUTHOR_JOINERS, BYLINE_LABELS, NAME_PARTICLES } from './data/byline-words.ts';
import { MONTHS, WEEKDAYS } from './data/months.ts';
import { parseDate } from './dates.ts';

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABEL = new RegExp(`^(?:${BYLINE_LABELS.map(escape).join('|')})\\s*:?\\s+`, 'iu');
// Case-sensitive: a capital "A" is an initial, a lower-case "a" joins two names.
const JOINER = new RegExp(`\\s+(?:${AUTHOR_JOINERS.map(escape).join('|')})\\s+|\\s*[,;]\\s*`, 'u');
/** What may stand between a name and a date glued after it. */
const SEPARATOR = /\s*(?:[·•|–—]|\s-\s|,\s*(?=\d)|\bon\b|\bam\b|\ble\b|\bel\b|\bdne\b)\s*/iu;
const SEPARATOR_ALL = new RegExp(SEPARATOR.source, 'giu');
const TIME_ONLY = /^\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|uhr|h))?$/i;

const UPDATE_LABEL =
  /^(?:(?:last\s+)?updated|aktualisiert|published|veröffentlicht|mis à jour|обновлено)\s*:?\s*/i;
const withoutUpdateLabel = (fragment: string): string => fragment.replace(UPDATE_LABEL, '').trim();

/** Whether a fragment is a date or time and nothing else ("3. Mai 2021", "10:45", "Updated 12.03.2022"). */
function isDateFragment(fragment: string): boolean {
  const f = withoutUpdateLabel(fragment);
  if (f === '') return true;
  if (TIME_ONLY.test(f)) return true;
  if (!/\d/.test(f)) return false;
  return parseDate(f, 'de') !== null || parseDate(f) !== null;
}

/** The last separator in the text, if any. */
function lastSeparator(text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(SEPARATOR_ALL)) last = match;
  return last;
}

/** One byline cleaned: label, trailing date/time parts and stray punctuation removed. */
export function cleanByline(byline: string): string {
  let text = byline.replace(/\s+/g, ' ').trim().replace(LABEL, '');
  for (let match = lastSeparator(text); match; match = lastSeparator(text)) {
    if (!isDateFragment(text.slice(match.index + match[0].length))) break;
    text = text.slice(0, match.index);
  }
  // A byline that is only a date ("April 28, 2019 at 6:01 am", "Last Updated: January 7, 2025") names nobody.
  if (isDateFragment(text) && opensDate(withoutUpdateLabel(text))) return '';
  const glued = gluedDateStart(text);
  if (glued !== null) text = text.slice(0, glued);
  return text.replace(/^[\s,;:·|–—-]+|[\s,;:·|–—-]+$/g, '').trim();
}

/** Whether text begins the way a date does: a digit, a month name or a weekday name. */
function opensDate(text: string): boolean {
  const word = /^\p{L}+/u.exec(text)?.[0].toLowerCase();
  return word === undefined ? /^\d/.test(text) : MONTHS.has(word) || WEEKDAYS.has(word);
}

/** Where a word starts, or a capital or digit right after a lower-case letter ("ArnoldNovember", "Nolan22"). */
const WORD_START = /(?<=\s)\S|(?<=\p{Ll})(?=\p{Lu}|\d)/gu;

/**
 * Where a date glued on without a separator begins ("Nathan Willis March 25, 2015",
 * "Carrie ArnoldNovember 15, 2019"): the first word start after some letters from which the rest
 * is a date; null when there is none.
 */
function gluedDateStart(text: string): number | null {
  for (const match of text.matchAll(WORD_START)) {
    const at = match.index;
    const rest = text.slice(at);
    if (/\p{L}/u.test(text.slice(0, at)) && opensDate(rest) && isDateFragment(rest)) return at;
  }
  return null;
}

/** Several authors in one string ("Anna Berg, Jan Kos and Eva Lind") as separate names. */
export function splitAuthors(byline: string): string[] {
  const text = byline.replace(LABEL, '');
  const parts = text
    .split(JOINER)
    .map((part) => part.trim())
    .filter(Boolean);
  // "Berg, Anna" (surname first) or a name with a title after a comma is not two people.
  if (parts.length === 2 && parts.every((part) => !/\s/.test(part))) return [text.trim()];
  return parts.length > 0 ? parts : [];
}

const PARTICLES = new Set(NAME_PARTICLES);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/**
 * Whether a cleaned byline reads as the names of people (or of an agency): one to five
 * capitalised words per author, particles allowed between them, no digits. For bylines found by
 * their place on the page rather than declared, so "By 2030, the …", "Par ailleurs" and an
 * author's biography are not taken.
 */
export function looksLikeNames(byline: string): boolean {
  const authors = splitAuthors(byline);
  if (authors.length === 0 || byline.length > 100) return false;
  return authors.every((author) => {
    const words = author.split(/\s+/);
    if (words.length > 5 || !NAME_WORD.test(words[0]!) || !NAME_WORD.test(words.at(-1)!)) return false;
    return words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word.toLowerCase()));
  });
}

/** Whether a line begins with a byline label ("By", "Von", "Автор:"): the text after it is a byline. */
export const hasBylineLabel = (line: string): boolean => LABEL.test(line.replace(/\s+/g, ' ').trim());

/**
 * Whether a byline found by Readability is a sentence rather than names ("Anna Berg covers
 * energy policy for us since 2019.", an author box): five words or more, ending as a sentence
 * ends, with lower-case words that are not particles. Names in other scripts and "(avec …)" asides
 * are kept; only prose is refused.
 */
export function readsAsSentence(byline: string): boolean {
  const words = byline.split(/\s+/);
  const lowerCase = words.filter((word) => /^\p{Ll}/u.test(word) && !PARTICLES.has(word));
  return words.length >= 5 && /[.!?]$/.test(byline) && lowerCase.length >= 2;
}
