/**
 * Number and magnitude words for the price extractor, lower case. Spelled-out English numbers
 * ("two and a half million"); magnitudes after digits in English and, because prices are read in
 * every language, in German and Czech news too ("1,2 Milliarden Euro", "12 miliard korun").
 */

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** English scale words that may follow a spelled-out number ("six billion"). */
export const SCALE_WORDS = ['hundred', 'thousand', 'million', 'billion', 'trillion'] as const;

/** Magnitude words written out after digits, longest alternatives matter only to the regex builder. */
export const MAGNITUDE_WORDS = [
  'thousand',
  'million',
  'billion',
  'trillion',
  'lakhs',
  'lakh',
  'crores',
  'crore',
  // German
  'tausend',
  'millionen',
  'million',
  'milliarden',
  'milliarde',
  'billionen',
  // Czech, Slovak and Polish forms of million and milliard
  'milionů',
  'miliony',
  'milion',
  'miliónov',
  'milionów',
  'miliardů',
  'miliardy',
  'miliard',
  'miliardów',
] as const;

/** Power of ten of each magnitude word or abbreviation, keyed lower case without a final dot. */
export const MAGNITUDE_EXPONENTS: Readonly<Record<string, number>> = {
  hundred: 2,
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
  lakh: 5,
  lakhs: 5,
  crore: 7,
  crores: 7,
  k: 3,
  m: 6,
  mn: 6,
  mln: 6,
  mil: 6,
  b: 9,
  bn: 9,
  bln: 9,
  tn: 12,
  trn: 12,
  tausend: 3,
  millionen: 6,
  milliarde: 9,
  milliarden: 9,
  // German "Billion" is 10^12, but an English-language "billion" is far more common: only the plural counts
  billionen: 12,
  mio: 6,
  mrd: 9,
  milion: 6,
  miliony: 6,
  milionů: 6,
  miliónov: 6,
  milionów: 6,
  miliard: 9,
  miliardy: 9,
  miliardů: 9,
  miliardów: 9,
};
