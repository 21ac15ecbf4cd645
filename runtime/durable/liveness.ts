/**
 * @fileoverview Which durable executors are alive: each process holds a PostgreSQL session-level
 * advisory lock named after its executor id for as long as it lives. PostgreSQL drops the lock the
 * moment the process's connection goes (a crash, SIGKILL, a lost host), so a lock that can be
 * taken belongs to a dead executor, whose pending runs another worker may recover.
 */
import pg from "pg";

/** A dedicated connection holding this process's lock. */
export class Liveness {
  private constructor(private readonly client: pg.Client) {}

  /** Connects and takes the lock of `executorId`; undefined when another live process holds it. */
  static async hold(databaseUrl: string, executorId: string): Promise<Liveness | undefined> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("error", () => undefined);
    await client.connect();
    const liveness = new Liveness(client);
    if (await liveness.tryLock(executorId)) return liveness;
    await client.end();
    return undefined;
  }

  /**
   * Runs `recover` if executor `executorId` is dead (its lock is free), holding its lock meanwhile
   * so that only one worker recovers it. Returns whether it was dead.
   */
  async ifDead(executorId: string, recover: () => Promise<void>): Promise<boolean> {
    if (!(await this.tryLock(executorId))) return false;
    try {
      await recover();
    } finally {
      await this.client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [executorId]);
    }
    return true;
  }

  async release(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }

  private async tryLock(executorId: string): Promise<boolean> {
    const result = await this.client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked",
      [executorId],
    );
    return result.rows[0]?.locked === true;
  }
}
