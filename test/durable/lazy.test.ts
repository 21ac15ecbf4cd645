/**
 * Plain runs pay nothing for durability: importing `iceosc/runtime` (what every generated module
 * does) loads no DBOS code; it is loaded on the first durable call. Checked in a fresh Node
 * process on the built runtime (DBOS is CommonJS, so what was loaded shows in require.cache).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const PROBE = `
const count = () => Object.keys(require.cache).filter((k) => k.includes("@dbos-inc")).length;
import(process.argv[1]).then(async (runtime) => {
  const before = count();
  await runtime.status("x", { databaseUrl: "postgresql://x@127.0.0.1:1/x" }).catch(() => undefined);
  console.log(JSON.stringify({ before, after: count() }));
  process.exit(0);
});
`;

describe("durable runs are loaded lazily", () => {
  it("importing the runtime loads no DBOS module; a durable call does", () => {
    const result = spawnSync(process.execPath, ["-e", PROBE, join(ROOT, "dist", "runtime", "index.js")], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const { before, after } = JSON.parse(result.stdout.trim().split("\n").pop()!) as { before: number; after: number };
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });
});
