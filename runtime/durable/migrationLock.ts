/**
 * @fileoverview One migration at a time per database: processes that reach a fresh database
 * together (several `iceosc enqueue` or workers starting at once) take a PostgreSQL advisory lock
 * before DBOS creates its schema. Without it, one process could find the schema half made by
 * another (its version row written, a function not yet) and fail ("function
 * dbos.enqueue_workflow(...) does not exist"). The lock lives in the server's `postgres` database,
 * since the target database may not exist yet; its key is derived from the target's name.
 */
import { createHash } from "node:crypto";
import pg from "pg";

/** Runs `migrate` holding the lock for `databaseUrl` (without a lock when the server offers no `postgres` database). */
export async function withMigrationLock<T>(databaseUrl: string, migrate: () => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const key = createHash("sha256").update(`iceosc-migrate:${url.host}/${name}`).digest().readBigInt64BE(0);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch {
    return migrate();
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key.toString()]);
    return await migrate();
  } finally {
    await client.end().catch(() => undefined);
  }
}
