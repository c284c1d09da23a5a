/**
 * Benchmark servers, one per child process: `hello` (bare Fastify), `app` (the archive API from
 * buildApp) and `raw` (GET /articles/:id answered with raw better-sqlite3 statements, the same
 * JSON as the API). Prints `listening <port>` on stdout when ready.
 *
 *   node --import tsx bench/servers.ts hello|app|raw [DATABASE_URL]
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { buildApp } from '../src/api/app.ts';
import { databaseFile } from '../src/db/client.ts';

const [kind, databaseUrl] = process.argv.slice(2);

/** DateTime text as Prisma stores it ("...+00:00") to the ISO form the API returns. */
const iso = (value: string | null): string | null => (value === null ? null : new Date(value).toISOString());

function rawServer(url: string) {
  const db = new Database(databaseFile(url), { readonly: true, timeout: 10_000 });
  const article = db.prepare<[number], Record<string, string | number | null>>('SELECT * FROM "articles" WHERE "id" = ?');
  const mentions = db.prepare<[number], { personId: number; text: string; start: number; end: number }>(
    'SELECT "personId", "text", "start", "end" FROM "mentions" WHERE "articleId" = ? ORDER BY "start"',
  );
  const people = db.prepare<[string], { id: number; name: string; slug: string; aliases: string | null }>(
    `SELECT p."id", p."name", p."slug", (SELECT json_group_array("alias") FROM (SELECT "alias" FROM "person_aliases" a WHERE a."personId" = p."id" ORDER BY "alias")) AS aliases
     FROM "people" p WHERE p."id" IN (SELECT value FROM json_each(?))`,
  );
  const quotes = db.prepare<[number], { id: number; text: string; cue: string | null; start: number; end: number; sid: number | null; sname: string | null; sslug: string | null }>(
    `SELECT q."id", q."text", q."cue", q."start", q."end", p."id" AS sid, p."name" AS sname, p."slug" AS sslug
     FROM "quotes" q LEFT JOIN "people" p ON p."id" = q."speakerId" WHERE q."articleId" = ? ORDER BY q."start"`,
  );
  const prices = db.prepare('SELECT "id", "amount", "currency", "raw", "location", "sentence", "start", "end" FROM "price_mentions" WHERE "articleId" = ? ORDER BY "start"');
  const revisions = db.prepare<[number], { id: number; contentHash: string; importedAt: string; replacedAt: string }>(
    'SELECT "id", "contentHash", "importedAt", "replacedAt" FROM "article_revisions" WHERE "articleId" = ? ORDER BY "id"',
  );
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const id = Number(request.params.id);
    const a = article.get(id);
    if (!a) return reply.code(404).send({ title: 'Not Found', status: 404 });
    const ms = mentions.all(id);
    const first = new Map<number, number>();
    for (const m of ms) if (!first.has(m.personId)) first.set(m.personId, m.start);
    const ps = people.all(JSON.stringify([...first.keys()])).sort((x, y) => first.get(x.id)! - first.get(y.id)!);
    return {
      id: a.id,
      title: a.title,
      lead: a.lead,
      body: a.body,
      text: a.text,
      source: a.source,
      format: a.format,
      byline: a.byline,
      date: iso(a.sortDate as string),
      publishedAt: iso(a.publishedAt as string | null),
      importedAt: iso(a.importedAt as string),
      updatedAt: iso(a.updatedAt as string),
      wordCount: a.wordCount,
      contentHash: a.contentHash,
      extractorVersion: a.extractorVersion,
      people: ps.map((p) => ({
        id: p.id,
        name: p.name,
        slug: p.slug,
        aliases: JSON.parse(p.aliases ?? '[]') as string[],
        mentions: ms.filter((m) => m.personId === p.id).map(({ text, start, end }) => ({ text, start, end })),
      })),
      quotes: quotes.all(id).map((q) => ({
        id: q.id,
        text: q.text,
        cue: q.cue,
        speaker: q.sid === null ? null : { id: q.sid, name: q.sname, slug: q.sslug },
        start: q.start,
        end: q.end,
      })),
      prices: prices.all(id),
      revisions: revisions.all(id).map((r) => ({ id: r.id, contentHash: r.contentHash, importedAt: iso(r.importedAt), replacedAt: iso(r.replacedAt) })),
    };
  });
  return app;
}

async function main(): Promise<void> {
  let app;
  if (kind === 'hello') {
    app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
  } else if (kind === 'app' && databaseUrl) {
    app = await buildApp({ databaseUrl });
  } else if (kind === 'raw' && databaseUrl) {
    app = rawServer(databaseUrl);
  } else {
    console.error('Usage: node --import tsx bench/servers.ts hello|app|raw [DATABASE_URL]');
    process.exit(2);
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${new URL(address).port}`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

await main();
