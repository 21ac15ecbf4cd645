/**
 * @fileoverview A sandboxed plugin call against the same function as a direct tool: the plugin
 * module (compiled by src/plugin: metered, Asyncify-transformed, fresh instance per call) called
 * through its tool function, and the same TypeScript, as plain JavaScript, registered as an
 * ordinary tool. Both are async tool calls; their difference is what sandboxing a tool costs per
 * call (README "Plugins").
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { pluginTools } from "../../runtime/plugins/index.js";
import { compilePluginFiles } from "../../src/plugin/compile.js";
import type { BenchContext } from "../harness/context.js";
import { measureAsync } from "../harness/measure.js";

export const ROWS = {
  sandboxed: "plugin call: slugify, sandboxed plugin",
  direct: "plugin call: slugify, direct tool",
  ratio: "plugin call: sandboxed / direct tool",
} as const;

/** The tool, as a plugin module; the direct tool is the same text with its types erased. */
export const SLUGIFY_PLUGIN = `
interface Args {
  title: string;
}

export default async function (args: Args): Promise<{ slug: string; words: number }> {
  const parts: string[] = [];
  let word = "";
  for (const ch of args.title.toLowerCase()) {
    if ((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9")) word += ch;
    else if (word.length > 0) {
      parts.push(word);
      word = "";
    }
  }
  if (word.length > 0) parts.push(word);
  return { slug: parts.join("-"), words: parts.length };
}
`;

const ARGS = { title: "Sandboxing Third-Party Tools: Fuel, Memory and Async Host Calls, 2026 Edition" };

export async function pluginSuite(ctx: BenchContext): Promise<void> {
  const file = join(ctx.workDir, "slugify.ts");
  writeFileSync(file, SLUGIFY_PLUGIN);
  const compiled = await compilePluginFiles([file], { cacheDir: ctx.cacheDir });
  const plugin = compiled.plugins[0];
  if (!plugin) {
    ctx.report.note(`plugin call: skipped (${compiled.diagnostics.map((d) => d.message).join("; ")})`);
    return;
  }
  const sandboxed = pluginTools([{ plugin }]).slugify!.run;
  const js = ts.transpileModule(SLUGIFY_PLUGIN.replace("export default async function", "return async function"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const direct = new Function(js)() as (args: typeof ARGS) => Promise<{ slug: string }>;
  const context = { nodeId: "bench", signal: new AbortController().signal };
  const [a, b] = [await sandboxed(ARGS, context), await direct(ARGS)];
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`plugin and direct tool differ: ${JSON.stringify([a, b])}`);
  ctx.report.add(await measureAsync(ROWS.sandboxed, () => Promise.resolve(sandboxed(ARGS, context)), ctx.config));
  ctx.report.add(await measureAsync(ROWS.direct, () => direct(ARGS), ctx.config));
  ctx.report.ratio(ROWS.ratio, ROWS.sandboxed, ROWS.direct);
}
