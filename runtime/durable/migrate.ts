/**
 * @fileoverview Creating DBOS's schema in a run database before a client, worker or run uses it
 * (one process at a time: migrationLock.ts).
 */
import { DBOS } from "@dbos-inc/dbos-sdk";
import { withMigrationLock } from "./migrationLock.js";

/** SQLSTATEs of concurrent creators: deadlock, duplicates, serialization, "tuple concurrently updated". */
const MIGRATION_RACES = new Set(["40P01", "40001", "42P04", "42P06", "42P07", "23505", "XX000"]);

/**
 * Creates the database and DBOS's tables if missing. DBOS.migrate logs through the console (our
 * stdout carries outputs), so the console is muted meanwhile. Processes starting at once on a new
 * database race to create it (a deadlock or a duplicate for all but one): those retry.
 */
export async function migrate(databaseUrl: string): Promise<void> {
  await withMigrationLock(databaseUrl, () => migrateOnce(databaseUrl));
}

async function migrateOnce(databaseUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const saved = { log: console.log, debug: console.debug, info: console.info, warn: console.warn };
    const mute = (): void => undefined;
    Object.assign(console, { log: mute, debug: mute, info: mute, warn: mute });
    try {
      await DBOS.migrate(databaseUrl);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== "string" || !MIGRATION_RACES.has(code) || attempt >= 8) throw error;
    } finally {
      Object.assign(console, saved);
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
  }
}
