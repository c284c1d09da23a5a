/**
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma (see
 * src/db/postgres/schema-derivation.ts). `--check` only reports whether the committed file is
 * current (exit 1 when it drifted), which test/unit/postgres-schema.test.ts also asserts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/db/migrate.ts';
import { derivePostgresSchema } from '../src/db/postgres/schema-derivation.ts';

const source = path.join(PROJECT_ROOT, 'prisma/schema.prisma');
const target = path.join(PROJECT_ROOT, 'prisma/postgres/schema.prisma');
const derived = derivePostgresSchema(fs.readFileSync(source, 'utf8'));

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== derived) {
    console.error(`${path.relative(PROJECT_ROOT, target)} is out of date: run npm run derive:postgres`);
    process.exit(1);
  }
  console.error(`${path.relative(PROJECT_ROOT, target)} is current`);
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, derived);
  console.error(`wrote ${path.relative(PROJECT_ROOT, target)}`);
}
