/**
 * Byline text to author names: the leading label cut ("By", "von", "Автор:"), a date or time
 * glued on after a separator cut ("von Anna Berg · 3. Mai 2021" → "Anna Berg"), entities decoded
 * by the caller, several authors split on commas and joiners.
 */
import { AUTHOR_JOINERS, BYLINE_LABELS } from './data/byline-words.ts';
import { parseDate } from './dates.ts';

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABEL = new RegExp(`^(?:${BYLINE_LABELS.map(escape).join('|')})\\s*:?\\s+`, 'iu');
// Case-sensitive: a capital "A" is an initial, a lower-case "a" joins two names.
const JOINER = new RegExp(`\\s+(?:${AUTHOR_JOINERS.map(escape).join('|')})\\s+|\\s*[,;]\\s*`, 'u');
/** What may stand between a name and a date glued after it. */
const SEPARATOR = /\s*(?:[·•|–—]|\s-\s|,\s*(?=\d)|\bon\b|\bam\b|\ble\b|\bel\b|\bdne\b)\s*/iu;
const SEPARATOR_ALL = new RegExp(SEPARATOR.source, 'giu');
const TIME_ONLY = /^\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|uhr|h))?$/i;

/** Whether a fragment is a date or time and nothing else ("3. Mai 2021", "10:45", "Updated 12.03.2022"). */
function isDateFragment(fragment: string): boolean {
  const f = fragment
    .replace(/^(?:updated|aktualisiert|published|veröffentlicht|mis à jour|обновлено)\s*:?\s*/i, '')
    .trim();
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
  return text.replace(/^[\s,;:·|–—-]+|[\s,;:·|–—-]+$/g, '').trim();
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
