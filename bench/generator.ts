/**
 * Deterministic generator of realistic news articles in the archive's text format, for
 * benchmarks (import, API, search) and crash tests.
 *
 * - Seeded: article `i` of seed `s` is always the same text, whatever `count` is, so corpora of
 *   different sizes share their prefix and two runs produce byte-identical files.
 * - Realistic for the extractors: people introduced by full name (often with a title) and later
 *   mentioned by surname only; direct quotes in “…” attributed with said/stated/declared,
 *   including "he said"/"she said"; prices such as "3.71 BYN", "$4.5 million", "€20" in header
 *   lines and body text.
 * - Zipf-distributed vocabulary (real words plus synthetic rare terms), so some terms occur in
 *   most articles and many in only a handful: what search benchmarks need.
 * - 2–4 KB of UTF-8 per article.
 *
 * CLI: node --import tsx bench/generator.ts --count N --out DIR [--format txt|ndjson] [--seed S]
 *                                          [--per-shard 1000] [--start 0]
 *   txt:    DIR/<shard>/<index>.txt, one article per file (shard = index / per-shard, 4 digits)
 *   ndjson: DIR/<shard>/articles.ndjson, one JSON record {url,title,body,publishedAt} per line
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed mixed from several integers (splitmix-like), so article seeds are independent. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An index in [0, n) drawn from a Zipf-like distribution (rank 0 most frequent). */
  zipf(table: Float64Array): number {
    const u = this.next() * table[table.length - 1]!;
    let lo = 0;
    let hi = table.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Cumulative Zipf–Mandelbrot weights 1/(rank+q)^s, for Random.zipf (q flattens the head). */
function zipfTable(n: number, s = 1.05, q = 1): Float64Array {
  const table = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / Math.pow(i + q, s);
    table[i] = sum;
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// Word lists

const FIRST_NAMES = {
  male: 'Alexander Sergei Viktor Andrei Dmitry Pavel Mikhail Igor Oleg Ivan Roman Maxim Anton Yuri Nikolai Peter John Michael David James Robert Thomas Daniel Mark Paul Martin Stefan Jan Tomas Lukas Marek Piotr Krzysztof Andrzej Emmanuel Olaf Friedrich Giorgio Pedro Carlos Ahmed Omar Hassan Recep Kenji Hiroshi Rajesh Samuel Joseph Antonio'.split(
    ' ',
  ),
  female:
    'Maria Anna Elena Olga Tatiana Svetlana Natalia Irina Sviatlana Maryia Veronika Ursula Kaja Giorgia Emma Sarah Laura Julia Katarzyna Agnieszka Magdalena Ingrid Sophie Claire Helen Rachel Susan Linda Karen Nadia Leila Fatima Aiko Priya Amina Lucia Isabel Petra Zuzana Jana Marta Sanna Kristina'.split(
      ' ',
    ),
};

const SURNAMES =
  'Kowalski Novak Horvath Petrov Ivanov Sokolov Volkov Lebedev Kozlov Morozov Pavlov Orlov Zaitsev Karpov Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Marchenko Lysenko Hrytsenko Moroz Savchenko Rudenko Tsikhanouski Latushka Babaryka Kalesnikava Bialiatski Kavalkova Makei Ryzhenkov Halouchanka Sikorski Nowicki Wisniewski Zielinski Szymanski Lewandowski Dabrowski Kaminski Wozniak Mazur Krawczyk Schmidt Schneider Fischer Weber Becker Hoffmann Richter Klein Wolf Neumann Braun Zimmermann Hartmann Lange Werner Krause Lehmann Keller Brenner Martin Bernard Dubois Durand Lefebvre Moreau Laurent Simon Michel Garcia Fernandez Lopez Martinez Sanchez Romero Alvarez Torres Navarro Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Thompson Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Richardson Cox Howard Ward Peterson Gray Ramirez James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Flores Washington Butler Simmons Foster Gonzales Bryant Alexander Russell Griffin Diaz Hayes Yilmaz Kaya Demir Sahin Celik Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Sharma Patel Singh Kumar Gupta Haddad Khalil Mansour Nasser Okafor Mensah Adeyemi Kariuki Lindqvist Virtanen Korhonen Nieminen Hansen Johansen Larsen Andersen Pedersen Nielsen Kristensen Jensen Berg Haugen Dvorak Svoboda Cerny Prochazka Kucera Vesely Horak Nemec Pokorny Marek Pospisil Hajek Kral Jelinek Ruzicka Benes Fiala Sedlacek Dolezal Zeman'.split(
    ' ',
  );

const TITLES = [
  'President',
  'Prime Minister',
  'Foreign Minister',
  'Finance Minister',
  'Economy Minister',
  'Senator',
  'Mayor',
  'Governor',
  'Chancellor',
  'Ambassador',
  'Professor',
  'Dr.',
  'General',
  'opposition leader',
  'economist',
  'analyst',
  'spokesperson',
  'chief executive',
];

const PLACES = [
  'Minsk',
  'Vilnius',
  'Warsaw',
  'Kyiv',
  'Riga',
  'Tallinn',
  'Berlin',
  'Brussels',
  'Paris',
  'London',
  'Washington',
  'Geneva',
  'Vienna',
  'Prague',
  'Budapest',
  'Helsinki',
  'Stockholm',
  'Oslo',
  'Rome',
  'Madrid',
  'Ankara',
  'Tokyo',
  'Beijing',
  'New Delhi',
  'Brest',
  'Grodno',
  'Gomel',
  'Vitebsk',
  'Mogilev',
  'Lviv',
  'Kharkiv',
  'Gdansk',
  'Krakow',
];

const ORGS = [
  'the European Union',
  'the United Nations',
  'the International Monetary Fund',
  'the World Bank',
  'the central bank',
  'the finance ministry',
  'the parliament',
  'the state energy company',
  'the national railway',
  'the customs service',
  'the statistics office',
  'the trade union',
  'the electoral commission',
  'the supreme court',
  'the health ministry',
  'the potash producer',
  'the dairy cooperative',
  'the airline',
];

const TOPICS = [
  'sanctions',
  'fuel prices',
  'the budget',
  'inflation',
  'the harvest',
  'wages',
  'pensions',
  'the election',
  'border crossings',
  'energy supplies',
  'housing',
  'public transport',
  'exports',
  'the currency',
  'trade talks',
  'the new tariff',
  'political prisoners',
  'media freedom',
  'the potash industry',
  'grain exports',
  'gas transit',
  'tourism',
  'the IT sector',
  'healthcare reform',
  'school funding',
];

/** Common English words: the head of the vocabulary. */
const COMMON =
  'government officials week year market price prices cost costs increase decrease rise fall plan plans policy country region city people company companies report reports data figures economy growth decision decisions meeting talks agreement negotiations statement public minister ministry state national local international foreign domestic industry sector workers households consumers supply demand production investment investors funds budget tax taxes revenue spending debt loan loans bank banks interest rate rates month months quarter period measures reform reforms changes pressure support opposition parliament vote law laws court rules regulation system network service services project projects programme development infrastructure energy fuel gas oil electricity power transport road roads rail border trade exports imports goods products food grain shops stores retail income salary salaries pension pensions jobs employment unemployment crisis risk risks security defence military troops protest protests election campaign candidates voters result results analysis experts forecast outlook level levels share value volume capacity contract contracts deal deals partner partners relations cooperation dialogue visit delegation summit conference session commission committee council agency authority authorities office department team group members citizens residents population community region districts villages farmers factories plants schools hospitals doctors teachers students families children'.split(
    ' ',
  );

const VERBS_PAST = [
  'announced',
  'approved',
  'rejected',
  'criticised',
  'welcomed',
  'discussed',
  'reviewed',
  'postponed',
  'confirmed',
  'proposed',
  'questioned',
  'defended',
  'expanded',
  'reduced',
  'raised',
  'cut',
  'extended',
  'signed',
  'suspended',
  'examined',
];
const ADJECTIVES = [
  'new',
  'significant',
  'modest',
  'sharp',
  'gradual',
  'unexpected',
  'long-awaited',
  'controversial',
  'temporary',
  'permanent',
  'regional',
  'national',
  'difficult',
  'cautious',
  'ambitious',
  'limited',
  'broad',
  'urgent',
  'fragile',
  'steady',
];
const CONNECTORS = [
  'Meanwhile',
  'However',
  'At the same time',
  'Earlier this month',
  'In a separate development',
  'According to official figures',
  'Last year',
  'By contrast',
  'In recent weeks',
  'As a result',
  'For now',
  'On Tuesday',
  'On Friday',
  'Since January',
];

/** Synthetic terms (place names, product names, jargon) making the long tail of rare words. */
const SYLLABLES = [
  'ka',
  'lo',
  'vi',
  'mar',
  'tes',
  'ri',
  'don',
  'sha',
  'bel',
  'nor',
  'quin',
  'tal',
  'ver',
  'os',
  'ix',
  'zen',
  'pra',
  'gul',
  'mek',
  'sor',
  'tan',
  'ul',
  'dra',
  'fen',
];
function syntheticTerms(count: number): string[] {
  const random = new Random(mulberry32(0x5eed));
  const terms = new Set<string>();
  while (terms.size < count) {
    let word = '';
    const n = random.int(2, 4);
    for (let i = 0; i < n; i++) word += random.pick(SYLLABLES);
    terms.add(word);
  }
  return [...terms];
}

/** The whole vocabulary, most frequent first: common words, then synthetic rare terms. */
const VOCABULARY = [...COMMON, ...syntheticTerms(20_000)];
const VOCABULARY_ZIPF = zipfTable(VOCABULARY.length, 1.1, 30);
/** People are Zipf-distributed too: a few appear in many articles, most in a few. */
const PEOPLE_COUNT = 20_000;
const PEOPLE_ZIPF = zipfTable(PEOPLE_COUNT, 0.9);

interface Person {
  first: string;
  last: string;
  female: boolean;
  title: string;
}

/** Person number `rank` of the fixed population (the same person in every article). */
function person(rank: number): Person {
  const random = new Random(mulberry32(mixSeed(0x9e0, rank)));
  const female = random.chance(0.45);
  return {
    first: random.pick(female ? FIRST_NAMES.female : FIRST_NAMES.male),
    last: random.pick(SURNAMES),
    female,
    title: random.pick(TITLES),
  };
}

// ---------------------------------------------------------------------------------------------
// Prices

const CURRENCY_FORMATS: ((r: Random) => string)[] = [
  (r) => `${(r.int(100, 999) / 100).toFixed(2)} BYN`,
  (r) => `${r.int(1, 400)} BYN`,
  (r) => `$${(r.int(10, 999) / 10).toFixed(1)} million`,
  (r) => `$${r.int(2, 90)} billion`,
  (r) => `$${r.int(1, 500)}`,
  (r) => `€${r.int(2, 300)}`,
  (r) => `€${(r.int(10, 99) / 10).toFixed(1)} million`,
  (r) => `${r.int(100, 9999)} rubles`,
  (r) => `£${r.int(1, 99)}.${String(r.int(0, 99)).padStart(2, '0')}`,
  (r) => `${r.int(10, 900)} euros`,
];
const HEADER_PRICE = (r: Random): string =>
  r.chance(0.7) ? `${(r.int(150, 499) / 100).toFixed(2)} BYN` : `${(r.int(80, 120) / 100).toFixed(2)} USD`;
const price = (r: Random): string => r.pick(CURRENCY_FORMATS)(r);

// ---------------------------------------------------------------------------------------------
// Articles

export interface GeneratedArticle {
  index: number;
  /** Header lines before the title (prices), possibly none. */
  header: string[];
  title: string;
  paragraphs: string[];
  /** ISO date-time of publication; not part of `text` (only JSON output carries it). */
  publishedAt: string;
  /** The article in the archive's text format. */
  text: string;
}

function phrase(r: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(VOCABULARY[r.zipf(VOCABULARY_ZIPF)]!);
  return out.join(' ');
}

const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'An' : 'A'} ${word}`;
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function quoteText(r: Random): string {
  const openers = [
    'We will',
    'Nobody can',
    'This is',
    'The people expect',
    'Our task is to',
    'It would be a mistake to',
    'We must',
    'There is no reason to',
    'I do not believe we should',
    'The government intends to',
  ];
  let text = `${r.pick(openers)} ${phrase(r, r.int(4, 9))}`;
  if (r.chance(0.5)) text += `, and ${phrase(r, r.int(3, 8))}`;
  if (r.chance(0.3)) text += `. ${capitalise(phrase(r, r.int(5, 10)))}`;
  return text;
}

function narrative(r: Random): string {
  const templates: ((r: Random) => string)[] = [
    (r) =>
      `${r.pick(CONNECTORS)}, ${r.pick(ORGS)} ${r.pick(VERBS_PAST)} ${withArticle(r.pick(ADJECTIVES)).toLowerCase()} ${phrase(r, 2)} on ${r.pick(TOPICS)}.`,
    (r) =>
      `The ${phrase(r, 1)} in ${r.pick(PLACES)} ${r.pick(VERBS_PAST)} ${phrase(r, r.int(3, 7))} after ${r.pick(TOPICS)} ${phrase(r, r.int(2, 5))}.`,
    (r) =>
      `${capitalise(r.pick(TOPICS))} cost ${price(r)} this ${r.pick(['month', 'quarter', 'year'])}, up from ${price(r)} a year earlier.`,
    (r) => `${capitalise(phrase(r, r.int(4, 9)))} in ${r.pick(PLACES)}, ${phrase(r, r.int(3, 8))}.`,
    (r) =>
      `${r.pick(ORGS).replace(/^the/, 'The')} said ${r.pick(TOPICS)} would ${r.pick(['rise', 'fall', 'stay flat', 'double'])} by ${r.int(2, 40)} percent, ${phrase(r, r.int(3, 6))}.`,
    (r) =>
      `${withArticle(r.pick(ADJECTIVES))} ${phrase(r, 1)} now sells for ${price(r)}, while ${phrase(r, r.int(2, 4))} costs ${price(r)}.`,
  ];
  return r.pick(templates)(r);
}

/** A paragraph in which a person speaks, by full name (first time) or surname/pronoun later. */
function speechParagraph(
  r: Random,
  p: Person,
  first: boolean,
  state: { lastSpeaker: Person | null },
): string {
  const pronoun = p.female ? 'she' : 'he';
  const verb = r.pick(['said', 'stated', 'declared', 'said', 'said', 'noted', 'added']);
  const q = quoteText(r);
  if (first) {
    const intro = `${capitalise(p.title)} ${p.first} ${p.last}`;
    return r.pick([
      `${intro} ${r.pick(VERBS_PAST)} ${r.pick(TOPICS)} in ${r.pick(PLACES)} on ${r.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}. “${q},” ${p.last} ${verb}.`,
      `“${q},” ${verb} ${intro}, speaking in ${r.pick(PLACES)}.`,
      `${intro} ${verb}: “${q}.”`,
      `${p.first} ${p.last}, the ${p.title.toLowerCase()}, ${r.pick(VERBS_PAST)} ${phrase(r, r.int(3, 6))}. “${q},” ${pronoun} ${verb}.`,
    ]);
  }
  const sameAsLast = state.lastSpeaker === p;
  return r.pick([
    `“${q},” ${p.last} ${verb}.`,
    `${p.last} ${verb} that ${phrase(r, r.int(4, 8))}. “${q},” ${pronoun} said.`,
    sameAsLast ? `“${q},” ${pronoun} ${verb}.` : `“${q},” ${p.last} said.`,
    `According to ${p.last}, ${phrase(r, r.int(5, 10))}, which would cost ${price(r)}.`,
  ]);
}

const EPOCH = Date.UTC(2020, 0, 1);
const SPAN_MS = Date.UTC(2025, 11, 31) - EPOCH;

/** Article number `index` of the corpus of `seed`: the same text every time. */
export function generateArticle(index: number, seed = 1): GeneratedArticle {
  const r = new Random(mulberry32(mixSeed(seed, index)));
  const targetBytes = r.int(2048, 4000);
  const header: string[] = [];
  if (r.chance(0.6)) for (let i = r.int(1, 3); i > 0; i--) header.push(HEADER_PRICE(r));

  const cast: Person[] = [];
  const castSize = r.int(1, 4);
  const ranks = new Set<number>();
  while (ranks.size < castSize) ranks.add(r.zipf(PEOPLE_ZIPF));
  for (const rank of ranks) cast.push(person(rank));
  const lead = cast[0]!;

  const title = r.pick([
    `${lead.last} ${r.pick(['Discussed', 'Criticised', 'Defended', 'Announced'])} ${capitalise(r.pick(TOPICS))} in ${r.pick(PLACES)}`,
    `${capitalise(r.pick(TOPICS))}: ${capitalise(r.pick(ADJECTIVES))} ${capitalise(phrase(r, 2))} Expected`,
    `${capitalise(r.pick(ORGS).replace(/^the /, ''))} ${capitalise(r.pick(VERBS_PAST))} ${capitalise(r.pick(ADJECTIVES))} Plan on ${capitalise(r.pick(TOPICS))}`,
    `Prices for ${capitalise(r.pick(TOPICS))} Reach ${price(r)}`,
  ]);

  const introduced = new Set<Person>();
  const state: { lastSpeaker: Person | null } = { lastSpeaker: null };
  const paragraphs: string[] = [];
  let bytes = Buffer.byteLength(header.join('\n') + title) + 4;
  for (let guard = 0; guard < 60; guard++) {
    let paragraph: string;
    if (r.chance(0.55)) {
      const speaker = introduced.size === 0 ? lead : r.pick(cast);
      paragraph = speechParagraph(r, speaker, !introduced.has(speaker), state);
      introduced.add(speaker);
      state.lastSpeaker = speaker;
    } else {
      paragraph = [narrative(r), narrative(r), ...(r.chance(0.5) ? [narrative(r)] : [])].join(' ');
    }
    const size = Buffer.byteLength(paragraph) + 1;
    if (bytes + size > targetBytes && bytes >= 2048) break;
    if (bytes + size > 4000) continue;
    paragraphs.push(paragraph);
    bytes += size;
  }
  const publishedAt = new Date(EPOCH + Math.floor(r.next() * SPAN_MS))
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const text = `${header.length ? `${header.join('\n')}\n` : ''}${title}\n\n${paragraphs.join('\n')}\n`;
  return { index, header, title, paragraphs, publishedAt, text };
}

/** The JSON record of an article, as the import command reads it. */
export function articleRecord(article: GeneratedArticle): {
  url: string;
  title: string;
  body: string[];
  publishedAt: string;
} {
  return {
    url: `https://news.example/articles/${article.index}`,
    title: article.title,
    body: article.paragraphs,
    publishedAt: article.publishedAt,
  };
}

export interface WriteOptions {
  count: number;
  out: string;
  format?: 'txt' | 'ndjson';
  seed?: number;
  perShard?: number;
  start?: number;
}

/** Writes a corpus; returns the files written. */
export function writeCorpus(options: WriteOptions): string[] {
  const { count, out, format = 'txt', seed = 1, perShard = 1000, start = 0 } = options;
  const files: string[] = [];
  const shardDir = (index: number) => path.join(out, String(Math.floor(index / perShard)).padStart(4, '0'));
  if (format === 'txt') {
    for (let i = start; i < start + count; i++) {
      const dir = shardDir(i);
      if (i === start || i % perShard === 0) fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(i).padStart(7, '0')}.txt`);
      fs.writeFileSync(file, generateArticle(i, seed).text);
      files.push(file);
    }
  } else {
    let lines: string[] = [];
    let current = -1;
    const flush = () => {
      if (current < 0 || lines.length === 0) return;
      const dir = shardDir(current * perShard);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'articles.ndjson');
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      files.push(file);
      lines = [];
    };
    for (let i = start; i < start + count; i++) {
      const shard = Math.floor(i / perShard);
      if (shard !== current) {
        flush();
        current = shard;
      }
      lines.push(JSON.stringify(articleRecord(generateArticle(i, seed))));
    }
    flush();
  }
  return files;
}

function cli(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: 'txt' },
      seed: { type: 'string', default: '1' },
      'per-shard': { type: 'string', default: '1000' },
      start: { type: 'string', default: '0' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const perShard = Number(values['per-shard']);
  const start = Number(values.start);
  if (
    !Number.isInteger(count) ||
    count <= 0 ||
    !values.out ||
    (values.format !== 'txt' && values.format !== 'ndjson')
  ) {
    console.error(
      'Usage: node --import tsx bench/generator.ts --count N --out DIR [--format txt|ndjson] [--seed S] [--per-shard N] [--start I]',
    );
    return 2;
  }
  if (![seed, perShard, start].every(Number.isInteger) || perShard <= 0 || start < 0) {
    console.error('--seed, --per-shard and --start must be integers (per-shard > 0, start >= 0)');
    return 2;
  }
  const began = performance.now();
  const files = writeCorpus({ count, out: values.out, format: values.format, seed, perShard, start });
  console.error(
    `wrote ${count} articles in ${files.length} files under ${values.out} (${((performance.now() - began) / 1000).toFixed(1)} s)`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = cli(process.argv.slice(2));
}
