/**
 * Price extractor tests: table-driven cases for every rule (amount arithmetic, currency
 * resolution, magnitudes, ranges, per-unit prices) and the negatives that must stay silent,
 * plus `findPrices` on a hand-built ParsedDocument for location, sentence and offsets.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/extract/document.ts';
import { findPrices, findPricesInText } from '../../src/extract/prices.ts';
import type { ParsedDocument, Span } from '../../src/extract/types.ts';

type Expected = [amount: string, currency: string, raw: string];

const positives: Array<[text: string, expected: Expected[]]> = [
  // Symbols, codes before and after, magnitudes
  ['It raised USD 34.6 million.', [['34600000', 'USD', 'USD 34.6 million']]],
  ['Revenue hit $1.2bn.', [['1200000000', 'USD', '$1.2bn']]],
  ['The seed round was $500k.', [['500000', 'USD', '$500k']]],
  ['Bread costs 3.71 BYN now.', [['3.71', 'BYN', '3.71 BYN']]],
  ['They paid EUR 2.5m upfront.', [['2500000', 'EUR', 'EUR 2.5m']]],
  [
    'Tickets were 5 USD or USD 5.',
    [
      ['5', 'USD', '5 USD'],
      ['5', 'USD', 'USD 5'],
    ],
  ],
  ['A ticket is 1,234.50 USD.', [['1234.5', 'USD', '1,234.50 USD']]],
  ['It costs 1.234,50 € here.', [['1234.5', 'EUR', '1.234,50 €']]],
  ['The flat sold for €100.000.', [['100000', 'EUR', '€100.000']]],
  ['Rent is 1 000 000 € a year.', [['1000000', 'EUR', '1 000 000 €']]],
  ['Stocks fell $0.50.', [['0.5', 'USD', '$0.50']]],
  ['Costs rose to $1.5-billion.', [['1500000000', 'USD', '$1.5-billion']]],
  ['Spending hit $5 trillion.', [['5000000000000', 'USD', '$5 trillion']]],
  ['It cost 3.00 USD.', [['3', 'USD', '3.00 USD']]],
  ['Sales of US$4.7 billion.', [['4700000000', 'USD', 'US$4.7 billion']]],
  [
    'C$5 and CA$7 in Toronto.',
    [
      ['5', 'CAD', 'C$5'],
      ['7', 'CAD', 'CA$7'],
    ],
  ],
  ['A$5 million was paid.', [['5000000', 'AUD', 'A$5 million']]],
  [
    'HK$10 and NZ$3 and S$8.',
    [
      ['10', 'HKD', 'HK$10'],
      ['3', 'NZD', 'NZ$3'],
      ['8', 'SGD', 'S$8'],
    ],
  ],
  ['It was £8.10 million.', [['8100000', 'GBP', '£8.10 million']]],
  ['Fans paid £5m.', [['5000000', 'GBP', '£5m']]],
  ['Prices reached ₽5,000.', [['5000', 'RUB', '₽5,000']]],
  ['Japan spent ¥1.2 trillion.', [['1200000000000', 'JPY', '¥1.2 trillion']]],
  [
    'China spent CN¥5bn and 100元.',
    [
      ['5000000000', 'CNY', 'CN¥5bn'],
      ['100', 'CNY', '100元'],
    ],
  ],
  [
    'Pay ₴500, ₹20, ₩5,000, ₺50.',
    [
      ['500', 'UAH', '₴500'],
      ['20', 'INR', '₹20'],
      ['5000', 'KRW', '₩5,000'],
      ['50', 'TRY', '₺50'],
    ],
  ],
  ['A coffee is 12,50 zł.', [['12.5', 'PLN', '12,50 zł']]],
  ['The state gave Br5 million.', [['5000000', 'BYN', 'Br5 million']]],
  ['Rp 31.500 per kilo.', [['31500', 'IDR', 'Rp 31.500']]],
  ['It listed at $1,190.00 AUD.', [['1190', 'AUD', '$1,190.00 AUD']]],
  [
    'India spent ₹5 crore and Rs 20 lakh.',
    [
      ['50000000', 'INR', '₹5 crore'],
      ['2000000', 'INR', 'Rs 20 lakh'],
    ],
  ],
  // Words
  [
    'He paid 100 rubles and 2 million roubles.',
    [
      ['100', 'RUB', '100 rubles'],
      ['2000000', 'RUB', '2 million roubles'],
    ],
  ],
  ['Fines of 100 Belarusian rubles.', [['100', 'BYN', '100 Belarusian rubles']]],
  ['Bread rose by 50 kopecks.', [['0.5', 'RUB', '50 kopecks']]],
  ['Bread rose by 20 Belarusian kopecks.', [['0.2', 'BYN', '20 Belarusian kopecks']]],
  ['It costs 50 cents.', [['0.5', 'USD', '50 cents']]],
  ['A 12-cent dividend.', [['0.12', 'USD', '12-cent']]],
  ['Stamps cost 50p.', [['0.5', 'GBP', '50p']]],
  ['Shares were 470 pence.', [['4.7', 'GBP', '470 pence']]],
  ['Only 10 euro cents.', [['0.1', 'EUR', '10 euro cents']]],
  ['It cost 5 million dollars.', [['5000000', 'USD', '5 million dollars']]],
  ['He sent 10 US dollars.', [['10', 'USD', '10 US dollars']]],
  ['He sent 10 U.S. dollars.', [['10', 'USD', '10 U.S. dollars']]],
  [
    'It sold 125 million Australian dollars of bonds.',
    [['125000000', 'AUD', '125 million Australian dollars']],
  ],
  ['It sold for 323 million euros.', [['323000000', 'EUR', '323 million euros']]],
  ['The club paid 20 million pounds.', [['20000000', 'GBP', '20 million pounds']]],
  ['He paid 300 pounds sterling.', [['300', 'GBP', '300 pounds sterling']]],
  ['Kaifu got 450,000 yen.', [['450000', 'JPY', '450,000 yen']]],
  ['Ministers got five million yen.', [['5000000', 'JPY', 'five million yen']]],
  ['It was 100 billion yuan.', [['100000000000', 'CNY', '100 billion yuan']]],
  ['Pensions of 200 hryvnias.', [['200', 'UAH', '200 hryvnias']]],
  ['A fee of 5 zloty.', [['5', 'PLN', '5 zloty']]],
  ['A fee of 35 lakh rupees.', [['3500000', 'INR', '35 lakh rupees']]],
  ['Fined 10,000 Swiss francs.', [['10000', 'CHF', '10,000 Swiss francs']]],
  ['It is 1,000 South Korean won.', [['1000', 'KRW', '1,000 South Korean won']]],
  ['5 Deutsche marks, once.', [['5', 'DEM', '5 Deutsche marks']]],
  ['10 Turkish lira only.', [['10', 'TRY', '10 Turkish lira']]],
  ['A grant of half a million dollars.', [['500000', 'USD', 'half a million dollars']]],
  ['A bill of a billion euros.', [['1000000000', 'EUR', 'a billion euros']]],
  ['It only cost 3 dollars 50 cents.', [['3.5', 'USD', '3 dollars 50 cents']]],
  ['A one-dollar bill.', [['1', 'USD', 'one-dollar']]],
  ['Egg prices averaged 64.2 cents a dozen.', [['0.642', 'USD', '64.2 cents']]],
  ['They lost 75 USD million.', [['75000000', 'USD', '75 USD million']]],
  // Per-unit prices keep their amount
  ['Fuel costs $3 a gallon.', [['3', 'USD', '$3']]],
  ['Cheese sells for €2 per kg.', [['2', 'EUR', '€2']]],
  ['Oil at $80/bbl.', [['80', 'USD', '$80']]],
  ['It paid 98 pounds a share.', [['98', 'GBP', '98 pounds']]],
  // Ranges: two mentions, magnitude and currency shared
  [
    'Between $5 and $10.',
    [
      ['5', 'USD', '$5'],
      ['10', 'USD', '$10'],
    ],
  ],
  [
    'From $5 to $10 million.',
    [
      ['5000000', 'USD', '$5'],
      ['10000000', 'USD', '$10 million'],
    ],
  ],
  [
    'Worth $5-10 million.',
    [
      ['5000000', 'USD', '$5'],
      ['10000000', 'USD', '10 million'],
    ],
  ],
  [
    'Worth 5 to 10 million euros.',
    [
      ['5000000', 'EUR', '5'],
      ['10000000', 'EUR', '10 million euros'],
    ],
  ],
  [
    'Between 5 and 10 dollars.',
    [
      ['5', 'USD', '5'],
      ['10', 'USD', '10 dollars'],
    ],
  ],
  [
    'From $500 to $1 million.',
    [
      ['500', 'USD', '$500'],
      ['1000000', 'USD', '$1 million'],
    ],
  ],
  [
    'Up from $1.5 billion to $2bn.',
    [
      ['1500000000', 'USD', '$1.5 billion'],
      ['2000000000', 'USD', '$2bn'],
    ],
  ],
  [
    'Cost 5-10 cents.',
    [
      ['0.05', 'USD', '5'],
      ['0.1', 'USD', '10 cents'],
    ],
  ],
  // A currency word before the amount; one unit in words; cents by letter; Egyptian LE
  ['Fees were ringgit 42 last year.', [['42', 'MYR', 'ringgit 42']]],
  ['It sold at Malaysian ringgit 1.5 million.', [['1500000', 'MYR', 'Malaysian ringgit 1.5 million']]],
  ['Bus fares went up to a dollar.', [['1', 'USD', 'a dollar']]],
  [
    'Milk rose 5c to 80 c a litre.',
    [
      ['0.05', 'USD', '5c'],
      ['0.8', 'USD', '80 c'],
    ],
  ],
  ['A kilo of rice costs 42 LE in Cairo.', [['42', 'EGP', '42 LE']]],
  ['Traders watched the dollar 110 yen level.', [['110', 'JPY', '110 yen']]],
];

const negatives: string[] = [
  'Fans bought tickets for Euro 2024 early.',
  'The euro 1.5 percent weaker.',
  'A euro zone country and a dollar bond.',
  'See Article 5c and Figure 3 c of the report.',
  'A 5 c-section was needed.',
  'He recalled a visit back in 1994 or 1995.',
  'Salaries rose 5% and inflation hit 12.5 per cent.',
  'The score was 3-2 at 5 p.m. on May 5, 2024.',
  'Call 555-1234 or +375 17 222 33 44.',
  'The temperature hit 35C and 5 million people live there.',
  'He is 45 years old and has 3 children.',
  'Exports reached 2.5 million tons.',
  'Ezra Pound wrote 5 books.',
  'Mark Smith scored 7 marks.',
  'The team won 2 trophies and she won 5-3.',
  'She has a yen for travel.',
  'He weighs 200 pounds and lost 20 pounds.',
  'A baby weighing 8 pounds was born; the bank had £5 in fees.',
  'The rate was EUR/USD 1.0850.',
  'CNY 2024 celebrations began.',
  'In 2021 dollars, that is cheap.',
  'ALL 5 solutions are wrong.',
  'The video is 1080p.',
  'Ayn Rand wrote 2 novels; 5 Rand books.',
  'The dollar fell against the euro.',
  'There were 12,000 protesters.',
  'Upgrade to PHP 8.2 now.',
];

describe('findPricesInText: positives', () => {
  it.each(positives)('%s', (text, expected) => {
    const found = findPricesInText(text);
    expect(found.map((p) => [p.amount, p.currency, p.raw])).toEqual(expected);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.raw);
  });
});

describe('findPricesInText: negatives', () => {
  it.each(negatives)('%s', (text) => {
    const found = findPricesInText(text).filter((p) => !(p.currency === 'GBP' && p.raw === '£5'));
    expect(found).toEqual([]);
  });
});

describe('canonical amounts', () => {
  it.each([
    ['$007.50', '7.5'],
    ['$0.05', '0.05'],
    ['$10.', '10'],
    ['$1,000,000.00', '1000000'],
    ['$.75', '0.75'],
    ['$2.50bn', '2500000000'],
    ['$0.001 million', '1000'],
    ['₹12,34,567.89', '1234567.89'],
  ])('%s → %s', (text, amount) => {
    expect(findPricesInText(text)[0]?.amount).toBe(amount);
  });
});

describe('findPrices on a ParsedDocument', () => {
  const header = ['3.71 BYN', '2.99 BYN', '3.49 BYN'];
  const title = 'Belarus Sets Bread at Br2.5 After 1995 Reform';
  const p1 =
    'Dr. Smith of the U.S. Treasury said prices rose. A loaf costs 3.71 BYN at 5 p.m. in Minsk, he said.';
  const p2 = 'The government spent $34.6 million. Nothing else happened in 1994 or 1995.';
  const text = `\uFEFF${header.join('\r\n')}\r\n${title}\r\n\r\n${p1}\r\n${p2}`;
  const spanOf = (s: string, from = 0): Span => {
    const start = text.indexOf(s, from);
    return { text: s, start, end: start + s.length };
  };
  const doc: ParsedDocument = {
    text,
    header: header.map((h) => spanOf(h)),
    title: spanOf(title),
    paragraphs: [spanOf(p1), spanOf(p2)],
  };
  // the three header lines are distinct strings, so indexOf finds each once
  const prices = findPrices(doc);

  it('finds every price in document order with its location', () => {
    expect(prices.map((p) => [p.amount, p.currency, p.location])).toEqual([
      ['3.71', 'BYN', 'header'],
      ['2.99', 'BYN', 'header'],
      ['3.49', 'BYN', 'header'],
      ['2.5', 'BYN', 'title'],
      ['3.71', 'BYN', 'body'],
      ['34600000', 'USD', 'body'],
    ]);
  });

  it('gives offsets into doc.text', () => {
    for (const p of prices) expect(text.slice(p.start, p.end)).toBe(p.raw);
    expect(prices[0]!.start).toBe(1); // after the BOM
  });

  it('gives the header line or the containing sentence', () => {
    expect(prices.map((p) => p.sentence)).toEqual([
      '3.71 BYN',
      '2.99 BYN',
      '3.49 BYN',
      title,
      'A loaf costs 3.71 BYN at 5 p.m. in Minsk, he said.',
      'The government spent $34.6 million.',
    ]);
  });

  it('skips an empty title', () => {
    const bare: ParsedDocument = {
      text: 'Costs $5.',
      header: [],
      title: { text: '', start: 0, end: 0 },
      paragraphs: [{ text: 'Costs $5.', start: 0, end: 9 }],
    };
    expect(findPrices(bare).map((p) => [p.amount, p.location, p.sentence])).toEqual([
      ['5', 'body', 'Costs $5.'],
    ]);
  });
});

describe('seed document', () => {
  it('finds only the three header prices', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../seed/000_f4c9ddd443287ec6.txt', import.meta.url), 'utf8');
    const found = findPricesInText(text);
    expect(found.map((p) => [p.amount, p.currency, p.raw])).toEqual([
      ['3.71', 'BYN', '3.71 BYN'],
      ['2.99', 'BYN', '2.99 BYN'],
      ['3.49', 'BYN', '3.49 BYN'],
    ]);
  });
});

describe('currency words from document context', () => {
  const doc = (...paragraphs: string[]): ParsedDocument =>
    parseDocument(['Market report', '', ...paragraphs].join('\n'));
  const found = (...paragraphs: string[]): string[] =>
    findPrices(doc(...paragraphs)).map((p) => `${p.amount} ${p.currency}`);

  it('reads unambiguous currency words', () => {
    expect(
      findPricesInText(
        'A room costs 90 lari, a meal 4,000 naira, a taxi 1,500 tenge, a bowl of pho 45,000 dong, ' +
          'a ticket 30 reais, a beer 35 rand, a coffee 14 shekels, a massage 300 baht, lunch 12 ringgit, ' +
          'a simit 15 lira, a tram pass 450 forint and a bus fare 4 zlotys.',
      ).map((p) => `${p.amount} ${p.currency}`),
    ).toEqual([
      '90 GEL',
      '4000 NGN',
      '1500 KZT',
      '45000 VND',
      '30 BRL',
      '35 ZAR',
      '14 ILS',
      '300 THB',
      '12 MYR',
      '15 TRY',
      '450 HUF',
      '4 PLN',
    ]);
  });

  it('resolves pesos by the country the article names, and skips them when it names none', () => {
    expect(
      found('Jeepney drivers in Quezon City rallied on Monday.', 'The minimum fare rose to 15 pesos.'),
    ).toEqual(['15 PHP']);
    expect(found('Tortilla prices in Mexico rose again.', 'A kilo now costs 28 pesos in Puebla.')).toEqual([
      '28 MXN',
    ]);
    expect(found('A kilo of bread now costs 28 pesos.')).toEqual([]);
  });

  it('resolves kroner and krone to Norway or Denmark, and lei to Moldova or Romania', () => {
    expect(found('Salmon farmers in Norway are worried.', 'Prices fell to 80 kroner a kilo.')).toEqual([
      '80 NOK',
    ]);
    expect(found('Danish pig farmers met in Aarhus.', 'Pork sold for 12 kroner a kilo.')).toEqual(['12 DKK']);
    expect(found('Coffee now costs 40 kroner.')).toEqual([]);
    expect(found('Pensioners in Moldova protested in Chisinau.', 'Bread rose to 9 lei.')).toEqual(['9 MDL']);
    expect(found('Bread rose to 9 lei a loaf in Bucharest.')).toEqual(['9 RON']);
  });

  it('reads kopecks as Belarusian in an article about Belarus, else as Russian', () => {
    expect(found('Bus fares in Minsk went up on Monday.', 'A ride now costs 90 kopecks.')).toEqual([
      '0.9 BYN',
    ]);
    expect(found('Bus fares in Kazan went up on Monday.', 'A ride now costs 90 kopecks.')).toEqual([
      '0.9 RUB',
    ]);
  });
});

describe('issue 8 amount classes', () => {
  const pairs = (text: string): string[][] =>
    findPricesInText(text).map((p) => [p.amount, p.currency, p.raw]);

  it('reads a decimal before a magnitude as a decimal, whatever the currency groups with', () => {
    expect(pairs('It paid €2.375 billion.')).toEqual([['2375000000', 'EUR', '€2.375 billion']]);
    expect(pairs('worth 4.125 million Swiss francs')).toEqual([
      ['4125000', 'CHF', '4.125 million Swiss francs'],
    ]);
    expect(pairs('lost 1.500 million Belarusian rubles')).toEqual([
      ['1500000', 'BYN', '1.500 million Belarusian rubles'],
    ]);
    expect(pairs('The flat sold for €100.000.')).toEqual([['100000', 'EUR', '€100.000']]);
  });

  it('reads bare rubles, francs and marks by the country the article names', () => {
    expect(pairs('Bread in Minsk costs 1.89 rubles.')[0]?.[1]).toBe('BYN');
    expect(pairs('Bread in Moscow costs 89 rubles.')[0]?.[1]).toBe('RUB');
    expect(pairs('Profit in France rose to 1.2 billion francs.')[0]?.[1]).toBe('FRF');
    expect(pairs('The Zurich bank earned 300 million francs.')[0]?.[1]).toBe('CHF');
    expect(pairs('The German bank lent six billion marks.')).toEqual([
      ['6000000000', 'DEM', 'six billion marks'],
    ]);
    expect(pairs('A Helsinki firm lost 30 million marks.')[0]?.[1]).toBe('FIM');
    expect(pairs('He scored 85 marks in the exam.')).toEqual([]);
    expect(pairs('It raised DM 500 million and 120 D-marks.').map((p) => p[1])).toEqual(['DEM', 'DEM']);
  });

  it('reads ISO 4217 names and plurals, with magnitudes and as adjectives', () => {
    expect(pairs('40 million złoty and 12 million zloty').map((p) => p[0] + ' ' + p[1])).toEqual([
      '40000000 PLN',
      '12000000 PLN',
    ]);
    expect(pairs('a 500 million Australian-dollar deal')).toEqual([
      ['500000000', 'AUD', '500 million Australian-dollar'],
    ]);
    expect(pairs('400 ringgit, 30 baht, 20 dirhams, 5 nakfa').map((p) => p[1])).toEqual([
      'MYR',
      'THB',
      'AED',
      'ERN',
    ]);
    expect(pairs('The 2 Won and the Sol 5 festival')).toEqual([]);
  });

  it('reads spelled-out amounts and refuses vague ones', () => {
    expect(pairs('two and a half million euros')).toEqual([
      ['2500000', 'EUR', 'two and a half million euros'],
    ]);
    expect(pairs('half a million dollars')[0]?.[0]).toBe('500000');
    expect(pairs('a quarter million dollars')[0]?.[0]).toBe('250000');
    expect(pairs('several million dollars, millions of euros and billions of dollars')).toEqual([]);
  });

  it('reads German and Czech magnitudes', () => {
    expect(pairs('450 Millionen Euro, 1,2 Milliarden Euro, 5 Mio. Euro').map((p) => p[0])).toEqual([
      '450000000',
      '1200000000',
      '5000000',
    ]);
    expect(pairs('12 miliard korun')).toEqual([['12000000000', 'CZK', '12 miliard korun']]);
  });

  it('reads a run of code-first amounts one by one, in linear time', () => {
    expect(pairs('USD 1 EUR 2 USD 3').map((p) => p[2])).toEqual(['USD 1', 'EUR 2', 'USD 3']);
    const run = (n: number): string => 'USD 1 EUR 2 '.repeat(n);
    const time = (text: string): number => {
      const t0 = performance.now();
      findPrices(parseDocument(`Title\n\n${text}\n`));
      return performance.now() - t0;
    };
    time(run(500));
    const small = time(run(2000));
    const large = time(run(8000));
    expect(large / Math.max(small, 1)).toBeLessThan(10); // 4× the input: linear is ≈ 4, quadratic 16
  });
});
