/**
 * Benchmark servers, one per child process: `hello` (bare Fastify), `app` (the archive API from
 * buildApp; `app-cold` with its article cache off, every request built by SQLite), `raw` (the app's GET /articles/:id statement on a bare Fastify) and `prisma` (the
 * same article loaded through Prisma's client). Prints `listening <port>` on stdout when ready.
 *
 *   node --import tsx bench/servers.ts hello|app|app-cold|raw|prisma [DATABASE_URL]
 */
import Fastify from 'fastify';
import { buildApp } from '../src/api/app.ts';
import { openDatabase, openReadConnection } from '../src/db/client.ts';
import { articleDetailJson } from '../src/db/queries/article-detail.ts';

const [kind, databaseUrl] = process.argv.slice(2);

/** The statement the app uses, on a bare Fastify: the cost of the app's plugins (ETag, compression, logging hooks). */
function rawServer(url: string) {
  const sqlite = openReadConnection(url);
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const json = articleDetailJson(sqlite, Number(request.params.id));
    if (json === null) return reply.code(404).send({ title: 'Not Found', status: 404 });
    return reply.type('application/json; charset=utf-8').send(json);
  });
  return app;
}

/** The same article through Prisma's client (one query with includes): what Prisma costs on this route. */
async function prismaServer(url: string) {
  const prisma = await openDatabase(url);
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const article = await prisma.article.findUnique({
      where: { id: Number(request.params.id) },
      include: {
        mentions: { include: { person: { include: { aliases: true } } }, orderBy: { start: 'asc' } },
        quotes: {
          include: { speaker: { select: { id: true, name: true, slug: true } } },
          orderBy: { start: 'asc' },
        },
        prices: { orderBy: { start: 'asc' } },
        revisions: { orderBy: { id: 'asc' } },
      },
    });
    if (!article) return reply.code(404).send({ title: 'Not Found', status: 404 });
    return article;
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
  } else if (kind === 'app-cold' && databaseUrl) {
    app = await buildApp({ databaseUrl, articleCacheMb: 0 });
  } else if (kind === 'raw' && databaseUrl) {
    app = rawServer(databaseUrl);
  } else if (kind === 'prisma' && databaseUrl) {
    app = await prismaServer(databaseUrl);
  } else {
    console.error('Usage: node --import tsx bench/servers.ts hello|app|app-cold|raw|prisma [DATABASE_URL]');
    process.exit(2);
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(`listening ${new URL(address).port}`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

await main();
