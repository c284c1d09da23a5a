-- Per-person aggregates the writer keeps in step with the fact tables, in the same transaction as
-- the rows they count (src/db/sqlite/aggregates.ts), so a person page reads a few index entries
-- instead of grouping every mention, article and price of a person in tens of thousands of
-- articles. Invariant, checked by test/integration/aggregates.test.ts against a full recount:
-- each table equals the aggregate of the rows stored in "articles", "mentions" and
-- "price_mentions" ("articles mentioning a person" are those with a row in "mentions").
-- Rows whose counts reach zero are deleted. Existing archives are counted once here.

-- Articles mentioning the person, per YYYY-MM of the article date (sortDate).
CREATE TABLE "person_months" (
    "personId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "articles" INTEGER NOT NULL,
    PRIMARY KEY ("personId", "month"),
    CONSTRAINT "person_months_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

-- Articles mentioning both the person and another one (both directions are stored).
CREATE TABLE "person_pairs" (
    "personId" INTEGER NOT NULL,
    "otherId" INTEGER NOT NULL,
    "articles" INTEGER NOT NULL,
    PRIMARY KEY ("personId", "otherId"),
    CONSTRAINT "person_pairs_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

-- Per currency, the price mentions in the articles mentioning the person, and those articles.
CREATE TABLE "person_currencies" (
    "personId" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "prices" INTEGER NOT NULL,
    "articles" INTEGER NOT NULL,
    PRIMARY KEY ("personId", "currency"),
    CONSTRAINT "person_currencies_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE TEMP TABLE "article_people" AS SELECT DISTINCT "articleId", "personId" FROM "mentions";
CREATE INDEX temp."article_people_idx" ON "article_people" ("articleId", "personId");

INSERT INTO "person_months" ("personId", "month", "articles")
SELECT ap."personId", substr(a."sortDate", 1, 7), count(*)
FROM "article_people" ap JOIN "articles" a ON a."id" = ap."articleId"
GROUP BY 1, 2;

INSERT INTO "person_pairs" ("personId", "otherId", "articles")
SELECT x."personId", y."personId", count(*)
FROM "article_people" x JOIN "article_people" y ON y."articleId" = x."articleId" AND y."personId" <> x."personId"
GROUP BY 1, 2;

INSERT INTO "person_currencies" ("personId", "currency", "prices", "articles")
SELECT ap."personId", c."currency", sum(c.n), count(*)
FROM "article_people" ap
JOIN (SELECT "articleId", "currency", count(*) AS n FROM "price_mentions" GROUP BY 1, 2) c ON c."articleId" = ap."articleId"
GROUP BY 1, 2;

DROP TABLE "article_people";
