/**
 * Command lines are checked before anything runs: an unknown option or a stray argument is a
 * usage error (exit 2, with the command's usage line), for the CLI and for `npm run studio`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { PROJECT_ROOT } from '../../src/db/migrate.ts';
// @ts-expect-error: a plain ES module without types
import { studioOptions } from '../../tools/studio/open.js';

afterEach(() => vi.restoreAllMocks());

async function run(argv: string[]) {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  return { status: await main(argv), stderr: errors.join('\n') };
}

describe('news-archive refuses what it would ignore', () => {
  it.each([
    [['serve', '--prot', '3000'], /Unknown option '--prot'/, /Usage: news-archive serve/],
    [['serve', '3000'], /Unexpected argument '3000'/, /Usage: news-archive serve/],
    [['migrate', 'now'], /Unexpected argument 'now'/, /Usage: news-archive migrate/],
    [['seed', '--force'], /Unknown option '--force'/, /Usage: news-archive seed/],
    [['export', 'articles.csv'], /Unexpected argument 'articles.csv'/, /Usage: news-archive export/],
    [['export', '--query', 'x'], /Unknown option '--query'/, /Usage: news-archive export/],
    [['reextract', '--al'], /Unknown option '--al'/, /Usage: news-archive reextract/],
    [['import', 'x.txt', '--batch-size', '5'], /Unknown option '--batch-size'/, /Usage: news-archive import/],
    [['extract', 'x.txt', '--jsn'], /Unknown option '--jsn'/, /Usage: news-archive extract/],
    [['serve', '--port'], /argument missing/, /Usage: news-archive serve/],
    [['serve', '--no-seed=yes'], /does not take an argument/, /Usage: news-archive serve/],
    // Filter values are checked by the API's own parameter schemas, before the archive is opened.
    [
      ['export', '--currency', 'US'],
      /--currency: ISO 4217 code .*\(got "US"\)/,
      /Usage: news-archive export/,
    ],
    [['export', '--min', '1x'], /--min: Smallest price amount .*\(got "1x"\)/, /Usage: news-archive export/],
    [['export', '--from', '2020-13'], /--from: Earliest article date .*\(got "2020-13"\)/, /Usage/],
    [['export', '--lang', 'english'], /--lang: Language of the article .*\(got "english"\)/, /Usage/],
  ])('%j → exit 2 with usage', async (argv, message, usage) => {
    const { status, stderr } = await run(argv);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(usage);
  });
});

describe('npm run studio takes --port and --browser like prisma studio', () => {
  it.each([
    [[], {}, { port: 5555, browser: 'none' }],
    [['--port', '5600'], {}, { port: 5600, browser: 'none' }],
    [['-p', '5601', '-b', 'firefox'], {}, { port: 5601, browser: 'firefox' }],
    [['--browser', 'none'], { BROWSER: 'chromium' }, { port: 5555, browser: 'none' }],
    [[], { STUDIO_PORT: '5602' }, { port: 5602, browser: 'none' }],
    [['--port', '5603'], { STUDIO_PORT: '5602' }, { port: 5603, browser: 'none' }],
  ])('%j with %j', (argv, env, expected) => {
    expect(studioOptions(argv, env)).toMatchObject(expected);
  });

  it.each([
    [['--prot', '5600'], /Unknown option '--prot'/],
    [['--port', 'abc'], /--port "abc" is not a port number/],
    [['--port', '1e3'], /--port "1e3" is not a port number/],
    [['--port', '70000'], /is not a port number/],
    [['5600'], /unexpected argument "5600"/],
  ])('%j is refused', (argv, message) => {
    expect(() => studioOptions(argv, {})).toThrow(message);
  });

  it('says so with its usage and exit status 1 before starting anything', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'tools/studio/open.js'), '--prot', '1'],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/studio: Unknown option '--prot'/);
    expect(result.stderr).toMatch(/Usage: npm run studio -- \[--port N\] \[--browser none\|NAME\]/);
  });
});
