/**
 * Gender as the text shows it, inferred in this one module: from a given name ("Maria" → f) or
 * an honorific or role word ("Mrs", "chairwoman" → f; "Mr", "king" → m). Null when the text
 * does not say. Used by clustering (namesakes) and exported for the quote resolver (pronouns).
 */
import { FEMALE_ROLES, MALE_ROLES } from '../data/function-words.ts';
import { FEMALE_NAMES, MALE_NAMES } from '../data/names.ts';

export const FEMALE_GIVEN = new Set(FEMALE_NAMES.split(' '));
export const MALE_GIVEN = new Set(MALE_NAMES.split(' '));
export const FEMALE_WORD = new Set(FEMALE_ROLES);
export const MALE_WORD = new Set(MALE_ROLES);
