-- Per-article lookups of people and speakers answered from the index alone: search facets count
-- the people and speakers of tens of thousands of matching articles, and reading each mention or
-- quote row (quotes carry their text) for its personId/speakerId made that a random read per row.
-- The new indexes keep serving the foreign keys through their first column.
DROP INDEX "mentions_articleId_idx";
CREATE INDEX "mentions_articleId_personId_idx" ON "mentions"("articleId", "personId");

DROP INDEX "quotes_articleId_idx";
CREATE INDEX "quotes_articleId_speakerId_idx" ON "quotes"("articleId", "speakerId");
