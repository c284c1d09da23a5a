-- Full-text search over articles and quotes. External-content FTS5 tables index the rows of
-- "articles" and "quotes" without storing the text twice; triggers keep them in step with every
-- insert, update and delete, so no application code can forget to. The porter stemmer lets
-- "sanctions" find "sanction"; remove_diacritics lets "Lukasenko" find "Lukašenko".

CREATE VIRTUAL TABLE "articles_fts" USING fts5(
    "title", "lead", "body",
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "articles_fts_after_insert" AFTER INSERT ON "articles" BEGIN
    INSERT INTO "articles_fts" (rowid, "title", "lead", "body") VALUES (new."id", new."title", new."lead", new."body");
END;

CREATE TRIGGER "articles_fts_after_delete" AFTER DELETE ON "articles" BEGIN
    INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "lead", "body") VALUES ('delete', old."id", old."title", old."lead", old."body");
END;

CREATE TRIGGER "articles_fts_after_update" AFTER UPDATE OF "title", "lead", "body" ON "articles" BEGIN
    INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "lead", "body") VALUES ('delete', old."id", old."title", old."lead", old."body");
    INSERT INTO "articles_fts" (rowid, "title", "lead", "body") VALUES (new."id", new."title", new."lead", new."body");
END;

CREATE VIRTUAL TABLE "quotes_fts" USING fts5(
    "text",
    content = 'quotes', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "quotes_fts_after_insert" AFTER INSERT ON "quotes" BEGIN
    INSERT INTO "quotes_fts" (rowid, "text") VALUES (new."id", new."text");
END;

CREATE TRIGGER "quotes_fts_after_delete" AFTER DELETE ON "quotes" BEGIN
    INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text") VALUES ('delete', old."id", old."text");
END;

CREATE TRIGGER "quotes_fts_after_update" AFTER UPDATE OF "text" ON "quotes" BEGIN
    INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text") VALUES ('delete', old."id", old."text");
    INSERT INTO "quotes_fts" (rowid, "text") VALUES (new."id", new."text");
END;
