-- Full-text search over articles and quotes on PostgreSQL: the counterpart of the SQLite FTS5
-- migration. Each table carries a generated tsvector column (PostgreSQL keeps it in step with
-- every insert and update, so no application code can forget to) with a GIN index.
--
-- The "archive" text search configuration is English stemming without a stop-word list (as
-- FTS5's porter tokenizer: "to be or not to be" is searchable) after unaccent (as
-- remove_diacritics: "Lukasenko" finds "Lukašenko"). to_tsvector with a constant configuration is
-- immutable, which a generated column requires.
--
-- Weights as in SQLite's bm25(10, 4, 1): title A, lead B, body C (ts_rank_cd weighs them
-- 1.0, 0.4, 0.1 through the weights array the queries pass).
--
-- These columns are not in prisma/postgres/schema.prisma (Prisma cannot describe a generated
-- tsvector); the queries of src/db/postgres/ are their only users.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY "archive_stem" (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION "archive" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "archive"
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
    WITH unaccent, "archive_stem";

ALTER TABLE "articles" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('archive'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('archive'::regconfig, "lead"), 'B') ||
    setweight(to_tsvector('archive'::regconfig, "body"), 'C')
) STORED;
CREATE INDEX "articles_searchVector_idx" ON "articles" USING GIN ("searchVector");

ALTER TABLE "quotes" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('archive'::regconfig, "text")
) STORED;
CREATE INDEX "quotes_searchVector_idx" ON "quotes" USING GIN ("searchVector");

-- Source-prefix filters (LIKE 'prefix%') use a text_pattern_ops index whatever the collation.
CREATE INDEX "articles_source_pattern_idx" ON "articles" ("source" text_pattern_ops);

-- Person lookups by name or alias in any case (filters resolve ?person=lukashenko).
CREATE INDEX "people_name_lower_idx" ON "people" (lower("name"));
CREATE INDEX "person_aliases_alias_lower_idx" ON "person_aliases" (lower("alias"));

-- The article-document cache of every API process is invalidated through this one row: each
-- write transaction bumps it (see src/db/postgres/writer.ts), and a reader compares it with the
-- version its cache was filled at. A trigger, so that writes from any tool count too.
CREATE TABLE "archive_version" (
    "id" INTEGER PRIMARY KEY CHECK ("id" = 1),
    "version" BIGINT NOT NULL
);
INSERT INTO "archive_version" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "archive_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "archive_version" SET "version" = "version" + 1 WHERE "id" = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER "articles_touch" AFTER INSERT OR UPDATE OR DELETE ON "articles"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
CREATE TRIGGER "mentions_touch" AFTER INSERT OR UPDATE OR DELETE ON "mentions"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
CREATE TRIGGER "quotes_touch" AFTER INSERT OR UPDATE OR DELETE ON "quotes"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
CREATE TRIGGER "price_mentions_touch" AFTER INSERT OR UPDATE OR DELETE ON "price_mentions"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
CREATE TRIGGER "people_touch" AFTER INSERT OR UPDATE OR DELETE ON "people"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
CREATE TRIGGER "person_aliases_touch" AFTER INSERT OR UPDATE OR DELETE ON "person_aliases"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
CREATE TRIGGER "article_revisions_touch" AFTER INSERT OR UPDATE OR DELETE ON "article_revisions"
    FOR EACH STATEMENT EXECUTE FUNCTION "archive_touch"();
