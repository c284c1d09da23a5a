-- AlterTable
ALTER TABLE "articles" ADD COLUMN "language" TEXT,
ADD COLUMN "encoding" TEXT;

-- CreateTable
CREATE TABLE "article_sources" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_sources_source_key" ON "article_sources"("source");

-- CreateIndex
CREATE INDEX "article_sources_articleId_idx" ON "article_sources"("articleId");

-- CreateIndex
CREATE INDEX "articles_language_sortDate_idx" ON "articles"("language", "sortDate");

-- AddForeignKey
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An article's other sources are part of its document: a change invalidates cached documents
-- (see archive_version in 20261201000100_full_text_search).
CREATE TRIGGER "article_sources_touch" AFTER INSERT OR UPDATE OR DELETE ON "article_sources"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
