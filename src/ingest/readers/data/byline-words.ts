/**
 * Words that bylines carry besides names: the "by" label in the archive's languages, role
 * labels, and the joiners between several authors. Data for readers/bylines.ts.
 */

/** A leading label: "By", "von", "par", "Автор:", "Текст:"... */
export const BYLINE_LABELS = [
  'by',
  'written by',
  'words by',
  'story by',
  'reporting by',
  'von',
  'par',
  'por',
  'di',
  'door',
  'av',
  'af',
  'przez',
  'autor',
  'autorka',
  'author',
  'authors',
  'автор',
  'аўтар',
  'текст',
  'тэкст',
  'posted by',
  'published by',
];

/** Words joining several authors ("Anna Berg and Jan Kos", "Anna Berg und Jan Kos"). */
export const AUTHOR_JOINERS = ['and', 'und', 'et', 'y', 'e', 'en', 'och', 'og', 'i', 'и', 'і', 'a', '&'];
