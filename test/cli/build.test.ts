/**
 * `iceosc build` and `iceosc check` end to end, and the generated modules' public contract
 * (README "Generated modules"): `run(input, options)`, typed by `W.d.ts`, errors from `iceosc/runtime`.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { codeWorkflow, iceosc, RUNTIME_URL, tempDir, writeFiles } from "../helpers/cli.js";

const EXAMPLES = ["word_stats", "document_stats", "sales_alert", "review_batch", "review_verdict"].map(
  (n) => `examples/${n}.yaml`,
);

type Module = { run: (input: unknown, options?: object) => Promise<unknown> };

describe("iceosc build", () => {
  let out: string;
  let cacheDir: string;

  beforeAll(async () => {
    out = tempDir();
    cacheDir = tempDir("iceosc-cache-");
    const result = await iceosc(["build", ...EXAMPLES, "--out-dir", out], { env: { ICEOSC_CACHE_DIR: cacheDir } });
    expect(result.stderr).toContain("built 5 workflows");
    expect(result.code).toBe(0);
  });

  it("writes W.js and W.d.ts per workflow, and a .wasm per sandboxed piece", async () => {
    const files = readdirSync(out);
    for (const name of ["word_stats", "document_stats", "sales_alert", "review_batch", "review_verdict"]) {
      expect(files).toContain(`${name}.js`);
      expect(files).toContain(`${name}.d.ts`);
    }
    expect(files).toContain("word_stats.stats.wasm");
    expect(files).toContain("sales_alert.over_budget.wasm");
    expect(files.filter((f) => f.endsWith(".wasm"))).toHaveLength(7);
  });

  it("types the module in W.d.ts", async () => {
    const dts = readFileSync(join(out, "word_stats.d.ts"), "utf8");
    expect(dts).toMatch(/export type Input = \{\s*text: string;?\s*\}/);
    expect(dts).toMatch(/export type Output = \{\s*"words": number;\s*"longest": number;?\s*\}/);
    expect(dts).toContain("export declare function run(input: Input, options?: RunOptions): Promise<Output>");
  });

  it("generates readable orchestration: awaits, branches, loops, Promise.all", async () => {
    const sales = readFileSync(join(out, "sales_alert.js"), "utf8");
    expect(sales).toContain('await rt.condition("over_budget"');
    expect(sales).toMatch(/over_budget\?\.result === true\s*\?\s*rt\.tool\("alert"/);
    const batch = readFileSync(join(out, "review_batch.js"), "utf8");
    expect(batch).toContain('rt.loop("per_review"');
    expect(batch).toContain('rt.parallel("analyze"');
    expect(batch).toContain('import { run as run_review_verdict } from "./review_verdict.js"');
  });

  it("produces modules an app can import and run with its own tools and events", async () => {
    const module = (await import(pathToFileURL(join(out, "sales_alert.js")).href)) as Module;
    const events: { type: string; nodeId: string }[] = [];
    const output = await module.run(
      { sheet: "ignored.csv", threshold: 100 },
      {
        tools: {
          read_csv: async () => ({
            rows: [
              { region: "x", amount: 60 },
              { region: "y", amount: 70 },
            ],
          }),
          send_alert: async () => ({ sent: true }),
          archive_report: async () => ({ archived: true }),
        },
        onEvent: (event: { type: string; nodeId: string }) => events.push(event),
      },
    );
    expect(output).toEqual({ total: 130, mean: 65, top_region: "y", alerted: true });
    expect(events.filter((e) => e.type === "node_completed").map((e) => e.nodeId)).toEqual([
      "sheet",
      "totals",
      "over_budget",
      "alert",
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: "node_skipped", nodeId: "archive" }));
  });

  it("throws runtime error classes with code and nodeId", async () => {
    const runtime = (await import(RUNTIME_URL)) as { IceError: new (...args: never[]) => Error };
    const module = (await import(pathToFileURL(join(out, "word_stats.js")).href)) as Module;
    const error = await module.run({ text: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(runtime.IceError);
    expect(error).toMatchObject({ code: "ICE_INPUT_INVALID" });
  });

  it("reuses cached WASM when nothing changed", async () => {
    const again = tempDir();
    const result = await iceosc(["build", ...EXAMPLES, "--out-dir", again], { env: { ICEOSC_CACHE_DIR: cacheDir } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("7 sandboxed pieces, 7 from cache");
  });
});

describe("iceosc check", () => {
  it("accepts the examples", async () => {
    const result = await iceosc(["check", ...EXAMPLES]);
    expect(result.code).toBe(0);
  });

  it("exits 1 with file:line:col diagnostics for a broken workflow", async () => {
    const dir = writeFiles({
      "broken.yaml": `name: broken
input_schema: { text: string }
nodes:
  - id: first
    type: tool
    tool_name: fetch
    tool_args: { q: "{{ inputs.text }}" }
  - id: first
    type: tool
    tool_name: fetch
    tool_args: { q: "{{ frist.body }}" }
outputs: { body: "{{ first.body }}" }
`,
    });
    const result = await iceosc(["check", join(dir, "broken.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml:8:9 - error ICE2001: duplicate node id 'first'/);
    expect(result.stderr).toMatch(/broken\.yaml:11:\d+ - error ICE2002: .*'frist'.*did you mean 'first'/);
  });

  it("reports a dependency cycle", async () => {
    const dir = writeFiles({
      "cycle.yaml": `name: cycle
nodes:
  - id: a
    type: tool
    tool_name: t
    tool_args: { x: "{{ b.x }}" }
  - id: b
    type: tool
    tool_name: t
    dependencies: [a]
outputs: {}
`,
    });
    const result = await iceosc(["check", join(dir, "cycle.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE2005");
  });

  it("points compile errors in code at the line in the workflow file", async () => {
    const dir = writeFiles({
      "typo.yaml": codeWorkflow("let total = 0;\ntotal = total + undefinedThing;\nreturn { value: total };"),
    });
    const result = await iceosc(["check", join(dir, "typo.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/typo\.yaml:13:\d+ - error ICE3001/);
    expect(result.stderr).toContain("undefinedThing");
  });

  it("points a returned value of the wrong type at its line", async () => {
    const dir = writeFiles({ "wrong.yaml": codeWorkflow('const label = "many";\nreturn { value: label };') });
    const result = await iceosc(["check", join(dir, "wrong.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /wrong\.yaml:13:\d+ - error ICE3001: Type 'string' is not assignable to type 'number'/,
    );
  });

  it("prints diagnostics as JSON with --format json", async () => {
    const dir = writeFiles({ "bad.yaml": "name: bad\nnodes:\n  - id: x\n    type: teleport\n" });
    const result = await iceosc(["check", join(dir, "bad.yaml"), "--format", "json"]);
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stderr) as { code: string; line: number; column: number }[];
    expect(diagnostics[0]).toMatchObject({ code: "ICE1007", line: 4, column: 11 });
  });

  it("makes undeclared tools errors with --strict, and knows the built-in tools", async () => {
    const dir = writeFiles({
      "tools.yaml": `name: tools
nodes:
  - { id: f, type: tool, tool_name: read_file, tool_args: { path: notes.txt } }
  - { id: g, type: tool, tool_name: fetch_page, tool_args: { url: "{{ f.text }}" } }
outputs: { bytes: "{{ f.bytes }}" }
`,
    });
    expect((await iceosc(["check", join(dir, "tools.yaml")])).code).toBe(0);
    const strict = await iceosc(["check", "--strict", join(dir, "tools.yaml")]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/tools\.yaml:4:37 - error ICE2011: tool 'fetch_page'/);
    expect(strict.stderr).not.toContain("read_file");
  });

  it("reports capabilities code uses without a grant, at the line, in both forms", async () => {
    const dir = writeFiles({
      "dice.yaml": codeWorkflow("const roll = Math.random();\nreturn { value: roll };", {
        output: "{ value: number }",
        imports: "[math]",
      }),
      "dice.ice":
        "workflow dice {\n  code roll(): { value: number }\n    imports [math]\n  {\n    return { value: Math.random() };\n  }\n}\n",
    });
    const yaml = await iceosc(["check", join(dir, "dice.yaml")]);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(
      /dice\.yaml:12:\d+ - error ICE3002: code uses 'Math\.random', which needs capability 'random'/,
    );
    const ice = await iceosc(["check", join(dir, "dice.ice")]);
    expect(ice.code).toBe(1);
    expect(ice.stderr).toMatch(/dice\.ice:5:26 - error ICE3002/);
  });

  it("reports a missing file without a stack trace", async () => {
    const result = await iceosc(["check", "no/such/file.yaml"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE4001");
    expect(result.stderr).not.toContain("    at ");
    expect(existsSync("no")).toBe(false);
  });
});

describe("iceosc graph", () => {
  it("draws branches and loops in Mermaid and DOT", async () => {
    const mermaid = await iceosc(["graph", "examples/sales_alert.yaml"]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toContain("flowchart TD");
    expect(mermaid.stdout).toContain("n_over_budget -->|true| n_alert");
    const dot = await iceosc(["graph", "examples/review_batch.yaml", "--format", "dot"]);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain('subgraph "cluster_per_review"');
  });
});
