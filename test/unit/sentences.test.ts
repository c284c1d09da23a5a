/** Sentence locator tests: boundaries found, and the abbreviation, initial and decimal traps avoided. */
import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from '../../src/extract/sentences.ts';

describe('splitSentences', () => {
  it.each([
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    [
      'Dr. Smith met the U.S. envoy. It cost 3.71 BYN.',
      ['Dr. Smith met the U.S. envoy.', 'It cost 3.71 BYN.'],
    ],
    ['They met at 5 p.m. Then nothing.', ['They met at 5 p.m. Then nothing.']],
    ['George W. Bush spoke. He left.', ['George W. Bush spoke.', 'He left.']],
    ['“It is fine.” He left.', ['“It is fine.”', 'He left.']],
    ['See No. 5 on the list. Done.', ['See No. 5 on the list.', 'Done.']],
    ['It rose 5 per cent. in March.', ['It rose 5 per cent. in March.']],
  ])('%s', (text, expected) => {
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(expected);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('sentenceAt', () => {
  it('returns the sentence containing an offset', () => {
    const text = 'Prices rose. Bread costs $3.71 in the U.S. now. Done.';
    expect(sentenceAt(text, text.indexOf('$')).text).toBe('Bread costs $3.71 in the U.S. now.');
    expect(sentenceAt(text, 0).text).toBe('Prices rose.');
  });
});
