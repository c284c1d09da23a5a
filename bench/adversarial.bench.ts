/**
 * `npm run bench:adversarial`: extraction time on hostile inputs, to show it grows linearly.
 *
 *   npm run bench:adversarial [-- --only NAME] [--sizes 250,500,1000]
 *
 * Each generator builds one document of a title and ONE paragraph of the given size (kB) from a
 * deterministic pattern: quote-mark soup (alternating «»„“”"' around words), digit and currency
 * runs ("USD 1 EUR 2 …"), runs of capitalised words, and ordinary prose (sentences with names,
 * quotes and prices). For each it prints ms per 100 kB at 250 kB, 500 kB and 1 MB and the growth
 * factor of the time at twice the size (≈ 2 is linear, ≈ 4 quadratic). Prints; asserts nothing
 * (test/unit/linearity.test.ts asserts a budget on smaller sizes).
 */
import { parseArgs } from 'node:util';
import { extract } from '../src/extract/index.ts';

export type Generator = (chars: number) => string;

function repeatTo(chars: number, piece: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const p = piece(i);
    parts.push(p);
    size += p.length;
  }
  return parts.join('').slice(0, chars);
}

const MARKS = ['«', '»', '„', '“', '”', '"', "'", '‘', '’'];
const WORDS = ['word', 'Lukashenko', 'said', 'price', 'he', 'Minsk', 'the', 'state', 'rubles', 'told'];
const CURRENCIES = ['USD', 'EUR', 'BYN', 'RUB', '$', '€', '£', 'rubles', 'dollars', 'zł'];
const CAPS = [
  'Alexander',
  'Maria',
  'Lopez',
  'Van',
  'Der',
  'Berg',
  'Sen.',
  'President',
  'Minsk',
  'Tractor',
  'Works',
];
const PROSE = [
  'President Alexander Lukashenko said on Tuesday that fuel would cost 3.71 BYN a litre.',
  '“We will not raise prices this year,” he told reporters in Minsk.',
  'Maria Lopez, a spokeswoman for the ministry, added: “The budget is balanced.”',
  'Bread rose to 1.89 rubles and milk to $2.40, according to Belstat.',
  'Critics called the plan “a budget of broken promises” and asked for a vote.',
  'Dr. Ivan Petrov of the U.S. Embassy, who spoke at 3 p.m., disagreed.',
];

export const GENERATORS: Record<string, Generator> = {
  'quote-mark soup': (n) => repeatTo(n, (i) => `${MARKS[i % MARKS.length]}${WORDS[i % WORDS.length]} `),
  'digit and currency runs': (n) =>
    repeatTo(n, (i) => `${CURRENCIES[i % CURRENCIES.length]} ${i % 1000}${i % 3 === 0 ? '.5' : ''} `),
  'capitalised-word runs': (n) => repeatTo(n, (i) => `${CAPS[i % CAPS.length]} `),
  'ordinary prose, one paragraph': (n) => repeatTo(n, (i) => `${PROSE[i % PROSE.length]} `),
};

export function document(generator: Generator, chars: number): string {
  return `Adversarial input\n\n${generator(chars)}\n`;
}

export function timeExtract(text: string): number {
  const started = performance.now();
  extract(text);
  return performance.now() - started;
}

function main(): void {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, sizes: { type: 'string', default: '250,500,1000' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  extract(document(GENERATORS['ordinary prose, one paragraph']!, 20_000)); // warm up
  console.log(
    `${'input'.padEnd(32)}${sizes.map((s) => `${s} kB`.padStart(12)).join('')}   growth at 2×   (ms per 100 kB)`,
  );
  for (const [name, generator] of Object.entries(GENERATORS)) {
    if (values.only && !name.includes(values.only)) continue;
    const ms = sizes.map((kb) => timeExtract(document(generator, kb * 1000)));
    const per100 = ms.map((t, i) => (t / sizes[i]!) * 100);
    const growth = ms.slice(1).map((t, i) => (t / ms[i]!).toFixed(2));
    console.log(
      `${name.padEnd(32)}${per100.map((t) => t.toFixed(1).padStart(12)).join('')}   ${growth.join(', ').padStart(12)}   (1 MB: ${(ms[ms.length - 1]! / 1000).toFixed(2)} s)`,
    );
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
