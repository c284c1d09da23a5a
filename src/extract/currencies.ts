/**
 * Currency tables for the price extractor: which surface forms name which ISO 4217 currency.
 *
 * Contract: plain data, no logic beyond lookup helpers; every table is read once at module load by
 * `prices.ts`, which compiles them into regular expressions. Lookup keys are normalised with
 * `normalizeCurrencyKey` (lower case, single spaces, no dots), so table entries are written that way.
 *
 * The tables are deliberately conservative: a form that in news text is more often something else
 * (bare "won" the verb, "Mark" the name, "pounds" the weight, bare "pesos"/"dinars" whose country is
 * unknown) is either absent or flagged, because a wrong currency is worse than a missed price.
 */
import { isoCurrencyNames } from './data/iso-currency-names.ts';

/** The currency signs of Unicode that are written before or after the number alike ("₴50", "50 ₴"). */
const UNICODE_CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  '₴': 'UAH',
  '₹': 'INR',
  '₩': 'KRW',
  '₺': 'TRY',
  '₪': 'ILS',
  '₦': 'NGN',
  '₱': 'PHP',
  '₫': 'VND',
  '₸': 'KZT',
  '₾': 'GEL',
  '₼': 'AZN',
  '฿': 'THB',
  '₭': 'LAK',
  '₡': 'CRC',
  '₮': 'MNT',
};

/** Symbols written before the number ("$5", "US$ 3.14", "€2"). Case-sensitive keys. */
export const PREFIX_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  'U.S.$': 'USD',
  'U.S. $': 'USD',
  'U.S$': 'USD',
  'U.S $': 'USD',
  'us $': 'USD',
  'u.s $': 'USD',
  'u.s. $': 'USD',
  'US $': 'USD',
  USD$: 'USD',
  usd$: 'USD',
  C$: 'CAD',
  'C $': 'CAD',
  'c $': 'CAD',
  CA$: 'CAD',
  CAN$: 'CAD',
  CAD$: 'CAD',
  cad$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  AUD$: 'AUD',
  aud$: 'AUD',
  NZ$: 'NZD',
  'NZ $': 'NZD',
  NZD$: 'NZD',
  nzd$: 'NZD',
  HK$: 'HKD',
  'HK $': 'HKD',
  'hk $': 'HKD',
  HKD$: 'HKD',
  'HKD $': 'HKD',
  'NZD $': 'NZD',
  'AUD $': 'AUD',
  'CAD $': 'CAD',
  'USD $': 'USD',
  SGD$: 'SGD',
  'SGD $': 'SGD',
  S$: 'SGD',
  SG$: 'SGD',
  NT$: 'TWD',
  R$: 'BRL',
  MX$: 'MXN',
  Mex$: 'MXN',
  mex$: 'MXN',
  MXN$: 'MXN',
  mxn$: 'MXN',
  Z$: 'ZWL',
  J$: 'JMD',
  TT$: 'TTD',
  BZ$: 'BZD',
  '€': 'EUR',
  '£': 'GBP',
  '₤': 'GBP',
  '₽': 'RUB',
  '¥': 'JPY',
  'JP¥': 'JPY',
  'CN¥': 'CNY',
  RMB: 'CNY',
  'Rs.': 'INR',
  Rs: 'INR',
  ...UNICODE_CURRENCY_SIGNS,
  Br: 'BYN',
  RM: 'MYR',
  Rp: 'IDR',
  'SFr.': 'CHF',
};

/** Symbols and abbreviations written after the number ("20€", "3,85 zł", "950 грн."). Case-sensitive keys. */
export const SUFFIX_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  CA$: 'CAD',
  NZ$: 'NZD',
  HK$: 'HKD',
  NT$: 'TWD',
  R$: 'BRL',
  BZ$: 'BZD',
  MX$: 'MXN',
  Rp: 'IDR',
  '֏': 'AMD',
  đ: 'VND',
  Р: 'RUB',
  рублей: 'RUB',
  рубля: 'RUB',
  рубль: 'RUB',
  Lei: 'RON',
  LEI: 'RON',
  'L.E.': 'EGP',
  LE: 'EGP', // "42 LE": upper case only, so the French article stays a word
  'L.E': 'EGP',
  '€': 'EUR',
  '£': 'GBP',
  '₽': 'RUB',
  '¥': 'JPY',
  円: 'JPY',
  元: 'CNY',
  원: 'KRW',
  ...UNICODE_CURRENCY_SIGNS,
  zł: 'PLN',
  Zł: 'PLN',
  Kč: 'CZK',
  '؋': 'AFN',
  // Egyptian pounds in lower case too ("42 l.e."); a bare "LE" is too often French
  'l.e.': 'EGP',
  '৳': 'BDT',
  'руб.': 'RUB',
  руб: 'RUB',
  'р.': 'RUB',
  'грн.': 'UAH',
  грн: 'UAH',
  'лв.': 'BGN',
  лв: 'BGN',
  Ft: 'HUF',
  lei: 'RON',
  Br: 'BYN',
  Rs: 'INR',
  'Fr.': 'CHF',
  TL: 'TRY',
  KD: 'KWD',
  RM: 'MYR',
};

/**
 * ISO 4217 codes recognised next to a number. Codes that are also common English words or
 * well-known names in upper-case headlines (ALL, TOP, CUP, MOP, BOB, PEN, SOS, MAD, AMD, BAM) are
 * left out: "ALL 5 solutions" must not become Albanian lek.
 */
export const ISO_CODES: ReadonlySet<string> = new Set(
  (
    'AED AFN ANG AOA ARS AUD AWG AZN BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BYR BZD CAD ' +
    'CDF CHF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW ' +
    'KWD KYD KZT LAK LBP LKR LRD LSL LYD MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NAD NGN ' +
    'NOK NPR NZD OMR PAB PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP ' +
    'SLE SLL SRD SSP STN SVC SYP SZL THB TJS TMT TND TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND ' +
    'VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL DEM FRF ITL NLG BEF FIM PTE GRD IEP'
  ).split(' '),
);

/** Codes common enough to be recognised in lower case too ("10 usd", "rmb 10"). */
export const LOWERCASE_CODES: ReadonlySet<string> = new Set(
  'usd eur gbp jpy cny rmb chf cad aud nzd hkd sgd rub byn uah pln inr krw brl mxn sek nok dkk czk huf'.split(
    ' ',
  ),
);

/** Code-like aliases that are not ISO codes but name one. */
export const CODE_ALIASES: Readonly<Record<string, string>> = {
  RMB: 'CNY',
  rmb: 'CNY',
  NTD: 'TWD',
  UKP: 'GBP',
  DM: 'DEM',
};

export interface CurrencyWord {
  /** ISO 4217 code. */
  iso: string;
  /** Power of ten the written amount is multiplied by: -2 for cents, pence, kopecks. */
  exponent: number;
  /**
   * The word is ambiguous in news text and counts as money only with corroboration: "pounds" is
   * also a weight, so "20 pounds" needs a magnitude or a money context.
   */
  weak?: boolean;
}

const LOWERCASE_ONLY_HAND: ReadonlySet<string> = new Set(
  'bucks rand dong lev leva dram drams lari leu kuna pula taka birr kyat lira tenge manat cedi afghani denar penny franc sterling mark marks'.split(
    ' ',
  ),
);

const W = (iso: string, exponent = 0, weak = false): CurrencyWord =>
  weak ? { iso, exponent, weak } : { iso, exponent };

/**
 * Currency words after a number, keyed by `normalizeCurrencyKey` form. Singular and plural forms
 * are both listed because "one-yen" and "12-cent" use the singular.
 */
const WORD_ENTRIES: Array<[string[], CurrencyWord]> = [
  [['dollar', 'dollars', 'bucks'], W('USD')],
  [['us dollar', 'us dollars', 'american dollar', 'american dollars', 'u s dollars', 'greenbacks'], W('USD')],
  [['canadian dollar', 'canadian dollars'], W('CAD')],
  [['australian dollar', 'australian dollars'], W('AUD')],
  [['new zealand dollar', 'new zealand dollars'], W('NZD')],
  [['hong kong dollar', 'hong kong dollars'], W('HKD')],
  [['singapore dollar', 'singapore dollars', 'singaporean dollars'], W('SGD')],
  [
    ['taiwan dollar', 'taiwan dollars', 'new taiwan dollar', 'new taiwan dollars', 'taiwanese dollars'],
    W('TWD'),
  ],
  [['zimbabwe dollars', 'zimbabwean dollars', 'zimbabwe dollar', 'zimbabwean dollar'], W('ZWL')],
  [['jamaican dollar', 'jamaican dollars'], W('JMD')],
  [['namibian dollars', 'namibian dollar'], W('NAD')],
  [['bahamian dollars'], W('BSD')],
  [['fijian dollars', 'fiji dollars'], W('FJD')],
  [['liberian dollars'], W('LRD')],
  [['brunei dollars'], W('BND')],
  [['east caribbean dollars'], W('XCD')],
  [['trinidad and tobago dollars'], W('TTD')],
  [['mexican dollars'], W('MXN')],
  [['cent', 'cents', 'us cents', 'u s cents'], W('USD', -2)],
  [['euro cent', 'euro cents', 'eurocents'], W('EUR', -2)],
  [['euro', 'euros'], W('EUR')],
  [['pound', 'pounds'], W('GBP', 0, true)],
  [
    [
      'pound sterling',
      'pounds sterling',
      'sterling',
      'british pound',
      'british pounds',
      'uk pounds',
      'gbp pounds',
    ],
    W('GBP'),
  ],
  [['pence'], W('GBP', -2)],
  [['pennies', 'penny'], W('GBP', -2, true)],
  [['egyptian pound', 'egyptian pounds', 'egyptianpound'], W('EGP')],
  [['lebanese pound', 'lebanese pounds'], W('LBP')],
  [['syrian pound', 'syrian pounds'], W('SYP')],
  [['sudanese pound', 'sudanese pounds'], W('SDG')],
  [['south sudanese pounds'], W('SSP')],
  [['yen', 'japanese yen'], W('JPY')],
  [['yuan', 'chinese yuan', 'renminbi', 'yuan renminbi', 'kuai'], W('CNY')],
  [['korean won', 'south korean won'], W('KRW')],
  [['north korean won'], W('KPW')],
  [['russian ruble', 'russian rubles', 'russian rouble', 'russian roubles'], W('RUB')],
  [['kopeck', 'kopecks', 'kopek', 'kopeks', 'kopeyka', 'kopeykas', 'kopecks russian'], W('RUB', -2)],
  [
    [
      'belarusian ruble',
      'belarusian rubles',
      'belarusian rouble',
      'belarusian roubles',
      'belarus ruble',
      'belarus rubles',
      'belarusian new rubles',
      'new belarusian rubles',
      'byn rubles',
    ],
    W('BYN'),
  ],
  [['belarusian kopeck', 'belarusian kopecks', 'belarusian kopeks', 'belarus kopecks'], W('BYN', -2)],
  [
    [
      'hryvnia',
      'hryvnias',
      'hryvnas',
      'hryvna',
      'hryvnya',
      'hryvnyas',
      'ukrainian hryvnia',
      'ukrainian hryvnias',
    ],
    W('UAH'),
  ],
  [['kopiyka', 'kopiykas', 'kopiyok'], W('UAH', -2)],
  [
    [
      'zloty',
      'zlotys',
      'zlotych',
      'złoty',
      'złotych',
      'złotys',
      'polish zloty',
      'polish zlotys',
      'polish złoty',
    ],
    W('PLN'),
  ],
  [['groszy', 'grosz'], W('PLN', -2)],
  [['rupee', 'rupees', 'indian rupee', 'indian rupees'], W('INR')],
  [['pakistani rupee', 'pakistani rupees'], W('PKR')],
  [['sri lankan rupee', 'sri lankan rupees'], W('LKR')],
  [['nepalese rupees', 'nepali rupees'], W('NPR')],
  [['mauritian rupees'], W('MUR')],
  [['paise'], W('INR', -2)],
  [['swiss franc', 'swiss francs'], W('CHF')],
  [['french franc', 'french francs'], W('FRF')],
  [['belgian franc', 'belgian francs'], W('BEF')],
  [['cfa franc', 'cfa francs'], W('XOF')],
  [
    ['deutsche mark', 'deutsche marks', 'deutschmark', 'deutschmarks', 'german marks', 'd marks', 'd mark'],
    W('DEM'),
  ],
  [['finnish markka', 'finnish markkas', 'markka', 'markkaa'], W('FIM')],
  [['dutch guilder', 'dutch guilders', 'guilders'], W('NLG')],
  [['peseta', 'pesetas', 'spanish pesetas'], W('ESP')],
  [['lire', 'italian lire'], W('ITL')],
  [['escudo', 'escudos', 'portuguese escudos'], W('PTE')],
  [['drachma', 'drachmas', 'drachmae', 'greek drachmas'], W('GRD')],
  [['austrian schillings', 'schillings'], W('ATS')],
  [['irish pounds', 'punts', 'irish punts'], W('IEP')],
  [['lira', 'liras', 'turkish lira', 'turkish liras'], W('TRY')],
  [['shekel', 'shekels', 'new shekels', 'new israeli shekels', 'israeli shekels'], W('ILS')],
  [['rand', 'south african rand'], W('ZAR')],
  [['reais', 'brazilian real', 'brazilian reais'], W('BRL')],
  [['mexican peso', 'mexican pesos'], W('MXN')],
  [['philippine peso', 'philippine pesos'], W('PHP')],
  [['argentine peso', 'argentine pesos', 'argentinian pesos'], W('ARS')],
  [['chilean peso', 'chilean pesos'], W('CLP')],
  [['colombian peso', 'colombian pesos'], W('COP')],
  [['cuban pesos'], W('CUP')],
  [['dominican pesos'], W('DOP')],
  [['uruguayan pesos'], W('UYU')],
  [['tenge', 'kazakh tenge'], W('KZT')],
  [['lari', 'georgian lari'], W('GEL')],
  [['dram', 'drams', 'armenian dram', 'armenian drams'], W('AMD')],
  [['manat', 'manats', 'azerbaijani manat'], W('AZN')],
  [['turkmen manat'], W('TMT')],
  [['kyrgyz som', 'kyrgyz soms'], W('KGS')],
  [['uzbek som', 'uzbek soms', 'uzbek sum'], W('UZS')],
  [['somoni', 'tajik somoni'], W('TJS')],
  [['krona', 'kronor', 'swedish krona', 'swedish kronor', 'swedish crowns'], W('SEK')],
  [['icelandic krona', 'icelandic kronur', 'kronur'], W('ISK')],
  [['norwegian krone', 'norwegian kroner', 'norwegian crowns'], W('NOK')],
  [['danish krone', 'danish kroner', 'danish crowns'], W('DKK')],
  [
    ['koruna', 'korunas', 'koruny', 'korun', 'czech koruna', 'czech korunas', 'czech crowns', 'czech koruny'],
    W('CZK'),
  ],
  [['forint', 'forints', 'hungarian forint', 'hungarian forints'], W('HUF')],
  [['leu', 'romanian lei', 'romanian leu'], W('RON')],
  [['moldovan lei', 'moldovan leu'], W('MDL')],
  [['lev', 'leva', 'bulgarian lev', 'bulgarian leva'], W('BGN')],
  [['kuna', 'kunas', 'croatian kuna'], W('HRK')],
  [['denar', 'denars', 'macedonian denars'], W('MKD')],
  [['serbian dinar', 'serbian dinars'], W('RSD')],
  [['kuwaiti dinar', 'kuwaiti dinars'], W('KWD')],
  [['iraqi dinar', 'iraqi dinars'], W('IQD')],
  [['jordanian dinar', 'jordanian dinars'], W('JOD')],
  [['bahraini dinar', 'bahraini dinars'], W('BHD')],
  [['libyan dinar', 'libyan dinars'], W('LYD')],
  [['algerian dinar', 'algerian dinars'], W('DZD')],
  [['tunisian dinar', 'tunisian dinars'], W('TND')],
  [['saudi riyal', 'saudi riyals', 'saudiriyal'], W('SAR')],
  [['qatari riyal', 'qatari riyals'], W('QAR')],
  [['omani rial', 'omani rials'], W('OMR')],
  [['iranian rial', 'iranian rials', 'rials'], W('IRR')],
  [['yemeni rial', 'yemeni rials'], W('YER')],
  [['uae dirham', 'uae dirhams', 'emirati dirham', 'emirati dirhams', 'dirham', 'dirhams'], W('AED')],
  [['moroccan dirham', 'moroccan dirhams'], W('MAD')],
  [
    [
      'ringgit',
      'ringgits',
      'malaysian ringgit',
      'malaysian ringgits',
      'malaysia ringgit',
      'malaysia ringgits',
    ],
    W('MYR'),
  ],
  [['baht', 'thai baht'], W('THB')],
  [['rupiah', 'indonesian rupiah'], W('IDR')],
  [['dong', 'vietnamese dong'], W('VND')],
  [['kyat', 'kyats'], W('MMK')],
  [['taka', 'bangladeshi taka'], W('BDT')],
  [['afghani', 'afghanis'], W('AFN')],
  [['tugrik', 'tugriks', 'tugrugs', 'tögrög'], W('MNT')],
  [['naira', 'nigerian naira'], W('NGN')],
  [['cedi', 'cedis', 'ghanaian cedis'], W('GHS')],
  [['kenyan shilling', 'kenyan shillings'], W('KES')],
  [['ugandan shilling', 'ugandan shillings'], W('UGX')],
  [['tanzanian shilling', 'tanzanian shillings'], W('TZS')],
  [['birr', 'ethiopian birr'], W('ETB')],
  [['kwacha', 'zambian kwacha'], W('ZMW')],
  [['malawian kwacha'], W('MWK')],
  [['pula'], W('BWP')],
  [['egyptian geneh', 'geneh', 'genihat masriya'], W('EGP')],
];

/** Lower case, dots dropped, runs of whitespace or hyphens collapsed to one space ("Australian-dollar", "D-marks"). */
export function normalizeCurrencyKey(surface: string): string {
  return surface
    .toLowerCase()
    .replace(/\./g, ' ')
    .replace(/[\s\u00a0-]+/g, ' ')
    .trim();
}

/** Currencies whose minor unit is a hundredth, for "3 dollars 50 cents". */
export const MINOR_UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  USD: ['cents', 'cent', 'c'],
  CAD: ['cents', 'cent', 'c'],
  AUD: ['cents', 'cent', 'c'],
  NZD: ['cents', 'cent', 'c'],
  CHF: ['cents', 'cent', 'centimes', 'rappen'],
  EUR: ['cents', 'cent', 'c'],
  GBP: ['pence', 'p', 'penny'],
  RUB: ['kopecks', 'kopeck', 'kopeks', 'kopek'],
  BYN: ['kopecks', 'kopeck', 'kopeks', 'kopek'],
  UAH: ['kopiykas', 'kopiyka', 'kopecks'],
  INR: ['paise'],
  MYR: ['sen', 'sens', 'c'],
  PLN: ['groszy', 'grosz'],
};

/**
 * Currency words shared by several countries ("pesos", "kroner", "lei", "kopecks"): which ISO code
 * they mean is read from the article (see `COUNTRY_CUES`). Among `options`, the one whose country
 * the article names most often wins; with no cue, or a tie, `fallback` applies, and a null fallback
 * means the price is skipped rather than guessed. Keys as in `CURRENCY_WORDS`; these entries take
 * precedence over it.
 */
export interface ContextualWord {
  options: readonly string[];
  fallback: string | null;
  exponent: number;
}

const PESO: ContextualWord = {
  options: ['PHP', 'MXN', 'ARS', 'CLP', 'COP', 'CUP', 'DOP', 'UYU'],
  fallback: null,
  exponent: 0,
};
const KRONE: ContextualWord = { options: ['NOK', 'DKK'], fallback: null, exponent: 0 };
const KRONA: ContextualWord = { options: ['SEK', 'ISK'], fallback: 'SEK', exponent: 0 };
const LEU: ContextualWord = { options: ['MDL', 'RON'], fallback: 'RON', exponent: 0 };
/** Rubles and kopecks are Belarusian in an article about Belarus, else Russian. */
const KOPECK: ContextualWord = { options: ['BYN', 'RUB'], fallback: 'RUB', exponent: -2 };
const RUBLE: ContextualWord = { options: ['BYN', 'RUB'], fallback: 'RUB', exponent: 0 };
/** Francs: French in an article about France (before 2002), Swiss in one about Switzerland, else Swiss. */
const FRANC: ContextualWord = { options: ['CHF', 'FRF'], fallback: 'CHF', exponent: 0 };
/** A bare "mark" is German or Finnish money only where the article says which country; else skipped. */
const MARK: ContextualWord = { options: ['DEM', 'FIM'], fallback: null, exponent: 0 };

export const CONTEXTUAL_WORDS: ReadonlyMap<string, ContextualWord> = new Map([
  ['peso', PESO],
  ['pesos', PESO],
  ['krone', KRONE],
  ['kroner', KRONE],
  ['krona', KRONA],
  ['kronor', KRONA],
  ['lei', LEU],
  ['leu', LEU],
  ['kopeck', KOPECK],
  ['kopecks', KOPECK],
  ['kopek', KOPECK],
  ['kopeks', KOPECK],
  ['kopeyka', KOPECK],
  ['kopeykas', KOPECK],
  ['ruble', RUBLE],
  ['rubles', RUBLE],
  ['rouble', RUBLE],
  ['roubles', RUBLE],
  ['franc', FRANC],
  ['francs', FRANC],
  ['mark', MARK],
  ['marks', MARK],
]);
const CONTEXTUAL_KEYS: ReadonlySet<string> = new Set(CONTEXTUAL_WORDS.keys());

/** Words (case-sensitive, whole words) that tie an article to the country of a currency. */
export const COUNTRY_CUES: Readonly<Record<string, readonly string[]>> = {
  PHP: [
    'Philippines',
    'Philippine',
    'Filipino',
    'Filipinos',
    'Filipina',
    'Manila',
    'Luzon',
    'Mindanao',
    'Cebu',
    'Davao',
    'Quezon City',
    'PHP',
    '₱',
  ],
  MXN: ['Mexico', 'Mexican', 'Mexicans', 'Guadalajara', 'Monterrey', 'Tijuana', 'MXN'],
  ARS: ['Argentina', 'Argentine', 'Argentinian', 'Argentines', 'Buenos Aires', 'ARS'],
  CLP: ['Chile', 'Chilean', 'Chileans', 'Valparaíso', 'CLP'],
  COP: ['Colombia', 'Colombian', 'Colombians', 'Bogotá', 'Bogota', 'Medellín', 'Medellin', 'Cali'],
  CUP: ['Cuba', 'Cuban', 'Cubans', 'Havana'],
  DOP: ['Dominican Republic', 'Santo Domingo', 'DOP'],
  UYU: ['Uruguay', 'Uruguayan', 'Uruguayans', 'Montevideo', 'UYU'],
  NOK: ['Norway', 'Norwegian', 'Norwegians', 'Oslo', 'Bergen', 'Stavanger', 'Trondheim', 'Tromsø', 'NOK'],
  DKK: ['Denmark', 'Danish', 'Danes', 'Copenhagen', 'Aarhus', 'Odense', 'DKK'],
  SEK: ['Sweden', 'Swedish', 'Swedes', 'Stockholm', 'Gothenburg', 'Malmö', 'SEK'],
  ISK: ['Iceland', 'Icelandic', 'Icelanders', 'Reykjavik', 'Reykjavík', 'ISK'],
  MDL: ['Moldova', 'Moldovan', 'Moldovans', 'Chisinau', 'Chișinău', 'Kishinev', 'MDL'],
  RON: ['Romania', 'Romanian', 'Romanians', 'Bucharest', 'Cluj', 'RON'],
  BYN: ['Belarus', 'Belarusian', 'Belarusians', 'Minsk', 'Lukashenko', 'BYN'],
  RUB: ['Russia', 'Russian', 'Russians', 'Moscow', 'Kremlin', 'RUB'],
  CHF: ['Switzerland', 'Swiss', 'Zurich', 'Zürich', 'Geneva', 'Bern', 'Basel', 'Lausanne', 'CHF'],
  FRF: ['France', 'French', 'Paris', 'Lyon', 'Marseille', 'Bank of France', 'FRF'],
  DEM: ['Germany', 'German', 'Germans', 'Bonn', 'Frankfurt', 'Bundesbank', 'Berlin', 'DEM', 'DM'],
  FIM: ['Finland', 'Finnish', 'Finns', 'Helsinki', 'FIM'],
};

const HAND_WORDS = new Map(WORD_ENTRIES.flatMap(([keys, word]) => keys.map((key) => [key, word] as const)));
const ISO_NAMES = isoCurrencyNames().filter(([key]) => !HAND_WORDS.has(key) && !CONTEXTUAL_KEYS.has(key));

/** The hand table, then every other ISO 4217 name and plural ("ringgit", "bahts", "nakfa"). */
export const CURRENCY_WORDS: ReadonlyMap<string, CurrencyWord> = new Map([
  ...HAND_WORDS,
  ...ISO_NAMES.map(([key, iso]) => [key, W(iso)] as const),
]);

/**
 * Bare currency words that are also names or ordinary words when capitalised ("Ayn Rand", "Lev
 * Tolstoy", "Milwaukee Bucks", "Mark"): they count only when written in lower case.
 */
export const LOWERCASE_ONLY_WORDS: ReadonlySet<string> = new Set([
  ...LOWERCASE_ONLY_HAND,
  ...ISO_NAMES.filter(([, , lowerOnly]) => lowerOnly).map(([key]) => key),
]);
