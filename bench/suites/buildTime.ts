/**
 * @fileoverview Build time of the example workflows (`examples/*.yaml`) as a user sees it: the
 * `iceosc build` process, cold (empty WASM cache: asc compiles every sandboxed piece) and cached
 * (same cache: asc never starts); and `iceosc check` of the same files against that cache (it
 * checks everything `build` does, compiling the sandboxed pieces too, and writes nothing).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureSamples } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import { fixturesDir } from "../harness/flows.js";

export const ROWS = {
  cold: "build examples/*.yaml: cold (empty WASM cache), iceosc process",
  cached: "build examples/*.yaml: cached, iceosc process",
  checkCached: "check examples/*.yaml: unchanged (WASM cache warm), iceosc process",
} as const;

const here = dirname(fileURLToPath(import.meta.url));

function cliPath(): string | undefined {
  for (const candidate of [
    join(here, "..", "..", "src", "cli", "bin.js"),
    join(here, "..", "..", "dist", "src", "cli", "bin.js"),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export async function buildTimeSuite(ctx: BenchContext): Promise<void> {
  const cli = cliPath();
  if (!cli) {
    ctx.report.note("build time: dist/src/cli/bin.js not built: skipped");
    return;
  }
  const root = join(fixturesDir(), "..", "..");
  const examples = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join("examples", f));
  let n = 0;
  const iceosc = (args: readonly string[], cacheDir: string): void => {
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...process.env, ICEOSC_CACHE_DIR: cacheDir },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`iceosc ${args[0]} failed (${result.status}): ${result.stderr}`);
  };
  const build = (cacheDir: string): void =>
    iceosc(["build", ...examples, "--out-dir", join(ctx.workDir, `build-${n++}`)], cacheDir);
  let fresh = 0;
  let lastCache = "";
  ctx.report.add(
    await measureSamples(
      ROWS.cold,
      () => {
        lastCache = join(ctx.workDir, `cache-cold-${fresh++}`);
        return build(lastCache);
      },
      ctx.quick ? 1 : 2,
    ),
  );
  // The last cold build filled its cache: rebuild against it.
  ctx.report.add(await measureSamples(ROWS.cached, () => build(lastCache), ctx.quick ? 1 : 3));
  // The first check of these files records its result (a miss, like a first build); the row
  // times the checks after it, which replay it.
  iceosc(["check", ...examples], lastCache);
  ctx.report.add(
    await measureSamples(ROWS.checkCached, () => iceosc(["check", ...examples], lastCache), ctx.quick ? 1 : 3),
  );
  ctx.report.note(
    `build time: ${examples.length} example workflows (${examples.map((e) => e.slice("examples/".length)).join(", ")})`,
  );
}
