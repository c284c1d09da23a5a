/**
 * `news-archive <command>`: the command line. Each command is a thin shell over the same services
 * the API uses (ingest, repositories), so both behave alike.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXPORT_FILTER_OPTIONS, exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { importCommand, reextractCommand, seedCommand } from './ingest.ts';
import { migrateCommand, serveCommand } from './serve.ts';
import { databaseFile, databaseUrlFromEnv } from '../db/client.ts';
import { databaseFailure } from '../db/database-file.ts';
import { UsageError } from './usage.ts';

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether the command takes arguments besides its options (files, paths): others refuse them. */
  positionals?: true;
  run(args: { values: Record<string, unknown>; positionals: string[] }): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'apply migrations, seed an empty archive, and serve the API',
    usage: 'news-archive serve [--port N] [--host H] [--no-seed]',
    options: { port: { type: 'string' }, host: { type: 'string' }, 'no-seed': { type: 'boolean' } },
    run: ({ values }) => serveCommand(values),
  },
  migrate: {
    summary: 'apply the committed migrations to the archive database',
    usage: 'news-archive migrate',
    options: {},
    run: () => migrateCommand(),
  },
  seed: {
    summary: 'import the documents in seed/ (a second run changes nothing)',
    usage: 'news-archive seed',
    options: {},
    run: () => seedCommand(),
  },
  import: {
    summary: 'import files or folders of documents',
    usage: 'news-archive import PATH|GLOB|-... [--max-bytes N] [--format text|html|json|ndjson] [--batch N]',
    options: { 'max-bytes': { type: 'string' }, format: { type: 'string' }, batch: { type: 'string' } },
    positionals: true,
    run: ({ values, positionals }) => importCommand(positionals, values),
  },
  extract: {
    summary: 'print what the extractor finds in files, without storing anything',
    usage: 'news-archive extract FILE... [--json]',
    options: { json: { type: 'boolean' } },
    positionals: true,
    run: ({ values, positionals }) => extractCommand(positionals, values),
  },
  export: {
    summary: 'write every article matching the filters as NDJSON or CSV (as GET /articles/export)',
    usage:
      'news-archive export [--format ndjson|csv] [--out FILE] [--q QUERY] [--person P] [--speaker P] [--currency C] [--min N] [--max N] [--from DATE] [--to DATE] [--source PREFIX] [--lang CODE]',
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      ...Object.fromEntries(EXPORT_FILTER_OPTIONS.map((name) => [name, { type: 'string' as const }])),
    },
    run: ({ values }) => exportCommand(values),
  },
  reextract: {
    summary: 're-run extraction over articles stored by an older extractor version',
    usage: 'news-archive reextract [--all]',
    options: { all: { type: 'boolean' } },
    run: ({ values }) => reextractCommand(values),
  },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'news-archive: a searchable archive of news articles, their people, quotes and prices',
    '',
    'Usage: news-archive <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Environment: DATABASE_URL (default file:./data/archive.db), PORT (3000), HOST (127.0.0.1)',
  ].join('\n');
}

function archiveFile(): string | undefined {
  try {
    return databaseFile(databaseUrlFromEnv());
  } catch {
    return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`news-archive: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      // Unknown options and stray arguments are errors: a typo (--prot) must not be ignored.
      allowPositionals: command.positionals === true,
      strict: true,
    });
    if (values.help) {
      console.log(`Usage: ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    return await command.run({ values, positionals });
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    // A database or disk failure is told in one sentence naming the archive, never as a trace.
    const message = (databaseFailure(error, archiveFile()) ?? (error as Error)).message;
    console.error(`news-archive ${name}: ${message}${usage ? `\nUsage: ${command.usage}` : ''}`);
    return usage ? 2 : 1;
  }
}
