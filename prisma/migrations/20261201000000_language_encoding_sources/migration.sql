-- AlterTable
ALTER TABLE "articles" ADD COLUMN "encoding" TEXT;
ALTER TABLE "articles" ADD COLUMN "language" TEXT;

-- CreateTable
CREATE TABLE "article_sources" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "article_sources_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "article_sources_source_key" ON "article_sources"("source");

-- CreateIndex
CREATE INDEX "article_sources_articleId_idx" ON "article_sources"("articleId");

-- CreateIndex
CREATE INDEX "articles_language_sortDate_idx" ON "articles"("language", "sortDate");
