-- GET /articles/:id documents built by the writer at write time (src/db/queries/article-detail.ts),
-- so a read is one primary-key lookup instead of a ~0.1 ms build. A document is deleted whenever
-- something it shows changes and rebuilt in the same transaction, or, when many articles are
-- affected at once (a person known to thousands of articles gains an alias), queued in
-- "stale_documents" and rebuilt a few hundred per later write; until then reads build it live.

CREATE TABLE "article_documents" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "json" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    CONSTRAINT "article_documents_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "stale_documents" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT "stale_documents_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Articles stored before this migration get their documents over the next writes.
INSERT INTO "stale_documents" ("articleId") SELECT "id" FROM "articles";
