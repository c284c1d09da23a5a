/**
 * People resolution on PostgreSQL: the rules of src/db/writer.ts (one row per human; see its
 * module comment), decided in memory and written set-wise, so that a batch costs a fixed number
 * of statements however many people it brings:
 * - one query reads, for every name and single word the batch may look up, the person of that
 *   name and the people known by it as an alias (`prefetch`);
 * - the articles' people are then resolved in order, in memory: new people get temporary
 *   (negative) ids, and aliases and merges are collected;
 * - `flush` writes them before the batch's facts: one query for the taken slugs, one
 *   `INSERT … SELECT FROM unnest(…) RETURNING` for the new people (whose real ids replace the
 *   temporary ones in the collected rows), one for the aliases, and four for merges when a full
 *   name absorbed a single-word person.
 * The memory is the database's truth only because the writer holds the archive's write lock (an
 * advisory lock) for the whole transaction: no other writer changes people meanwhile. Words are
 * only read while nothing is pending (a read would not see pending writes), and a rolled-back
 * savepoint must `forget` everything.
 */
import type pg from 'pg';
import type { PersonFact } from '../../extract/types.ts';
import { slugify } from '../people.ts';
import { flushPending, nothingPending, PERSON_COLUMN, type Pending } from './rows.ts';

const isSingleWord = (name: string): boolean => !/\s/.test(name.trim());

/** The single words a full name may absorb people by (see src/db/writer.ts). */
const absorbableWords = (fact: PersonFact): Set<string> =>
  new Set([...fact.aliases.filter(isSingleWord), fact.name.split(/\s+/).at(-1)!]);

/** Every word `resolve` may look up for these people: their names and absorbable words. */
function lookupWords(people: PersonFact[]): Set<string> {
  const words = new Set<string>();
  for (const fact of people) {
    words.add(fact.name);
    for (const word of absorbableWords(fact)) words.add(word);
  }
  return words;
}

/** A full-named person `into` absorbs the single-word person `from` (written at flush). */
interface Merge {
  from: number;
  into: number;
}

export class PeopleResolver {
  /** The person of each looked-up word as its name (null: none), as this transaction has it. */
  private readonly byName = new Map<string, number | null>();
  /** The people known by each looked-up word as an alias, as this transaction has them. */
  private readonly owners = new Map<string, Set<number>>();
  /** People made by this transaction and not written yet, by temporary id (in creation order). */
  private newPeople = new Map<number, string>();
  /** Alias rows not written yet, keyed by person and alias. */
  private newAliases = new Map<string, [number, string]>();
  private merges: Merge[] = [];
  private nextTemporaryId = -1;

  constructor(
    private readonly client: pg.PoolClient,
    /** The batch's collected rows (not written yet), whose person ids a merge or a flush must change too. */
    private readonly pending: () => Pending,
  ) {}

  /** Reads what the archive knows of every word these people may look up, with one query. */
  async prefetch(people: PersonFact[]): Promise<void> {
    const wanted = [...lookupWords(people)].filter((word) => !this.byName.has(word));
    if (wanted.length === 0) return;
    if (this.hasPendingWrites()) {
      // A read does not see what is collected: write it first (the writer's paths read every
      // word a batch needs before collecting anything, so this is a safety net).
      await this.flush();
      await flushPending(this.client, { ...nothingPending(), aliases: this.pending().aliases.splice(0) });
    }
    const found = await this.client.query<{ kind: 'name' | 'alias'; word: string; id: number }>(
      `SELECT 'name' AS "kind", "name" AS "word", "id" FROM "people" WHERE "name" = ANY($1::text[])
       UNION ALL
       SELECT DISTINCT 'alias', "alias", "personId" FROM "person_aliases" WHERE "alias" = ANY($1::text[])`,
      [wanted],
    );
    for (const word of wanted) {
      this.byName.set(word, null);
      this.owners.set(word, new Set());
    }
    for (const row of found.rows) {
      if (row.kind === 'name') this.byName.set(row.word, row.id);
      else this.owners.get(row.word)!.add(row.id);
    }
  }

  /** A savepoint was rolled back: what this transaction remembered or collected is gone. */
  forget(): void {
    this.byName.clear();
    this.owners.clear();
    this.newPeople = new Map();
    this.newAliases = new Map();
    this.merges = [];
  }

  /** Person ids keyed by the article's canonical names, making people as needed (temporary ids until flush). */
  async resolve(people: PersonFact[]): Promise<Map<string, number>> {
    await this.prefetch(people);
    const ids = new Map<string, number>();
    for (const fact of people) {
      let id: number | null = this.byName.get(fact.name)!;
      if (id === null && isSingleWord(fact.name)) id = this.singleWordOwner(fact.name);
      if (id === null) {
        id = this.nextTemporaryId--;
        this.newPeople.set(id, fact.name);
        this.byName.set(fact.name, id);
        if (!isSingleWord(fact.name)) this.absorbSingleWordPeople(id, fact);
      }
      this.addAliases(id, fact.name, fact.aliases);
      ids.set(fact.name, id);
    }
    return ids;
  }

  /**
   * Writes the collected people and merges, gives the collected rows the real ids, and hands the
   * aliases to the pending rows (written with the facts, see rows.ts).
   */
  async flush(): Promise<void> {
    const realIds = await this.insertPeople();
    const real = (id: number): number => (id < 0 ? realIds.get(id)! : id);
    for (const row of [...this.pending().mentions, ...this.pending().quotes]) {
      const id = row[PERSON_COLUMN];
      if (typeof id === 'number' && id < 0) row[PERSON_COLUMN] = real(id);
    }
    for (const [word, id] of this.byName) if (id !== null && id < 0) this.byName.set(word, real(id));
    for (const [word, owners] of this.owners)
      if ([...owners].some((id) => id < 0)) this.owners.set(word, new Set([...owners].map(real)));
    const merges = this.merges.map(({ from, into }) => ({ from: real(from), into: real(into) }));
    this.pending().aliases.push(...[...this.newAliases.values()].map(([id, alias]) => [real(id), alias]));
    this.newAliases = new Map();
    this.merges = [];
    // No alias collected refers to a merged person (a merge moves them), so the merges can go first.
    if (merges.length > 0) await this.writeMerges(merges);
  }

  private hasPendingWrites(): boolean {
    return this.newPeople.size > 0 || this.newAliases.size > 0 || this.merges.length > 0;
  }

  private singleWordOwner(word: string): number | null {
    const owners = this.owners.get(word)!;
    return owners.size === 1 ? owners.values().next().value! : null;
  }

  private addAliases(personId: number, name: string, aliases: Iterable<string>): void {
    for (const alias of aliases) {
      if (alias === name) continue;
      this.newAliases.set(`${personId}\u0000${alias}`, [personId, alias]);
      this.owners.get(alias)?.add(personId);
    }
  }

  /** Folds a person known only by one word into the full-named person this article introduces. */
  private absorbSingleWordPeople(personId: number, fact: PersonFact): void {
    for (const word of absorbableWords(fact)) {
      const other = this.byName.get(word)!;
      if (other === null || other === personId) continue;
      if ([...this.owners.get(word)!].some((owner) => owner !== personId)) continue;
      this.merges.push({ from: other, into: personId });
      for (const row of [...this.pending().mentions, ...this.pending().quotes])
        if (row[PERSON_COLUMN] === other) row[PERSON_COLUMN] = personId;
      // The other's aliases become this person's (its name excepted), and it is deleted.
      for (const [alias, owners] of this.owners) {
        if (!owners.delete(other)) continue;
        if (alias !== fact.name) owners.add(personId);
      }
      for (const [key, [id, alias]] of this.newAliases)
        if (id === other) {
          this.newAliases.delete(key);
          if (alias !== fact.name) this.addAliases(personId, fact.name, [alias]);
        }
      this.addAliases(personId, fact.name, [word]);
      this.byName.set(word, null);
    }
  }

  /** Inserts the new people with their slugs; their real ids by temporary id. */
  private async insertPeople(): Promise<Map<number, number>> {
    const created = [...this.newPeople];
    this.newPeople = new Map();
    const realIds = new Map<number, number>();
    if (created.length === 0) return realIds;
    const names = created.map(([, name]) => name);
    const { rows } = await this.client.query<{ id: number; name: string }>(
      `INSERT INTO "people" ("name", "slug")
       SELECT "name", "slug" FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t("name", "slug", "n")
       ORDER BY "n"
       RETURNING "id", "name"`,
      [names, await this.uniqueSlugs(names)],
    );
    const byName = new Map(rows.map((row) => [row.name, row.id]));
    for (const [temporary, name] of created) realIds.set(temporary, byName.get(name)!);
    return realIds;
  }

  /**
   * Each name's slug: the first of `base`, `base-2`, `base-3`, … neither stored nor given to an
   * earlier name of the list (what one INSERT after another would find). Reads candidates by
   * exact value (the unique index), a window per base, widened until every name has one.
   */
  private async uniqueSlugs(names: string[]): Promise<string[]> {
    const bases = names.map(slugify);
    const namesPerBase = new Map<string, number>();
    for (const base of bases) namesPerBase.set(base, (namesPerBase.get(base) ?? 0) + 1);
    const candidate = (base: string, n: number): string => (n === 1 ? base : `${base}-${n}`);
    const checked = new Map<string, number>();
    const taken = new Set<string>();
    for (let widen = new Set(bases); widen.size > 0;) {
      const wanted: string[] = [];
      for (const base of widen) {
        const from = checked.get(base) ?? 0;
        const to = from + 2 * namesPerBase.get(base)! + 2;
        for (let n = from + 1; n <= to; n++) wanted.push(candidate(base, n));
        checked.set(base, to);
      }
      const stored = await this.client.query<{ slug: string }>(
        'SELECT "slug" FROM "people" WHERE "slug" = ANY($1::text[])',
        [wanted],
      );
      for (const row of stored.rows) taken.add(row.slug);
      widen = new Set();
      const given = new Set<string>();
      const slugs: string[] = [];
      for (const base of bases) {
        let n = 1;
        while (n <= checked.get(base)! && (taken.has(candidate(base, n)) || given.has(candidate(base, n))))
          n++;
        if (n > checked.get(base)!) widen.add(base);
        given.add(candidate(base, n));
        slugs.push(candidate(base, n));
      }
      if (widen.size === 0) return slugs;
    }
    return [];
  }

  /** The merges collected since the last flush, set-wise (people ids real by now). */
  private async writeMerges(merges: Merge[]): Promise<void> {
    const params = [merges.map((m) => m.from), merges.map((m) => m.into)];
    const merged = `unnest($1::int4[], $2::int4[]) AS m("from", "into")`;
    await this.client.query(
      `INSERT INTO "person_aliases" ("personId", "alias")
       SELECT m."into", a."alias" FROM ${merged}
       JOIN "person_aliases" a ON a."personId" = m."from"
       JOIN "people" p ON p."id" = m."into" AND a."alias" <> p."name"
       ON CONFLICT DO NOTHING`,
      params,
    );
    await this.client.query(
      `UPDATE "mentions" SET "personId" = m."into" FROM ${merged} WHERE "mentions"."personId" = m."from"`,
      params,
    );
    await this.client.query(
      `UPDATE "quotes" SET "speakerId" = m."into" FROM ${merged} WHERE "quotes"."speakerId" = m."from"`,
      params,
    );
    await this.client.query('DELETE FROM "people" WHERE "id" = ANY($1::int4[])', [params[0]]);
  }
}
