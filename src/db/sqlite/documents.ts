/**
 * The stored GET /articles/:id documents ("article_documents"; migration
 * 20261201000200_article_documents), kept by the writer: every article whose document would
 * change is `touch`ed during a write transaction and rebuilt by `flush` just before it commits.
 *
 * What a document shows beyond its article's own rows is its people's names, slugs and aliases.
 * Names and slugs never change; when a person gains an alias, or is merged into another, every
 * article showing them is affected: their documents are deleted at once (reads then build them
 * live, so nothing stale is ever served) and queued in "stale_documents", rebuilt at most
 * STALE_PER_WRITE per later transaction, so that one alias of a person in 100,000 articles does
 * not stall an import.
 */
import type Database from 'better-sqlite3';
import { ETAG_FUNCTION, STORE_DOCUMENTS_SQL, etagOf } from '../queries/article-detail.ts';

/** Queued documents rebuilt per write transaction (~0.1 ms each). */
export const STALE_PER_WRITE = 200;

/** Articles mentioning or quoting a person: bind the person id twice. */
const ARTICLES_OF_PERSON = `SELECT "articleId" FROM "mentions" WHERE "personId" = ?
                            UNION SELECT "articleId" FROM "quotes" WHERE "speakerId" = ?`;

export class ArticleDocuments {
  private readonly touched = new Set<number>();
  private readonly s;

  constructor(db: Database.Database) {
    db.function(ETAG_FUNCTION, { deterministic: true }, (json) => etagOf(String(json)));
    this.s = {
      store: db.prepare<[string]>(STORE_DOCUMENTS_SQL),
      deleteOfPerson: db.prepare<[number, number]>(
        `DELETE FROM "article_documents" WHERE "articleId" IN (${ARTICLES_OF_PERSON})`,
      ),
      queueOfPerson: db.prepare<[number, number]>(
        `INSERT OR IGNORE INTO "stale_documents" ("articleId") ${ARTICLES_OF_PERSON}`,
      ),
      stale: db.prepare<[number], number>('SELECT "articleId" FROM "stale_documents" LIMIT ?').pluck(),
      unqueue: db.prepare<[string]>(
        'DELETE FROM "stale_documents" WHERE "articleId" IN (SELECT "value" FROM json_each(?))',
      ),
    };
  }

  /** The article's document must be rebuilt before this transaction commits. */
  touch(articleId: number): void {
    this.touched.add(articleId);
  }

  /** Every stored article showing this person must be rebuilt (an alias added, a merge). */
  personChanged(personId: number): void {
    this.s.deleteOfPerson.run(personId, personId);
    this.s.queueOfPerson.run(personId, personId);
  }

  /** Rebuilds the touched documents and a share of the queue; inside the write transaction. */
  flush(stalePerWrite = STALE_PER_WRITE): void {
    const ids = [...this.touched, ...this.s.stale.all(stalePerWrite)];
    this.touched.clear();
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    this.s.store.run(list);
    this.s.unqueue.run(list);
  }

  /** Forgets what was touched (the transaction rolled back). */
  reset(): void {
    this.touched.clear();
  }
}
