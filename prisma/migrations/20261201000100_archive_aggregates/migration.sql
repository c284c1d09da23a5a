-- Aggregates of the whole archive that the writer keeps in step with the fact tables, in the same
-- transaction as the rows they count (src/db/writer.ts), so /stats reads a few index entries
-- instead of grouping every mention, quote and price of the archive (0.6 s at 100k articles,
-- 6 s at 1M). Invariant, checked by test/integration/aggregates.test.ts against a full recount:
-- each table equals the aggregate of the rows stored in "articles", "people", "mentions",
-- "quotes" and "price_mentions". Existing archives are counted once here.

-- Per person: distinct articles mentioning them, quotes attributed to them.
CREATE TABLE "person_stats" (
    "personId" INTEGER NOT NULL PRIMARY KEY,
    "articles" INTEGER NOT NULL DEFAULT 0,
    "quotes" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "person_stats_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "person_stats_articles_idx" ON "person_stats"("articles" DESC);
CREATE INDEX "person_stats_quotes_idx" ON "person_stats"("quotes" DESC);

-- Articles per YYYY-MM of their date (sortDate).
CREATE TABLE "month_stats" (
    "month" TEXT NOT NULL PRIMARY KEY,
    "articles" INTEGER NOT NULL
) WITHOUT ROWID;

-- Per currency: price mentions, and distinct articles with one.
CREATE TABLE "currency_stats" (
    "currency" TEXT NOT NULL PRIMARY KEY,
    "prices" INTEGER NOT NULL,
    "articles" INTEGER NOT NULL
) WITHOUT ROWID;

-- Row counts: articles, people, quotes, prices.
CREATE TABLE "archive_totals" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "n" INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO "person_stats" ("personId", "articles", "quotes")
SELECT p."id",
       (SELECT count(DISTINCT m."articleId") FROM "mentions" m WHERE m."personId" = p."id"),
       (SELECT count(*) FROM "quotes" q WHERE q."speakerId" = p."id")
FROM "people" p;

INSERT INTO "month_stats" ("month", "articles")
SELECT substr("sortDate", 1, 7), count(*) FROM "articles" GROUP BY 1;

INSERT INTO "currency_stats" ("currency", "prices", "articles")
SELECT "currency", count(*), count(DISTINCT "articleId") FROM "price_mentions" GROUP BY "currency";

INSERT INTO "archive_totals" ("key", "n") VALUES
    ('articles', (SELECT count(*) FROM "articles")),
    ('people', (SELECT count(*) FROM "people")),
    ('quotes', (SELECT count(*) FROM "quotes")),
    ('prices', (SELECT count(*) FROM "price_mentions"));
