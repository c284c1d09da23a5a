/**
 * ArchiveStore.personFacets on PostgreSQL: computed from the rows (PostgreSQL keeps no per-person
 * aggregate tables), with the answers of src/db/queries/people.ts's, which reads the SQLite
 * writer's aggregates: the person's articles are those with a mention of them; names order as
 * bytes (COLLATE "C", SQLite's BINARY).
 */
import type pg from 'pg';
import type { PersonFacets } from '../queries/people.ts';
import { rows } from './sql.ts';

/** The ids of the articles mentioning person ?: used with the person id as its parameter. */
const ARTICLES_OF = `SELECT DISTINCT "articleId" FROM "mentions" WHERE "personId" = ?`;

export async function personFacets(db: pg.Pool, personId: number, top: number): Promise<PersonFacets> {
  const months = await rows<{ month: string; articles: number }>(
    db,
    `SELECT to_char(a."sortDate" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS articles
     FROM "articles" a WHERE a."id" IN (${ARTICLES_OF}) GROUP BY month ORDER BY month`,
    [personId],
  );
  const people = await rows<{ id: number; name: string; slug: string; count: number }>(
    db,
    `SELECT p."id", p."name", p."slug", c.n::int AS count FROM (
       SELECT m."personId", count(DISTINCT m."articleId") AS n FROM "mentions" m
       WHERE m."articleId" IN (${ARTICLES_OF}) AND m."personId" <> ? GROUP BY m."personId"
     ) c JOIN "people" p ON p."id" = c."personId"
     ORDER BY c.n DESC, p."name" COLLATE "C", p."id" LIMIT ?`,
    [personId, personId, top],
  );
  const currencies = await rows<{ currency: string; prices: number; articles: number }>(
    db,
    `SELECT pm."currency", count(*)::int AS prices, count(DISTINCT pm."articleId")::int AS articles
     FROM "price_mentions" pm WHERE pm."articleId" IN (${ARTICLES_OF})
     GROUP BY pm."currency" ORDER BY prices DESC, pm."currency" COLLATE "C"`,
    [personId],
  );
  return { months, people, currencies };
}
