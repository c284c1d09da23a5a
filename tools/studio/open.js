#!/usr/bin/env node
// `npm run studio`: Prisma Studio over the archive's SQLite database, offline.
//
// The project's Prisma 6 can only run Studio through a native engine, which cannot be downloaded
// here. Prisma 7's Studio reads SQLite directly (through better-sqlite3 on Node 20), so it runs
// from the Prisma 7 CLI installed in this directory, apart from the root `prisma` bin. See README.md.
//
// Usage: npm run studio -- [--port N] [--browser none|NAME]   (as `prisma studio --port/--browser`)
// Env: DATABASE_URL (default file:./data/archive.db; a relative path is taken from the repo root;
//      a postgresql:// URL opens Studio on that PostgreSQL database),
//      STUDIO_PORT (default 5555; --port wins), BROWSER (default none: no browser is opened).

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const DEFAULT_DATABASE_URL = 'file:./data/archive.db';
const DEFAULT_PORT = 5555;

function fail(message) {
  console.error(`studio: ${message}`);
  process.exit(1);
}

/** The absolute path of the SQLite file a Prisma-style `file:` URL names. */
export function databasePath(url, root = repoRoot) {
  const value = (url ?? '').trim() || DEFAULT_DATABASE_URL;
  if (!value.startsWith('file:')) {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0];
    if (scheme && scheme.length > 2) {
      throw new Error(`DATABASE_URL must be a SQLite "file:" URL, not "${scheme}…"`);
    }
  }
  let rest = value.startsWith('file:') ? value.slice('file:'.length) : value;
  // Connection parameters (file:./x.db?connection_limit=1) are not part of the path.
  rest = rest.replace(/[?#].*$/, '');
  if (rest === '' || rest === ':memory:') throw new Error(`DATABASE_URL "${value}" names no database file`);
  // The URL form, file:///abs/path or file://localhost/abs/path: percent-escapes are decoded.
  if (rest.startsWith('//')) return path.resolve(fileURLToPath(`file:${rest}`));
  // file:/abs/path, file:./rel/path, file:rel/path: a plain path, as Prisma and better-sqlite3 take it.
  return path.resolve(root, rest);
}

/**
 * The URL handed to Prisma 7's `--url`. Prisma 7 strips "file:" and resolves the rest as a plain
 * path (no percent-decoding), so the path goes in verbatim rather than through pathToFileURL.
 */
export function studioUrl(absolutePath) {
  return `file://${absolutePath.split(path.sep).join('/')}`;
}

export const USAGE = 'Usage: npm run studio -- [--port N] [--browser none|NAME]';

/**
 * The options of `npm run studio`, like `prisma studio`'s own: -p/--port (else STUDIO_PORT, else
 * 5555) and -b/--browser (else BROWSER, else none). Unknown options and stray arguments are
 * errors rather than silently ignored.
 */
export function studioOptions(argv, env = process.env) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      browser: { type: 'string', short: 'b' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  const [raw, source] =
    values.port !== undefined ? [values.port, '--port'] : [env.STUDIO_PORT?.trim() || '', 'STUDIO_PORT'];
  const port = raw === '' ? DEFAULT_PORT : Number(raw);
  if ((raw !== '' && !/^\d+$/.test(raw)) || port < 1 || port > 65535)
    throw new Error(`${source} "${raw}" is not a port number (1-65535)`);
  const browser = (values.browser ?? env.BROWSER?.trim()) || 'none';
  return { port, browser, help: values.help === true };
}

function prismaCli() {
  const bin = path.join(here, 'node_modules', '.bin', process.platform === 'win32' ? 'prisma.cmd' : 'prisma');
  const manifest = path.join(here, 'node_modules', 'prisma', 'package.json');
  if (
    !existsSync(manifest) ||
    !existsSync(path.join(here, 'node_modules', 'better-sqlite3', 'package.json'))
  ) {
    fail(
      `Prisma 7 for Studio is not installed in ${path.relative(process.cwd(), here) || '.'}.\n` +
        '        Run `npm run studio:install` (from the repo root) first.',
    );
  }
  const { version, bin: bins } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (!String(version).startsWith('7.')) {
    fail(`tools/studio/node_modules has prisma ${version}, not 7.x. Run \`npm run studio:install\`.`);
  }
  // Run the CLI's script with this Node rather than the bin's `#!/usr/bin/env node` shebang.
  const script = typeof bins === 'string' ? bins : bins?.prisma;
  if (script) return { script: path.join(here, 'node_modules', 'prisma', script), version };
  if (existsSync(bin)) return { script: realpathSync(bin), version };
  fail('cannot find the prisma CLI in tools/studio/node_modules. Run `npm run studio:install`.');
}

/** Studio on a database without tables shows nothing: say why (it still starts). */
function warnIfEmpty(file) {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const { n } = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get();
      if (n === 0) {
        console.warn(
          `studio: ${file} has no tables yet: Studio will show nothing. Run \`npm run seed\` or \`npm start\` first.`,
        );
      }
    } finally {
      db.close();
    }
  } catch (error) {
    console.warn(`studio: could not read ${file} (${error.message}); starting Studio anyway.`);
  }
}

/** Studio listens on 127.0.0.1; a taken port would otherwise end in a raw EADDRINUSE stack. */
function portIsFree(studioPort) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(studioPort, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A PostgreSQL DATABASE_URL goes to Studio as it is (Prisma 7's Studio speaks PostgreSQL itself). */
const isPostgres = (url) => /^postgres(ql)?:\/\//.test((url ?? '').trim());
const withoutPassword = (url) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function main() {
  let options;
  try {
    options = studioOptions(process.argv.slice(2));
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { script, version } = prismaCli();
  if (isPostgres(process.env.DATABASE_URL)) {
    const target = process.env.DATABASE_URL.trim();
    const studioPort = options.port;
    if (!(await portIsFree(studioPort))) fail(`port ${studioPort} is already in use (another Studio?)`);
    console.log(`Prisma Studio ${version} for ${withoutPassword(target)}`);
    if (options.browser === 'none')
      console.log(`Open http://localhost:${studioPort} in your browser (Ctrl+C to stop).`);
    return runStudio(script, target, studioPort, options);
  }
  let file;
  try {
    file = databasePath(process.env.DATABASE_URL);
  } catch (error) {
    fail(error.message);
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    fail(
      `no database at ${file}.\n` +
        '        Create it first: `npm run seed` (imports the sample articles) or `npm start`,\n' +
        '        or point DATABASE_URL at an existing archive (file:./path/to/archive.db).',
    );
  }
  warnIfEmpty(file);
  const studioPort = options.port;
  if (!(await portIsFree(studioPort))) {
    fail(
      `port ${studioPort} is already in use (another Studio?). Choose another: npm run studio -- --port 5556`,
    );
  }
  const url = studioUrl(file);

  console.log(`Prisma Studio ${version} for ${file}`);
  if (options.browser === 'none')
    console.log(`Open http://localhost:${studioPort} in your browser (Ctrl+C to stop).`);
  runStudio(script, url, studioPort, options);
}

function runStudio(script, url, studioPort, options) {
  const child = spawn(
    process.execPath,
    [script, 'studio', '--url', url, '--port', String(studioPort), '--browser', options.browser],
    {
      // Not the repo root: Prisma 7 would load the root prisma.config.ts, written for Prisma 6.
      cwd: here,
      stdio: 'inherit',
      env: {
        ...process.env,
        // No telemetry or update check: the machines here reach only the npm registry.
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        BROWSER: options.browser,
      },
    },
  );

  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);

  child.on('error', (error) => fail(`could not start Prisma Studio: ${error.message}`));
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) {
      // Die of the same signal, so the caller sees how the child ended.
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
