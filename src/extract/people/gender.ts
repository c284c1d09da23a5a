/**
 * Gender as the text shows it, inferred in this one module: from a given name ("Maria" → f) or
 * from an honorific or role word ("Mrs", "chairwoman" → f; "Mr", "king" → m). Null when the text
 * does not say. Clustering uses it to tell namesakes apart, and every PersonFact carries the
 * result (`gender`), so that the quote resolver matches pronouns without inferring it again.
 */
import { FEMALE_ROLES, MALE_ROLES } from '../data/function-words.ts';
import { FEMALE_NAMES, MALE_NAMES } from '../data/names.ts';

export type Gender = 'm' | 'f';

const FEMALE_GIVEN = new Set(FEMALE_NAMES.split(' '));
const MALE_GIVEN = new Set(MALE_NAMES.split(' '));
const FEMALE_WORD = new Set(FEMALE_ROLES);
const MALE_WORD = new Set(MALE_ROLES);

/** Gender of a lower-case given name, or null when it is unknown or used for both. */
export function genderOfGivenName(given: string): Gender | null {
  return FEMALE_GIVEN.has(given) ? 'f' : MALE_GIVEN.has(given) ? 'm' : null;
}

/** Gender shown by a lower-case honorific or role word ("mrs", "spokeswoman", "king"), or null. */
export function genderOfWord(word: string): Gender | null {
  return FEMALE_WORD.has(word) ? 'f' : MALE_WORD.has(word) ? 'm' : null;
}
