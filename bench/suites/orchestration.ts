/**
 * @fileoverview Orchestration overhead per direct node: generated 1,000-node workflows of tool
 * nodes (a chain, each node reading the previous one; and a wide one, all nodes in one wave),
 * against hand-written code making the same tool calls. Rows are per node (run time / 1,000).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureAsync, measureSamples } from "../harness/measure.js";
import type { BenchContext } from "../harness/context.js";
import { compileFlows } from "../harness/flows.js";
import type { TimingRow } from "../harness/report.js";

export const ROWS = {
  chain: "orchestration: 1,000-node chain workflow, per node",
  chainBaseline: "orchestration: hand-written chain of 1,000 tool calls, per call",
  wide: "orchestration: 1,000-node single-wave workflow, per node",
  wideBaseline: "orchestration: hand-written Promise.all of 1,000 tool calls, per call",
  compile: "build: 1,000-node chain workflow, compileFiles (no sandboxed pieces)",
} as const;

function workflowYaml(name: string, count: number, chained: boolean): string {
  const lines = [
    `name: ${name}`,
    "input_schema: { x: integer }",
    "tools:",
    "  step:",
    "    description: Adds one",
    "    input_schema: { v: integer }",
    "    output_schema: { v: integer }",
    "nodes:",
  ];
  for (let i = 0; i < count; i++) {
    const from = chained && i > 0 ? `n${i - 1}.v` : "inputs.x";
    lines.push(`  - id: n${i}`, "    type: tool", "    tool_name: step", `    tool_args: { v: "{{ ${from} }}" }`);
  }
  lines.push(`outputs: { v: "{{ n${count - 1}.v }}" }`, "");
  return lines.join("\n");
}

function perNode(row: TimingRow, name: string, count: number): TimingRow {
  const mean = row.mean_us / count;
  return { name, ops_per_sec: 1e6 / mean, mean_us: mean, rme_pct: row.rme_pct };
}

export async function orchestrationSuite(ctx: BenchContext): Promise<void> {
  const count = Math.max(10, Math.round(1000 * ctx.scale));
  const chainPath = join(ctx.workDir, "chain.yaml");
  const widePath = join(ctx.workDir, "wide.yaml");
  writeFileSync(chainPath, workflowYaml("chain", count, true));
  writeFileSync(widePath, workflowYaml("wide", count, false));
  let flows: Awaited<ReturnType<typeof compileFlows>> | undefined;
  ctx.report.add(
    await measureSamples(
      ROWS.compile,
      async () => (flows = await compileFlows(ctx, [chainPath, widePath], `orchestration-${Date.now()}`)),
      1,
    ),
  );
  const chain = flows!.get("chain")!;
  const wide = flows!.get("wide")!;

  const step = async (
    args: Record<string, unknown>,
    _context: { nodeId: string; signal: AbortSignal },
  ): Promise<{ v: number }> => ({ v: (args.v as number) + 1 });
  const options = { tools: { step } };
  const context = { nodeId: "n", signal: new AbortController().signal };
  const handChain = async (x: number): Promise<number> => {
    let v = x;
    for (let i = 0; i < count; i++) v = (await step({ v }, context)).v;
    return v;
  };
  const handWide = async (x: number): Promise<number> => {
    const all = await Promise.all(Array.from({ length: count }, () => step({ v: x }, context)));
    return all[all.length - 1]!.v;
  };
  const got = await chain({ x: 0 }, options);
  if (got.v !== count || (await handChain(0)) !== count) throw new Error(`chain gave ${JSON.stringify(got)}`);

  const rows: [string, () => Promise<unknown>][] = [
    [ROWS.chain, () => chain({ x: 0 }, options)],
    [ROWS.chainBaseline, () => handChain(0)],
    [ROWS.wide, () => wide({ x: 0 }, options)],
    [ROWS.wideBaseline, () => handWide(0)],
  ];
  for (const [name, fn] of rows) ctx.report.add(perNode(await measureAsync(name, fn, ctx.config), name, count));
  const chainRow = ctx.report.timing(ROWS.chain)!;
  const baseRow = ctx.report.timing(ROWS.chainBaseline)!;
  ctx.report.note(
    `orchestration overhead per direct node (chain of ${count}): ${(chainRow.mean_us - baseRow.mean_us).toFixed(2)} us`,
  );
  const wideRow = ctx.report.timing(ROWS.wide)!;
  const wideBase = ctx.report.timing(ROWS.wideBaseline)!;
  ctx.report.note(
    `orchestration overhead per direct node (one wave of ${count}): ${(wideRow.mean_us - wideBase.mean_us).toFixed(2)} us`,
  );
}
