/**
 * @fileoverview PostgreSQL for durable-run tests: `ICEOSC_DATABASE_URL` when set (CI starts a
 * private cluster around `npm test`), else a private cluster this file starts with
 * scripts/pg-test-cluster.sh when PostgreSQL's binaries exist. Each test file gets databases of
 * its own (`freshDatabase`). When neither exists the tests are skipped, loudly.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";

const SCRIPT = join(ROOT, "scripts", "pg-test-cluster.sh");

/** A server URL (its database part is replaced per test), or undefined when none can be had. */
export interface TestServer {
  readonly url: string | undefined;
  stop(): void;
}

export function startServer(): TestServer {
  const given = process.env.ICEOSC_DATABASE_URL;
  if (given) return { url: given, stop: () => undefined };
  let output: string;
  try {
    output = execFileSync(SCRIPT, ["start"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() ?? String(error);
    console.warn(
      `\n*** SKIPPING durable-run tests: no ICEOSC_DATABASE_URL and no private PostgreSQL (${detail}).\n` +
        "*** Install Debian's 'postgresql' or run: scripts/pg-test-cluster.sh exec npx vitest run test/durable\n",
    );
    return { url: undefined, stop: () => undefined };
  }
  const url = /^ICEOSC_DATABASE_URL=(.*)$/m.exec(output)?.[1];
  const cluster = /^ICEOSC_PG_CLUSTER=(.*)$/m.exec(output)?.[1];
  return {
    url,
    stop: () => {
      if (cluster) execFileSync(SCRIPT, ["stop", cluster]);
    },
  };
}

/** The server's URL with a database no other test uses (DBOS creates it on first use). */
export function freshDatabase(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/iceosc_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  return url.toString();
}
