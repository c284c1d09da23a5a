-- Exact medians of price mentions without ranking every mention: the distinct amounts with their
-- counts, per currency and per currency and month of the article date, each grouped into coarse
-- buckets (one significant digit of the amount: 1, 2, … 9 per power of ten) whose counts are kept
-- too. A median is then found by summing bucket counts (tens of rows) to find the bucket that
-- holds the middle rank, and walking that bucket's distinct amounts alone (src/db/queries/prices.ts).
-- The writer keeps all four tables in the same transaction as the mentions
-- (src/db/sqlite/price-aggregates.ts). Invariant, checked by test/integration/aggregates.test.ts
-- against a full recount: each table equals the grouping of "price_mentions" (joined to
-- "articles" for the month); rows at zero are deleted.
--
-- The bucket of an amount value v, always computed by SQLite (here, in the writer's statements,
-- in the reads), so that every side agrees on it; non-decreasing in v:
--   CASE WHEN v > 0 THEN (exponent of printf('%.0e', v) + 400) * 10 + its leading digit ELSE 0 END

CREATE TABLE "currency_amounts" (
    "currency" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "amountValue" REAL NOT NULL,
    "amount" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("currency", "bucket", "amountValue", "amount")
) WITHOUT ROWID;

CREATE TABLE "currency_buckets" (
    "currency" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("currency", "bucket")
) WITHOUT ROWID;

CREATE TABLE "price_month_amounts" (
    "currency" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "amountValue" REAL NOT NULL,
    "amount" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("currency", "month", "bucket", "amountValue", "amount")
) WITHOUT ROWID;

CREATE TABLE "price_month_buckets" (
    "currency" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("currency", "month", "bucket")
) WITHOUT ROWID;

INSERT INTO "price_month_amounts" ("currency", "month", "bucket", "amountValue", "amount", "n")
SELECT pm."currency", substr(a."sortDate", 1, 7),
       CASE WHEN pm."amountValue" > 0
            THEN (CAST(substr(printf('%.0e', pm."amountValue"), instr(printf('%.0e', pm."amountValue"), 'e') + 1) AS INTEGER) + 400) * 10
                 + CAST(substr(printf('%.0e', pm."amountValue"), 1, 1) AS INTEGER)
            ELSE 0 END,
       pm."amountValue", pm."amount", count(*)
FROM "price_mentions" pm JOIN "articles" a ON a."id" = pm."articleId"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "price_month_buckets" ("currency", "month", "bucket", "n")
SELECT "currency", "month", "bucket", sum("n") FROM "price_month_amounts" GROUP BY 1, 2, 3;

INSERT INTO "currency_amounts" ("currency", "bucket", "amountValue", "amount", "n")
SELECT "currency", "bucket", "amountValue", "amount", sum("n") FROM "price_month_amounts" GROUP BY 1, 2, 3, 4;

INSERT INTO "currency_buckets" ("currency", "bucket", "n")
SELECT "currency", "bucket", sum("n") FROM "currency_amounts" GROUP BY 1, 2;
