/**
 * People's URL names. How people are matched across articles (one row per human) is part of the
 * write path: `ArticleWriter` in src/db/writer.ts.
 */

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
