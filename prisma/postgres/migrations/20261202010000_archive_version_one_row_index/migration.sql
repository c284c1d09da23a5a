-- The one-row rule of the cache version table as a unique index on a constant instead of a CHECK
-- constraint: Prisma 6.19's schema engine on @prisma/adapter-pg cannot introspect a database that
-- holds a CHECK constraint ("RuntimeError: unreachable" in `prisma db pull`, and in `prisma migrate
-- dev`, which introspects the database and its shadow). Same guarantee: a second row is refused.
ALTER TABLE "archive_version" DROP CONSTRAINT "archive_version_id_check";
CREATE UNIQUE INDEX "archive_version_one_row" ON "archive_version" ((true));
