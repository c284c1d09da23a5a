/**
 * Issue 9, finding 2: extraction must stay linear in the size of its input, whatever the input
 * (a paragraph of N sentences with prices once re-split its sentences per price: 100 kB took 37 s).
 * For each adversarial generator of bench/adversarial.bench.ts, the time at 4× the size must grow
 * about 4×, not 16×: a ratio, measured in one process, so a busy machine slows both sides alike.
 * The absolute figures (ms per 100 kB, 1 MB under 5 s) are `npm run bench:adversarial`'s.
 */
import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../../bench/adversarial.bench.ts';
import { extract } from '../../src/extract/index.ts';

const SMALL = 60_000;
const LARGE = 4 * SMALL;
/** Linear is ≈ 4, quadratic ≈ 16; the bound leaves room for noise and warm-up effects. */
const MAX_GROWTH = 9;

/** Median time of a few extractions of the document `generate` makes at `chars` characters. */
function medianMs(generate: (chars: number) => string, chars: number): number {
  const text = `A hostile document\n\n${generate(chars)}\n`;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    extract(text);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1]!;
}

describe('extraction time grows linearly with the input', () => {
  for (const [name, generate] of Object.entries(GENERATORS)) {
    it(name, { timeout: 120_000 }, () => {
      medianMs(generate, SMALL); // warm-up: compiled code on both sides
      const small = Math.max(medianMs(generate, SMALL), 1);
      const large = medianMs(generate, LARGE);
      expect(large / small).toBeLessThan(MAX_GROWTH);
    });
  }
});
