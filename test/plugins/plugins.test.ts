// Plugins at the user level (README "Plugins"): modules of tools registered with `iceosc run
// --plugin`, granted capabilities with `--grant`, called from workflows' tool nodes; `build
// --plugins`; the `tools:` declaration check; state that does (kv) and does not survive a call.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../helpers/cli.js";
import { SLUGIFY, toolWorkflow } from "./fixtures.js";

// Compiling a plugin runs asc once per tool: on a loaded machine that takes minutes, not a failure.
describe("plugins through the CLI", { timeout: 600_000 }, () => {
  const dir = writeFiles({
    "slugify.ts": SLUGIFY,
    "slug.yaml": toolWorkflow(
      "slugify",
      '{ text: "{{ inputs.text }}" }',
      '{ slug: "{{ call.slug }}", words: "{{ call.words }}" }',
    ),
    "count.yaml": toolWorkflow("counter", '{ name: "{{ inputs.text }}" }', '{ count: "{{ call.count }}" }'),
    "twice.yaml": `name: twice
input_schema: { text: string }
nodes:
  - { id: a, type: tool, tool_name: fresh, tool_args: {} }
  - { id: b, type: tool, tool_name: fresh, tool_args: {}, dependencies: [a] }
outputs: { a: "{{ a.calls }}", b: "{{ b.calls }}" }
`,
    "declared.yaml": toolWorkflow(
      "slugify",
      '{ text: "{{ inputs.text }}" }',
      '{ slug: "{{ call.slug }}" }',
      "tools:\n  slugify:\n    input_schema: { text: string }\n    output_schema: { slug: string, words: string }\n",
    ),
  });
  const plugin = join(dir, "slugify.ts");

  it("runs a plugin's default export as a tool named after the file", async () => {
    const result = await iceosc([
      "run",
      join(dir, "slug.yaml"),
      "--input",
      '{"text":"Hello  Big World"}',
      "--plugin",
      plugin,
    ]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ slug: "hello-big-world", words: 3 });
    expect(result.code).toBe(0);
  });

  it("keeps kv between calls only when granted, in memory or in --kv-dir", async () => {
    const denied = await iceosc(["run", join(dir, "count.yaml"), "--input", '{"text":"a"}', "--plugin", plugin]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain("ICE_CAPABILITY_DENIED");
    expect(denied.stderr).toContain("node 'call'");
    expect(denied.stderr).toContain("plugin 'slugify'");
    expect(denied.stderr).toContain("--grant slugify=kv");
    const kvDir = join(dir, "kv");
    const args = ["--input", '{"text":"a"}', "--plugin", plugin, "--grant", "slugify=kv", "--kv-dir", kvDir];
    const first = await iceosc(["run", join(dir, "count.yaml"), ...args]);
    const second = await iceosc(["run", join(dir, "count.yaml"), ...args]);
    expect([first.stderr, second.stderr]).toEqual(["", ""]);
    expect([JSON.parse(first.stdout), JSON.parse(second.stdout)]).toEqual([{ count: 1 }, { count: 2 }]);
    expect(JSON.parse(readFileSync(join(kvDir, "slugify.kv.json"), "utf8"))).toEqual({ a: "2" });
  });

  it("starts every call from the module's initial state", async () => {
    const result = await iceosc(["run", join(dir, "twice.yaml"), "--input", '{"text":""}', "--plugin", plugin]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ a: 1, b: 1 });
  });

  it("checks the workflow's tools: declaration against the plugin's signature", async () => {
    const result = await iceosc(["run", join(dir, "declared.yaml"), "--input", '{"text":"x"}', "--plugin", plugin]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/declared\.yaml:\d+:\d+ - error ICE3033/);
    expect(result.stderr).toContain("plugin 'slugify' returns");
  });

  it("types an undeclared plugin tool's arguments and result from its signature", async () => {
    const typed = writeFiles({
      "typo.yaml": toolWorkflow("slugify", '{ text: "{{ inputs.text }}" }', '{ slug: "{{ call.slugg }}" }'),
      "args.yaml": toolWorkflow("slugify", "{ text: 42 }", '{ slug: "{{ call.slug }}" }'),
    });
    const typo = await iceosc(["run", join(typed, "typo.yaml"), "--input", '{"text":"x"}', "--plugin", plugin]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("did you mean 'slug'");
    const args = await iceosc(["run", join(typed, "args.yaml"), "--input", '{"text":"x"}', "--plugin", plugin]);
    expect(args.code).toBe(1);
    expect(args.stderr).toContain("ICE2008");
  });

  it("takes destructured arguments and returns results that are not objects", async () => {
    const shapes = writeFiles({
      "shapes.ts": `interface Args {
  text: string;
  times?: number;
}

/** Repeats a text. */
export async function repeat({ text, times }: Args): Promise<string> {
  let out = "";
  for (let i = 0; i < (times ?? 2); i++) out += text;
  return out;
}

export function lengths({
  words,
}: {
  words: string[];
}): number[] {
  return words.map((w) => w.length);
}
`,
      "flow.yaml": `name: shapes
input_schema: { text: string }
nodes:
  - { id: rep, type: tool, tool_name: repeat, tool_args: { text: "{{ inputs.text }}", times: 3 } }
  - { id: len, type: tool, tool_name: lengths, tool_args: { words: ["a", "bcd", ""] } }
outputs: { repeated: "{{ rep }}", lengths: "{{ len }}" }
`,
      "reserved.ts": "export function abort(): { n: number } {\n  return { n: 1 };\n}\n",
    });
    const result = await iceosc([
      "run",
      join(shapes, "flow.yaml"),
      "--input",
      '{"text":"ab"}',
      "--plugin",
      join(shapes, "shapes.ts"),
    ]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ repeated: "ababab", lengths: [1, 3, 0] });
    const reserved = await iceosc(["run", join(shapes, "flow.yaml"), "--plugin", join(shapes, "reserved.ts")]);
    expect(reserved.code).toBe(1);
    expect(reserved.stderr).toMatch(/reserved\.ts:1:17 - error ICE3020/);
  });

  it("log, time and random work only when granted", async () => {
    const clock = writeFiles({
      "stamp.ts": `/** Logs and stamps. */
export function stamp(args: { text: string }): { at: number; dice: number } {
  console.log("stamping " + args.text);
  return { at: Date.now(), dice: Math.floor(Math.random() * 6) + 1 };
}
`,
      "flow.yaml": toolWorkflow(
        "stamp",
        '{ text: "{{ inputs.text }}" }',
        '{ at: "{{ call.at }}", dice: "{{ call.dice }}" }',
      ),
      "fetcher.ts":
        "export async function get(args: { url: string }): Promise<{ status: number }> {\n  const r = await fetch(args.url);\n  return { status: r.status };\n}\n",
    });
    const run = (...extra: string[]) =>
      iceosc([
        "run",
        join(clock, "flow.yaml"),
        "--input",
        '{"text":"t"}',
        "--plugin",
        join(clock, "stamp.ts"),
        ...extra,
      ]);
    const none = await run();
    expect(none.stderr).toContain("ICE_CAPABILITY_DENIED");
    expect(none.stderr).toContain("--grant stamp=log");
    const noTime = await run("--grant", "stamp=log");
    expect(noTime.stderr).toContain("--grant stamp=time");
    const all = await run("--grant", "stamp=log,time,random", "--seed", "7", "--trace");
    expect(all.code).toBe(0);
    expect(all.stdout + all.stderr).toContain("stamping t");
    const output = JSON.parse(all.stdout.slice(all.stdout.indexOf("{")));
    expect(output.dice).toBeGreaterThanOrEqual(1);
    expect(output.dice).toBeLessThanOrEqual(6);
    const fetcher = await iceosc(["run", join(clock, "flow.yaml"), "--plugin", join(clock, "fetcher.ts")]);
    expect(fetcher.code).toBe(1);
    expect(fetcher.stderr).toMatch(
      /fetcher\.ts:2:\d+ - error ICE3032: 'fetch' is not allowed in a plugin module; use `await http.get\(url\)`/,
    );
  });

  it("refuses malformed grants and grants for plugins not registered", async () => {
    const bad = await iceosc(["run", join(dir, "slug.yaml"), "--plugin", plugin, "--grant", "slugify=disk"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown plugin capability 'disk'");
    const host = await iceosc(["run", join(dir, "slug.yaml"), "--plugin", plugin, "--grant", "slugify=http"]);
    expect(host.code).toBe(2);
    expect(host.stderr).toContain("http:<host>");
    const other = await iceosc(["run", join(dir, "slug.yaml"), "--plugin", plugin, "--grant", "other=kv"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("no plugin is named 'other'");
  });

  it("builds a plugins folder next to the workflows and loads the built plugin", async () => {
    const out = join(dir, "gen");
    const built = await iceosc(["build", join(dir, "slug.yaml"), "--out-dir", out, "--plugins", dir]);
    expect(built.code).toBe(0);
    const manifest = join(out, "plugins", "slugify.plugin.json");
    expect(existsSync(manifest)).toBe(true);
    expect(existsSync(join(out, "plugins", "slugify.counter.wasm"))).toBe(true);
    const result = await iceosc(["run", join(dir, "slug.yaml"), "--input", '{"text":"A B"}', "--plugin", manifest]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ slug: "a-b", words: 2 });
  });

  it("reports a plugin that uses what plugins cannot, located in the plugin file", async () => {
    const bad = writeFiles({
      "bad.ts":
        'import { readFileSync } from "node:fs";\nexport async function x(): Promise<{ n: number }> { return { n: 1 }; }\n',
      "later.ts":
        'export async function later(args: { n: number }): Promise<{ n: number }> {\n  const p = kv.get("a");\n  return { n: args.n };\n}\n',
      "flow.yaml": toolWorkflow("x", "{}", '{ n: "{{ call.n }}" }'),
    });
    const imported = await iceosc(["run", join(bad, "flow.yaml"), "--plugin", join(bad, "bad.ts")]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/bad\.ts:1:1 - error ICE3032: an import is not allowed in a plugin module/);
    const unawaited = await iceosc(["run", join(bad, "flow.yaml"), "--plugin", join(bad, "later.ts")]);
    expect(unawaited.code).toBe(1);
    expect(unawaited.stderr).toMatch(/later\.ts:2:\d+ - error ICE3009: a promise that is not awaited/);
  });
});
