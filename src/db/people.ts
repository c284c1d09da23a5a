/**
 * People across articles: one Person row per human. An article's extractor gives each person a
 * canonical name (the fullest form in that article); this module maps it onto the archive's
 * people, so that "Lukashenko" alone in one article and "Alexander Lukashenko" in another end up
 * as one person with both forms.
 */
import type { PersonFact } from '../extract/types.ts';
import type { Db } from './client.ts';

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'person'
  );
}

const isSingleWord = (name: string): boolean => !/\s/.test(name.trim());

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.person.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function addAliases(db: Db, personId: number, name: string, aliases: Iterable<string>): Promise<void> {
  for (const alias of new Set(aliases)) {
    if (alias === name) continue;
    await db.$executeRaw`INSERT OR IGNORE INTO "person_aliases" ("personId", "alias") VALUES (${personId}, ${alias})`;
  }
}

/** The one person a single word ("Lukashenko") can stand for, if exactly one is known by it. */
async function personKnownAs(db: Db, word: string): Promise<number | null> {
  const rows = await db.personAlias.findMany({ where: { alias: word }, select: { personId: true }, distinct: ['personId'], take: 2 });
  return rows.length === 1 ? rows[0]!.personId : null;
}

/**
 * Folds a person known only by one word (from an earlier article) into the full-named person
 * this article introduces, when the word is unambiguous.
 */
async function absorbSingleWordPeople(db: Db, personId: number, fact: PersonFact): Promise<void> {
  for (const word of new Set([...fact.aliases.filter(isSingleWord), fact.name.split(/\s+/).at(-1)!])) {
    const other = await db.person.findUnique({ where: { name: word }, select: { id: true } });
    if (!other || other.id === personId) continue;
    const sameWordOwners = await db.personAlias.count({ where: { alias: word, personId: { not: personId } } });
    if (sameWordOwners > 0) continue;
    await db.mention.updateMany({ where: { personId: other.id }, data: { personId } });
    await db.quote.updateMany({ where: { speakerId: other.id }, data: { speakerId: personId } });
    const moved = await db.personAlias.findMany({ where: { personId: other.id }, select: { alias: true } });
    await addAliases(db, personId, fact.name, [word, ...moved.map((a) => a.alias)]);
    await db.person.delete({ where: { id: other.id } });
  }
}

/** Returns person ids keyed by the article's canonical names, creating people as needed. */
export async function resolvePeople(db: Db, people: PersonFact[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const fact of people) {
    let id = (await db.person.findUnique({ where: { name: fact.name }, select: { id: true } }))?.id ?? null;
    if (id === null && isSingleWord(fact.name)) id = await personKnownAs(db, fact.name);
    if (id === null) {
      id = (await db.person.create({ data: { name: fact.name, slug: await uniqueSlug(db, fact.name) }, select: { id: true } })).id;
      if (!isSingleWord(fact.name)) await absorbSingleWordPeople(db, id, fact);
    }
    await addAliases(db, id, fact.name, fact.aliases);
    ids.set(fact.name, id);
  }
  return ids;
}

/** People no article mentions any more (after re-extraction or deletion) are removed. */
export async function deleteOrphanPeople(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "people"
    WHERE NOT EXISTS (SELECT 1 FROM "mentions" m WHERE m."personId" = "people"."id")
      AND NOT EXISTS (SELECT 1 FROM "quotes" q WHERE q."speakerId" = "people"."id")`;
}
