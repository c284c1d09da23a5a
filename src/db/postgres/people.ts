/**
 * People resolution on PostgreSQL: the rules of src/db/writer.ts (one row per human; see its
 * module comment), as queries on one connection inside the writer's transaction. The writer holds
 * the archive's write lock (an advisory lock) meanwhile, so no other writer resolves at once.
 */
import type pg from 'pg';
import type { PersonFact } from '../../extract/types.ts';
import { slugify } from '../people.ts';
import { PERSON_COLUMN, type Pending } from './rows.ts';

const isSingleWord = (name: string): boolean => !/\s/.test(name.trim());

export class PeopleResolver {
  /**
   * People by canonical name (null: none) as this transaction last saw or wrote them. Valid
   * because the writer holds the archive's write lock: only this transaction changes people.
   * Cleared when a savepoint is rolled back (its writes are gone).
   */
  private readonly byName = new Map<string, number | null>();

  constructor(
    private readonly client: pg.PoolClient,
    /** The batch's collected rows (not written yet), whose person ids a merge must move too. */
    private readonly pending: () => Pending,
  ) {}

  private async one<T>(sql: string, params: unknown[]): Promise<T | undefined> {
    return (await this.client.query<T & pg.QueryResultRow>(sql, params)).rows[0];
  }

  /** Reads the people every name (and single word) a batch may look up, with one query. */
  async prefetch(people: PersonFact[]): Promise<void> {
    const names = new Set<string>();
    for (const fact of people) {
      names.add(fact.name);
      for (const alias of fact.aliases) if (isSingleWord(alias)) names.add(alias);
      names.add(fact.name.split(/\s+/).at(-1)!);
    }
    const wanted = [...names].filter((name) => !this.byName.has(name));
    if (wanted.length === 0) return;
    const found = await this.client.query<{ id: number; name: string }>(
      'SELECT "id", "name" FROM "people" WHERE "name" = ANY($1::text[])',
      [wanted],
    );
    for (const name of wanted) this.byName.set(name, null);
    for (const row of found.rows) this.byName.set(row.name, row.id);
  }

  forget(): void {
    this.byName.clear();
  }

  private async personByName(name: string): Promise<number | null> {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    const id =
      (await this.one<{ id: number }>('SELECT "id" FROM "people" WHERE "name" = $1', [name]))?.id ?? null;
    this.byName.set(name, id);
    return id;
  }

  private async uniqueSlug(name: string): Promise<string> {
    const base = slugify(name);
    const taken = new Set(
      (
        await this.client.query<{ slug: string }>(
          `SELECT "slug" FROM "people" WHERE "slug" = $1 OR "slug" LIKE $2`,
          [base, `${base.replace(/[\\%_]/g, (ch) => `\\${ch}`)}-%`],
        )
      ).rows.map((row) => row.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private async addAliases(personId: number, name: string, aliases: Iterable<string>): Promise<void> {
    const forms = [...new Set(aliases)].filter((alias) => alias !== name);
    if (forms.length === 0) return;
    await this.client.query(
      `INSERT INTO "person_aliases" ("personId", "alias") SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [personId, forms],
    );
  }

  /** Folds a person known only by one word into the full-named person this article introduces. */
  private async absorbSingleWordPeople(personId: number, fact: PersonFact): Promise<void> {
    for (const word of new Set([...fact.aliases.filter(isSingleWord), fact.name.split(/\s+/).at(-1)!])) {
      const other = await this.personByName(word);
      if (other === null || other === personId) continue;
      const owners = await this.one<{ n: number }>(
        'SELECT count(*) AS n FROM "person_aliases" WHERE "alias" = $1 AND "personId" <> $2',
        [word, personId],
      );
      if (owners!.n > 0) continue;
      await this.client.query('UPDATE "mentions" SET "personId" = $1 WHERE "personId" = $2', [
        personId,
        other,
      ]);
      await this.client.query('UPDATE "quotes" SET "speakerId" = $1 WHERE "speakerId" = $2', [
        personId,
        other,
      ]);
      const { mentions, quotes } = this.pending();
      for (const row of [...mentions, ...quotes])
        if (row[PERSON_COLUMN] === other) row[PERSON_COLUMN] = personId;
      const moved = (
        await this.client.query<{ alias: string }>(
          'SELECT "alias" FROM "person_aliases" WHERE "personId" = $1',
          [other],
        )
      ).rows.map((row) => row.alias);
      await this.addAliases(personId, fact.name, [word, ...moved]);
      await this.client.query('DELETE FROM "people" WHERE "id" = $1', [other]);
      this.byName.set(word, null);
    }
  }

  private async singleWordOwner(name: string): Promise<number | null> {
    const owners = (
      await this.client.query<{ personId: number }>(
        'SELECT DISTINCT "personId" FROM "person_aliases" WHERE "alias" = $1 LIMIT 2',
        [name],
      )
    ).rows;
    return owners.length === 1 ? owners[0]!.personId : null;
  }

  /** Person ids keyed by the article's canonical names, creating people as needed. */
  async resolve(people: PersonFact[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const fact of people) {
      let id = await this.personByName(fact.name);
      if (id === null && isSingleWord(fact.name)) id = await this.singleWordOwner(fact.name);
      if (id === null) {
        const created = await this.one<{ id: number }>(
          'INSERT INTO "people" ("name", "slug") VALUES ($1, $2) RETURNING "id"',
          [fact.name, await this.uniqueSlug(fact.name)],
        );
        id = created!.id;
        this.byName.set(fact.name, id);
        if (!isSingleWord(fact.name)) await this.absorbSingleWordPeople(id, fact);
      }
      await this.addAliases(id, fact.name, fact.aliases);
      ids.set(fact.name, id);
    }
    return ids;
  }
}
