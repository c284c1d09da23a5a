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

/**
 * Words in the class or id of an element that holds the byline, in the archive's languages
 * ("autor", "auteur", "autore", "firma" for the signature in Spanish and Italian pages).
 * Readability knows only "byline", "author" and "dateline".
 */
export const BYLINE_CLASS_WORDS = [
  'byline',
  'author',
  'autor',
  'auteur',
  'autore',
  'firma',
  'signature',
  'verfasser',
  'writer',
  'reporter',
  'journalist',
];

/** Lower-case words inside a name ("Ursula von der Leyen", "Abu al-Hassan", "Maria da Silva"). */
export const NAME_PARTICLES = [
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'ter',
  'zu',
];
