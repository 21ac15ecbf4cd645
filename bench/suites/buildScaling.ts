/**
 * @fileoverview How build time grows with workflow size, and the fixed cost around it, as users
 * see it (the `iceosc build` process): generated chains of 100, 1,000 and 5,000 tool nodes built
 * cold (empty caches) and rebuilt unchanged (the whole-build cache replays the output), a
 * workflow of 20 distinct code nodes cold (also with only TypeScript's code cache kept) and with
 * the WASM cache warm, and a bare `node`
 * process for the start every command pays. Issue 13: unchanged rebuild <= 300 ms including
 * Node's start, 1,000 nodes <= 2 s, 20 code nodes cold <= 3 s, growth linear in size.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext } from "../harness/context.js";
import { measureSamples } from "../harness/measure.js";

export const SIZES = [100, 1000, 5000] as const;

export const ROWS = {
  nodeStart: "node process start (node -e 0)",
  cold: (n: number) => `build ${n.toLocaleString("en")} tool nodes: cold, iceosc process`,
  unchanged: (n: number) => `build ${n.toLocaleString("en")} tool nodes: unchanged rebuild, iceosc process`,
  codeCold: "build 20 code nodes: cold (empty WASM cache), iceosc process",
  codeColdTyped: "build 20 code nodes: cold (empty WASM cache, TypeScript's code cache kept), iceosc process",
  codeWarm: "build 20 code nodes: one node changed (WASM cache warm), iceosc process",
} as const;

const here = dirname(fileURLToPath(import.meta.url));

function cliPath(): string | undefined {
  const candidate = join(here, "..", "..", "src", "cli", "bin.js");
  return existsSync(candidate) ? candidate : undefined;
}

/** A chain of `n` tool nodes, each reading the previous one's output. */
export function chainWorkflow(n: number): string {
  const lines = [
    `name: chain_${n}`,
    "input_schema: { x: number }",
    "tools:",
    "  step:",
    "    input_schema: { x: number }",
    "    output_schema: { x: number }",
    "nodes:",
  ];
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: n${i}`, "    type: tool", "    tool_name: step");
    lines.push(`    tool_args: { x: "{{ ${i === 0 ? "inputs" : `n${i - 1}`}.x }}" }`);
  }
  return `${lines.join("\n")}\n`;
}

/** 20 code nodes with distinct bodies (`salt` changes one of them). */
export function codeWorkflow(salt: number): string {
  const lines = ["name: code_20", 'input_schema: { xs: "number[]" }', "nodes:"];
  for (let i = 0; i < 20; i++) {
    const k = i === 0 ? salt : i;
    lines.push(
      `  - id: c${i}`,
      "    type: code",
      '    inputs: { xs: "{{ inputs.xs }}" }',
      '    input_schema: { xs: "number[]" }',
      "    output_schema: { total: number, label: string }",
      "    code: |",
      `      const total = inputs.xs.reduce((a, x) => a + x * ${k}, 0);`,
      `      return { total, label: "node ${i}: " + total.toFixed(2) };`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export async function buildScalingSuite(ctx: BenchContext): Promise<void> {
  const cli = cliPath();
  if (!cli) {
    ctx.report.note("build scaling: dist/src/cli/bin.js not built: skipped");
    return;
  }
  const dir = join(ctx.workDir, "scaling");
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const build = (file: string, cacheDir: string): void => {
    const result = spawnSync(process.execPath, [cli, "build", file, "--out-dir", join(dir, `out-${n++}`)], {
      env: { ...process.env, ICEOSC_CACHE_DIR: cacheDir },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`iceosc build failed (${result.status}): ${result.stderr}`);
  };
  const samples = ctx.quick ? 1 : 3;
  ctx.report.add(await measureSamples(ROWS.nodeStart, () => spawnSync(process.execPath, ["-e", "0"]), samples + 2));
  for (const size of ctx.quick ? [100] : SIZES) {
    const file = join(dir, `chain_${size}.yaml`);
    writeFileSync(file, chainWorkflow(size));
    let cache = "";
    ctx.report.add(
      await measureSamples(
        ROWS.cold(size),
        () => {
          cache = join(dir, `cache-${n++}`);
          build(file, cache);
        },
        samples,
      ),
    );
    ctx.report.add(await measureSamples(ROWS.unchanged(size), () => build(file, cache), samples));
  }
  const code = join(dir, "code_20.yaml");
  let cache = "";
  ctx.report.add(
    await measureSamples(
      ROWS.codeCold,
      () => {
        cache = join(dir, `cache-${n++}`);
        writeFileSync(code, codeWorkflow(0));
        build(code, cache);
      },
      ctx.quick ? 1 : 2,
    ),
  );
  // The same, the cache folder holding only the compiler's code cache (src/util/codeCache.ts): what
  // a first build of new code nodes costs once iceosc has typed anything on this machine.
  const codeCache = join(cache, "v8");
  ctx.report.add(
    await measureSamples(
      ROWS.codeColdTyped,
      () => {
        const fresh = join(dir, `cache-${n++}`);
        if (existsSync(codeCache)) cpSync(codeCache, join(fresh, "v8"), { recursive: true });
        writeFileSync(code, codeWorkflow(0));
        build(code, fresh);
      },
      ctx.quick ? 1 : 2,
    ),
  );
  let salt = 100;
  ctx.report.add(
    await measureSamples(
      ROWS.codeWarm,
      () => {
        writeFileSync(code, codeWorkflow(salt++));
        build(code, cache);
      },
      samples,
    ),
  );
  if (!ctx.quick) {
    ctx.report.ratio("build time growth: 5,000 / 1,000 tool nodes (linear = 5)", ROWS.cold(5000), ROWS.cold(1000));
    ctx.report.ratio("build time growth: 1,000 / 100 tool nodes (linear = 10)", ROWS.cold(1000), ROWS.cold(100));
  }
}
