/**
 * Word lists of the people extractor that are not in lexicon.ts: token-level furniture (title
 * abbreviations, Title Case's lower-case words, sentence openers), company legal forms, and the
 * context words that mark places and appositions. Plain data, built into Sets once at load.
 */

/** Particles that can open a name without a given name before them ("de Gaulle", "von der Leyen", "al-Assad"). */
export const LEADING_PARTICLE = new Set([
  'von',
  'van',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'le',
  'la',
  'bin',
  'ibn',
  'al',
  'el',
  'abu',
  'ter',
  'ten',
  'dos',
  'das',
]);
export const ABBREVIATED_TITLES = new Set([
  // suffixes keep their period too: "Martin Luther King Jr."
  'jr',
  'sr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'rev',
  'hon',
  'del',
  'amb',
  'insp',
  'supt',
  'det',
  'fr',
  'pres',
]);
export const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'madame',
  'monsieur',
  'herr',
  'frau',
  'señor',
  'senor',
  'señora',
  'senora',
]);
/** Legal forms written after a company name, case as written: "Nordvik Havbruk AS", "Torres S.A.", "Jansen BV". */
export const LEGAL_FORMS = new Set(
  'AS ASA AB AG BV NV SE KG SA SAS SARL Srl SRL Oy Oyj SpA GmbH Ltd Ltda PLC plc LLC LLP Inc Corp JSC PJSC Bhd Tbk Pte S.A. S.p.A. N.V. B.V. A/S S.L. S.R.L. S.A.S. Cia'.split(
    ' ',
  ),
);
export const ORG_LINKS = new Set(['of', 'for', 'on', 'and', '&', 'de', 'du', 'des', 'der', 'für']);
/** The only words Title Case leaves in lower case. */
export const HEADLINE_LOWER = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'as',
  'vs',
  'vs.',
  'via',
  'into',
  'over',
  'after',
  'amid',
]);
export const CLOSING_MARKS = new Set(['”', '"', '»', '’']);
export const SENTENCE_OPENERS = new Set([
  '.',
  '!',
  '?',
  ':',
  ';',
  '“',
  '”',
  '"',
  '«',
  '»',
  '„',
  '(',
  '[',
  '—',
  '–',
  '-',
  '‘',
  '•',
  '|',
]);

/** Words after a name that make it a place: "Dong Nai province", "Grande Prairie county". */
/**
 * Lower-case words after a name that make it a venue named after someone, whatever its first
 * word: "the Santiago Bernabeu stadium", "John F. Kennedy airport", "Martin Luther King avenue".
 */
export const VENUE_NOUNS = new Set([
  'stadium',
  'arena',
  'park',
  'beach',
  'square',
  'street',
  'avenue',
  'boulevard',
  'bridge',
  'hospital',
  'museum',
  'cathedral',
  'circuit',
  'racecourse',
  'airport',
]);
export const PLACE_NOUNS = new Set([
  ...VENUE_NOUNS,
  'province',
  'region',
  'county',
  'city',
  'state',
  'district',
  'oblast',
  'krai',
  'prefecture',
  'municipality',
  'department',
  'governorate',
  'canton',
  'territory',
  'valley',
  'river',
  'island',
  'islands',
  'port',
  'airport',
  'area',
  'metropolitan',
  'harbour',
  'harbor',
  'bay',
  'mountains',
]);
/** Prepositions of place before a name with no other evidence: "workers in Grande Prairie". */
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around']);

/** Words that end an apposition: ", a nurse at the clinic, said". */
export const APPOSITION_BLOCKERS = new Set(['in', 'near', 'outside', 'across', 'around', 'from', 'at', 'to', 'of']);
export const APPOSITION_END = new Set([',', '.', ';', ':', '!', '?', '(', ')', '“', '”', '"', '—', '–']);

/** Legal forms written before a company name: "PT Tambang Timah", "OAO Gazprom". */
export const LEGAL_PREFIXES = new Set(['PT', 'RAO', 'OAO', 'ZAO', 'OOO', 'PAO', 'AO', 'JSC', 'PJSC', 'OJSC', 'CJSC', 'SC']);

/**
 * Lower-case nouns that introduce the name of an organisation, not a person: "the daily Mlada
 * Fronta Dnes", "photo agency Getty Images", "the band Arctic Monkeys", "carmaker Great Wall".
 */
export const ORGANISATION_DESCRIPTORS = new Set([
  'daily', 'newspaper', 'paper', 'magazine', 'weekly', 'tabloid', 'broadcaster', 'channel', 'agency', 'firm',
  'company', 'website', 'portal', 'club', 'team', 'band', 'label', 'brand', 'carrier', 'airline', 'lender',
  'insurer', 'retailer', 'maker', 'carmaker', 'automaker', 'manufacturer', 'developer', 'studio', 'outlet',
  'publication', 'operator', 'startup', 'start-up', 'conglomerate', 'chain', 'supplier', 'publisher', 'miner',
  'brewer', 'group', 'bank', 'fund', 'charity', 'party', 'union', 'show', 'programme', 'program', 'series',
  'film', 'album', 'song', 'novel', 'book', 'play', 'musical', 'app', 'platform', 'network', 'sponsor',
]);

/**
 * Lower-case words after a name that make it a firm or an index named after people: "Dow Jones
 * industrial average", "Dean Witter Reynolds stock", "the Forbes subsidiary".
 */
export const FIRM_NOUNS_AFTER = new Set([
  'fund',
  'industrial',
  'index',
  'stock',
  'stocks',
  'subsidiary',
  'brokerage',
  'securities',
  'shareholders',
  'stake',
]);
/** Price moves after "shares": "Dean Witter shares fell" is a firm's stock, not a person sharing. */
export const SHARE_MOVES = new Set([
  'rose',
  'fell',
  'closed',
  'were',
  'gained',
  'lost',
  'slipped',
  'jumped',
  'eased',
  'dropped',
  'climbed',
  'edged',
  'traded',
  'ended',
  'firmed',
  'slid',
  'rallied',
  'surged',
  'tumbled',
  'plunged',
  'added',
  'opened',
]);

/**
 * Jobs that name an employer around them: "Jardine Fleming analyst Peter Churchouse", "analysts at
 * Merrill Lynch", "an economist with Warburg Pincus": the employer is a firm, even named after people.
 */
export const EMPLOYEE_NOUNS = new Set([
  'analyst',
  'analysts',
  'economist',
  'economists',
  'strategist',
  'strategists',
  'trader',
  'traders',
  'dealer',
  'dealers',
  'broker',
  'brokers',
  'banker',
  'bankers',
  'manager',
  'managers',
  'researcher',
  'researchers',
  'partner',
  'partners',
  'executive',
  'executives',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'director',
  'directors',
]);
/** Leading words of a place name: "Cape Hatteras", "Mount Kenya", "Lake Geneva", "Fort Bragg". */
export const PLACE_PREFIXES = new Set(['cape', 'mount', 'mt', 'lake', 'port', 'fort', 'isle', 'gulf']);
/** Lower-case words after a full name that make it a law, report or prize named after people ("the Helms Burton law"). */
export const NAMED_AFTER_NOUNS = new Set([
  'law',
  'laws',
  'bill',
  'act',
  'amendment',
  'doctrine',
  'treaty',
  'plan',
  'formula',
  'report',
  'commission',
  'committee',
  'rule',
  'award',
  'prize',
  'trophy',
  'cup',
  'memorial',
  'foundation',
]);
/** Verbs of a match between two sides: "Preston beat Burnley", "Chester lost to Lincoln". */
export const MATCH_VERBS: readonly (readonly string[])[] = [
  ['beat'],
  ['defeated'],
  ['thrashed'],
  ['edged'],
  ['drew', 'with'],
  ['lost', 'to'],
  ['lost', 'at'],
  ['won', 'at'],
  ['held'],
];
