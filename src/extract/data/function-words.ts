/**
 * Function-word lists shared by the people and quote extractors. Everything is lower case; the
 * extractors build their Sets from these once, at module load.
 */

/**
 * Adverbs and auxiliaries that may stand between a name and its verb of speech ("Smith also
 * said", "Smith has repeatedly warned"): skipped when a verb's subject or a name's cue is read.
 */
export const ADVERBS = [
  'also', 'then', 'later', 'once', 'previously', 'recently', 'earlier', 'has', 'had', 'have', 'was', 'is',
  'again', 'further', 'subsequently', 'personally', 'reportedly', 'allegedly', 'publicly', 'repeatedly',
  'firmly', 'openly', 'clearly', 'bluntly', 'frankly', 'flatly', 'quickly', 'calmly', 'simply', 'just', 'only',
  'finally', 'bitterly', 'angrily', 'proudly', 'sharply', 'confidently', 'cheerfully', 'emphatically',
  'jokingly', 'candidly', 'would', 'will', 'famously', 'memorably', 'now', 'today', 'yesterday', 'quietly',
  'loudly', 'softly', 'gravely', 'ruefully', 'wryly', 'herself', 'himself',
];

/** Words next to a name that show a woman: kinship, roles and honorifics ("his sister", "Mrs."). */
export const FEMALE_ROLES = [
  'sister', 'wife', 'mother', 'daughter', 'woman', 'queen', 'princess', 'spokeswoman', 'chairwoman',
  'congresswoman', 'businesswoman', 'actress', 'waitress', 'widow', 'girlfriend', 'fiancee', 'grandmother',
  'granddaughter', 'aunt', 'niece', 'mrs', 'ms', 'miss', 'madam', 'madame', 'lady', 'dame', 'duchess',
  'baroness', 'countess', 'empress', 'first lady',
];

/** Words next to a name that show a man. */
export const MALE_ROLES = [
  'brother', 'husband', 'father', 'son', 'man', 'king', 'prince', 'spokesman', 'chairman', 'congressman',
  'businessman', 'actor', 'waiter', 'widower', 'boyfriend', 'fiance', 'grandfather', 'grandson', 'uncle',
  'nephew', 'mr', 'sir', 'lord', 'duke', 'baron', 'count', 'emperor', 'pope', 'monsieur', 'herr',
];

/** Kinship words: a person introduced with one ("his wife Heidi Cruz") is a relative of the story's principal. */
export const KIN_WORDS = [
  'wife', 'husband', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'uncle', 'aunt', 'nephew',
  'niece', 'cousin', 'grandson', 'granddaughter', 'grandfather', 'grandmother', 'widow', 'widower', 'stepson',
  'stepdaughter', 'stepfather', 'stepmother', 'son-in-law', 'daughter-in-law', 'father-in-law', 'mother-in-law',
];
