import { describe, expect, it } from 'vitest';
import {
  canonAmount,
  coveredBy,
  greedyMatch,
  levenshtein,
  multisetCounts,
  normName,
  normQuote,
  polnearNamesPerson,
  prf,
  priceKey,
  quoteSimilarity,
  sameSpeaker,
  speakerNameMatches,
  scorePeople,
  scorePrices,
  scoreQuotes,
  tokenDice,
} from '../../eval/score.ts';
import { selectDuckling, selectPriceParser, selectRecognizers, shiftDecimal } from '../../eval/money.ts';

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const s = prf({ tp: 8, fp: 2, fn: 4 });
    expect(s.precision).toBeCloseTo(0.8);
    expect(s.recall).toBeCloseTo(8 / 12);
    expect(s.f1).toBeCloseTo((2 * 0.8 * (8 / 12)) / (0.8 + 8 / 12));
  });
  it('treats empty denominators as perfect and zero overlap as zero', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 3, fn: 2 }).f1).toBe(0);
    expect(prf({ tp: 0, fp: 0, fn: 2 })).toEqual({ precision: 1, recall: 0, f1: 0 });
  });
});

describe('normalisation', () => {
  it('normalises names: case, titles-free punctuation, initials, possessives', () => {
    expect(normName('J.D. Vance')).toBe('jd vance');
    expect(normName('J. D. Vance')).toBe('jd vance');
    expect(normName('JD  Vance')).toBe('jd vance');
    expect(normName('Trump’s')).toBe('trump');
    expect(normName('Ursula von der Leyen')).toBe('ursula von der leyen');
    expect(normName('Lee Jae-myung')).toBe('lee jae-myung');
    expect(normName('Kim Jong Un')).not.toBe(normName('Kim Yo Jong'));
  });
  it('normalises quotes: marks, dashes, ellipsis, whitespace, outer marks', () => {
    expect(normQuote('“It’s  done — finally…”')).toBe("it's done - finally...");
    expect(normQuote('„as long as necessary“')).toBe('as long as necessary');
    expect(normQuote('a\n b')).toBe('a b');
  });
});

describe('levenshtein and token overlap', () => {
  it('measures edits, with an early exit', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  it('computes multiset Dice', () => {
    expect(tokenDice(['a', 'b', 'b'], ['b', 'b', 'c'])).toBeCloseTo(4 / 6);
    expect(tokenDice([], [])).toBe(1);
  });
});

describe('quote matching', () => {
  const long =
    'This is my credo, my principle. You must converse with everyone if you want to establish normal relations.';
  it('matches identical text up to marks and spacing', () => {
    expect(quoteSimilarity(long, `“${long.replace(/ /g, '  ')}”`)).toBe(1);
  });
  it('tolerates a few edits or a dropped trailing comma', () => {
    expect(quoteSimilarity(`${long},`, long)).toBeGreaterThan(0.9);
    expect(quoteSimilarity(long, long.replace('credo', 'credos'))).toBeGreaterThan(0);
  });
  it('rejects a half quote (one part of a split quote only)', () => {
    const joined = 'Every ship that leaves Odesa is a small victory, We are not going to stop.';
    expect(quoteSimilarity(joined, 'Every ship that leaves Odesa is a small victory,')).toBe(0);
    expect(quoteSimilarity('We will win, and fairly.', 'We will lose, and badly.')).toBe(0);
  });
  it('scores one-to-one and checks speakers on matched pairs', () => {
    const s = scoreQuotes(
      [
        { text: long, speaker: 'Alexander Lukashenko', cue: 'declared' },
        { text: 'We remember every name', speaker: null, cue: null },
        { text: 'Quote nobody found at all here', speaker: 'X', cue: 'said' },
      ],
      [
        { text: long, speaker: 'alexander  lukashenko', cue: 'declared' },
        { text: long, speaker: 'Alexander Lukashenko', cue: 'said' },
        { text: 'We remember every name', speaker: 'Alexander Lukashenko', cue: null },
      ],
    );
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 1]);
    expect([s.speakerRight, s.speakerTotal]).toEqual([1, 2]);
    expect(s.cueRight).toBe(2);
  });
  it('compares speakers with null counting', () => {
    expect(sameSpeaker(null, null)).toBe(true);
    expect(sameSpeaker(null, 'A B')).toBe(false);
    expect(sameSpeaker('Hillary Clinton', 'Bill Clinton')).toBe(false);
  });
});

describe('greedy one-to-one matching', () => {
  it('prefers the best pair and never reuses an item', () => {
    const pairs = greedyMatch([1, 2], [2, 1, 1], (g, p) => (g === p ? 1 : 0));
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('people', () => {
  it('matches canonical names per document and measures alias recall', () => {
    const s = scorePeople(
      [
        { name: 'Alexander Lukashenko', aliases: ['Lukashenko'] },
        { name: 'George Soros', aliases: ['Soros', 'George'] },
        { name: 'Joe Biden', aliases: [] },
      ],
      [
        { name: 'alexander lukashenko', aliases: ['Lukashenko'] },
        { name: 'George Soros', aliases: ['Soros'] },
        { name: 'Time', aliases: [] },
        { name: 'Lukashenko', aliases: [] },
      ],
    );
    expect([s.tp, s.fp, s.fn]).toEqual([2, 2, 1]);
    expect([s.aliasFound, s.aliasTotal]).toEqual([2, 3]);
    expect(s.missed).toEqual(['Joe Biden']);
  });
});

describe('prices', () => {
  it('canonicalises amounts exactly', () => {
    expect(canonAmount('034.50')).toBe('34.5');
    expect(canonAmount('34600000')).toBe('34600000');
    expect(canonAmount(0.5)).toBe('0.5');
    expect(canonAmount(1e21)).toBe('1000000000000000000000');
    expect(canonAmount(1.5e-7)).toBe('0.00000015');
    expect(canonAmount('3.10')).toBe('3.1');
    expect(canonAmount('abc')).toBeNull();
    expect(canonAmount('1,000')).toBeNull();
  });
  it('scores multisets of (amount, currency)', () => {
    const s = scorePrices(
      [
        { amount: '3.71', currency: 'BYN' },
        { amount: '3.71', currency: 'BYN' },
        { amount: '0.5', currency: 'USD' },
      ],
      [
        { amount: '3.710', currency: 'BYN' },
        { amount: '0.5', currency: 'EUR' },
        { amount: '1994', currency: 'USD' },
      ],
    );
    expect([s.tp, s.fp, s.fn]).toEqual([1, 2, 2]);
    expect(priceKey('3.10', 'usd')).toBe('3.1 USD');
  });
  it('counts multisets', () => {
    expect(multisetCounts(['a', 'a', 'b'], ['a', 'c'])).toMatchObject({ tp: 1, fp: 1, fn: 2 });
  });
  it('shifts decimals exactly', () => {
    expect(shiftDecimal('14.27', -2)).toBe('0.1427');
    expect(shiftDecimal('50', -2)).toBe('0.5');
    expect(shiftDecimal('470', -2)).toBe('4.7');
    expect(shiftDecimal('1.5', 3)).toBe('1500');
  });
});

describe('public money selection', () => {
  it('maps Recognizers unit names only when asked, and skips spoken compounds', () => {
    const dollars = [{ amount: 75000000, currency: 'Dollar', raw: '$ 75 million' }];
    expect(selectRecognizers(dollars, true)).toEqual({ gold: [{ amount: '75000000', currency: 'USD' }] });
    expect('skip' in selectRecognizers(dollars, false)).toBe(true);
    expect(selectRecognizers([{ amount: 50, currency: 'Cent', raw: '50 cents' }], true)).toEqual({
      gold: [{ amount: '0.5', currency: 'USD' }],
    });
    expect(
      'skip' in selectRecognizers([{ amount: 3.5, currency: 'Dollar', raw: '3 dollars 50 cents' }], true),
    ).toBe(true);
    expect(
      'skip' in
        selectRecognizers([{ amount: 528000000, currency: 'Franc', raw: '528 million francs' }], true),
    ).toBe(true);
  });
  it('maps price-parser surfaces and skips xfail and currency-less items', () => {
    expect(selectPriceParser({ money: [{ amount: 12.99, currency: 'US$' }] })).toEqual({
      gold: [{ amount: '12.99', currency: 'USD' }],
    });
    expect('skip' in selectPriceParser({ money: [{ amount: 1, currency: 'kr' }] })).toBe(true);
    expect('skip' in selectPriceParser({ money: [{ amount: 1, currency: null }] })).toBe(true);
    expect('skip' in selectPriceParser({ money: [{ amount: 1, currency: '€' }], xfail: true })).toBe(true);
    expect(selectPriceParser({ money: [] })).toEqual({ gold: [] });
  });
  it('keeps only the EN Duckling corpus', () => {
    const row = { text: '20 euros', money: [{ amount: 20, currency: 'EUR', raw: '20 euros' }], locale: 'EN' };
    expect(selectDuckling(row, true)).toEqual({ gold: [{ amount: '20', currency: 'EUR' }] });
    expect('skip' in selectDuckling({ ...row, locale: 'EN_GB' }, true)).toBe(true);
  });
});

describe('PolNeAR helpers', () => {
  it('decides which gold speakers name a person', () => {
    expect(polnearNamesPerson('Mr. Obama')).toBe(true);
    expect(polnearNamesPerson('PENCE')).toBe(true);
    expect(polnearNamesPerson('he')).toBe(false);
    expect(polnearNamesPerson('the mayor')).toBe(false);
    expect(polnearNamesPerson('The New York Times')).toBe(false);
    expect(polnearNamesPerson('PolitiFact')).toBe(false);
    expect(polnearNamesPerson('White House press secretary Josh Earnest')).toBe(false);
    expect(polnearNamesPerson(null)).toBe(false);
  });
  it('matches our speaker or aliases against a gold name', () => {
    expect(speakerNameMatches('Mr. Obama', ['Barack Obama', 'Obama'])).toBe(true);
    expect(speakerNameMatches('Trump', ['Donald Trump'])).toBe(true);
    expect(speakerNameMatches('German Chancellor Angela Merkel', ['Angela Merkel'])).toBe(true);
    expect(speakerNameMatches('Clinton', ['Tim Kaine'])).toBe(false);
    expect(speakerNameMatches('Trump', [])).toBe(false);
  });
  it('measures coverage of a span by ranges', () => {
    expect(
      coveredBy({ start: 0, end: 10 }, [
        { start: 2, end: 5 },
        { start: 4, end: 8 },
      ]),
    ).toBe(6);
    expect(coveredBy({ start: 0, end: 10 }, [{ start: 20, end: 30 }])).toBe(0);
  });
});
