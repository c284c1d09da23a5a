/** Sentence locator tests: boundaries found, and the abbreviation, initial and decimal traps avoided. */
import { describe, expect, it } from 'vitest';
import { sentenceAt, sentenceBounds, splitSentences } from '../../src/extract/sentences.ts';

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

describe('sentenceBounds', () => {
  it('finds every sentence once and answers lookups by offset, gaps going to the next sentence', () => {
    const text = 'One is here.  Two is there! Three.';
    const index = sentenceBounds(text);
    expect(index.sentences.map((s) => s.text)).toEqual(['One is here.', 'Two is there!', 'Three.']);
    expect(index.at(0).text).toBe('One is here.');
    expect(index.at(text.indexOf('  ') + 1).text).toBe('Two is there!');
    expect(index.startOf(text.indexOf('there'))).toBe(text.indexOf('Two'));
    expect(index.endOf(text.length - 1)).toBe(text.length);
    expect(index.at(text.length + 5).text).toBe('Three.');
    expect(sentenceBounds('').at(3)).toEqual({ text: '', start: 0, end: 0 });
  });

  it('agrees with a linear scan of splitSentences at every offset', () => {
    const text =
      'Dr. Smith met the U.S. envoy at 5 p.m. on Jan. 3. It cost 3.71 BYN! Then? Yes. “Fine.” He left.';
    const spans = splitSentences(text);
    const index = sentenceBounds(text);
    for (let i = 0; i < text.length; i++) {
      const expected = spans.find((s) => i < s.end) ?? spans[spans.length - 1]!;
      expect(index.at(i)).toEqual(expected);
      expect(sentenceAt(text, i)).toEqual(expected);
    }
  });

  it('stays linear: a 400 kB paragraph of sentences is indexed and queried per sentence quickly', () => {
    const sentence = 'Bread costs 3.71 BYN in Minsk, Dr. Petrov said on Jan. 5. ';
    const text = sentence.repeat(Math.ceil(400_000 / sentence.length));
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < text.length; i += sentence.length) if (sentenceAt(text, i + 3).start === i) found++;
    expect(found).toBe(Math.ceil(400_000 / sentence.length));
    // quadratic re-splitting per lookup took minutes here; linear takes well under a second
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
