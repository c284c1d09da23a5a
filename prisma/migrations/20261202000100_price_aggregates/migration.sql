-- The distinct amounts of the price mentions with their counts, per currency and per currency and
-- month of the article date, kept by the writer in the same transaction as the mentions
-- (src/db/sqlite/price-aggregates.ts), so that the price pages and /prices/stats find exact
-- medians by walking distinct amounts (prices repeat: 316,000 USD mentions of a 100k archive have
-- 1,619 distinct amounts) instead of ranking every mention. Invariant, checked by
-- test/integration/aggregates.test.ts against a full recount: each table equals the grouping of
-- "price_mentions" (joined to "articles" for the month); rows at zero are deleted.

CREATE TABLE "currency_amounts" (
    "currency" TEXT NOT NULL,
    "amountValue" REAL NOT NULL,
    "amount" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("currency", "amountValue", "amount")
) WITHOUT ROWID;

CREATE TABLE "price_month_amounts" (
    "currency" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountValue" REAL NOT NULL,
    "amount" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("currency", "month", "amountValue", "amount")
) WITHOUT ROWID;

INSERT INTO "currency_amounts" ("currency", "amountValue", "amount", "n")
SELECT "currency", "amountValue", "amount", count(*) FROM "price_mentions" GROUP BY 1, 2, 3;

INSERT INTO "price_month_amounts" ("currency", "month", "amountValue", "amount", "n")
SELECT pm."currency", substr(a."sortDate", 1, 7), pm."amountValue", pm."amount", count(*)
FROM "price_mentions" pm JOIN "articles" a ON a."id" = pm."articleId"
GROUP BY 1, 2, 3, 4;
