/**
 * Word lists for telling organisations, places and works from people (people extractor,
 * src/extract/people/). Lower case; the extractor builds its Sets once at module load.
 */

/**
 * Organisation descriptors that are verbs as often as nouns: "the show Shark Tank" introduces a
 * show, "polls show Zieliński ahead" does not. These only introduce an organisation after a
 * determiner or a modifier, never after a word in VERB_CONTEXT or a plural subject.
 */
export const VERB_LIKE_DESCRIPTORS = [
  'show', 'play', 'book', 'label', 'brand', 'sponsor', 'fund', 'film', 'bank', 'chain', 'club', 'team',
  'union', 'group', 'network', 'program', 'programme', 'platform', 'studio', 'outlet', 'series', 'paper',
];

/** Words before a verb: "to show", "will play", "did not fund". */
export const VERB_CONTEXT = [
  'to', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must', 'did', 'does', 'do', 'not',
  'also', 'they', 'we', 'you', 'i', 'he', 'she', 'it', 'who', 'which', 'that', 'data', 'never', 'often',
];

/** Legal forms written after a firm's name and joined to it by "and" or "&": "Russ Berrie and Co", "Smith & Sons". */
export const FIRM_TAILS = ['co', 'company', 'cie', 'sons', 'son', 'partners', 'associates', 'brothers', 'bros'];

/** Lower-case nouns after a name that make it a news organisation: "the Itar-Tass news agency". */
export const MEDIA_NOUNS_AFTER = ['newspaper', 'daily', 'weekly', 'tabloid', 'broadcaster', 'agency', 'magazine'];

/** Foreign articles that open the names of newspapers and works: "O Globo", "Le Monde", "El País", "Die Zeit". */
export const FOREIGN_ARTICLES = ['o', 'os', 'el', 'la', 'los', 'las', 'le', 'les', 'il', 'lo', 'die', 'der', 'das', 'het'];

/**
 * Nationalities, peoples and faiths the demonym list (places.ts) lacks: before a name they
 * describe it ("East Timorese Roman Catholic Bishop Carlos Belo"), they are never part of it.
 */
export const EXTRA_DEMONYMS = [
  'timorese', 'togolese', 'burmese', 'nepalese', 'bhutanese', 'gabonese', 'guyanese', 'surinamese', 'beninese',
  'faroese', 'lankan', 'kosovar', 'kosovan', 'bahraini', 'eritrean', 'burundian', 'malian', 'guinean', 'leonean',
  'mauritanian', 'djiboutian', 'mozambican', 'motswana', 'basotho', 'swazi', 'tanzanian', 'azeri', 'serb',
  'slovene', 'slovenian', 'montenegrin', 'chechen', 'dagestani', 'tatar', 'bashkir', 'kurd', 'laotian', 'hutu',
  'tutsi', 'pashtun', 'baluch', 'alawite', 'druze', 'copt', 'coptic', 'maronite', 'evangelical', 'anglican',
  'lutheran', 'methodist', 'baptist', 'mormon', 'hindu', 'sikh', 'buddhist', 'jew', 'islamist', 'jihadist',
  'zionist', 'marxist', 'maoist', 'basque', 'catalan', 'corsican', 'flemish', 'walloon', 'breton', 'cornish',
  'bavarian', 'prussian', 'cossack', 'bedouin', 'berber', 'tuareg', 'zulu', 'xhosa', 'maasai', 'masai', 'yoruba',
  'igbo', 'hausa', 'fulani', 'aboriginal', 'maori', 'inuit', 'cherokee', 'navajo', 'sioux', 'apache',
];

/**
 * Organisation words the main list (lexicon.ts ORG_WORDS) lacks: firms and pollsters named after
 * people ("Edison Research", "Turner Broadcasting", "Thermo Fisher Scientific"), places named after
 * them ("Golan Heights", "Stonewall Inn").
 */
export const EXTRA_ORG_WORDS = [
  'research', 'pollster', 'polling', 'broadcasting', 'cable', 'scientific', 'colleges', 'corps', 'publishers',
  'consultants', 'consultancy', 'strategies', 'marketing', 'films', 'trucking', 'cosmetics', 'jewelers',
  'jewellers', 'towers', 'inn', 'heights', 'klan',
];

/** Nouns after a possessive that only a firm has: "Newmont's shares", "Harlan Voss's profit". */
export const FIRM_POSSESSIONS = [
  'shares', 'stock', 'profit', 'profits', 'earnings', 'revenue', 'revenues', 'sales', 'subsidiary',
  'subsidiaries', 'shareholders', 'products', 'stores', 'plants', 'factories', 'unit', 'units', 'brands',
  'dividend', 'turnover', 'outlets', 'branches',
];
