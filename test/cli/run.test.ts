/**
 * `iceosc run` end to end: workflows in, JSON or error codes out, as README "Command line" says.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeWorkflow, iceosc, writeFiles } from "../helpers/cli.js";

describe("iceosc run", () => {
  it("runs the word_stats example", async () => {
    const result = await iceosc([
      "run",
      "examples/word_stats.yaml",
      "--input",
      '{"text":"the quick brown fox jumps over the lazy dog"}',
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ words: 9, longest: 5 });
  });

  it("reads --input from a file with @", async () => {
    const result = await iceosc(["run", "examples/word_stats.yaml", "--input", "@examples/inputs/word_stats.json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).words).toBe(9);
  });

  it("stops a code node that loops forever with ICE_FUEL_EXHAUSTED", async () => {
    const dir = writeFiles({ "spin.yaml": codeWorkflow("let x = 0;\nwhile (true) { x++; }\nreturn { value: x };") });
    const result = await iceosc(["run", join(dir, "spin.yaml"), "--input", '{"n":1}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_FUEL_EXHAUSTED");
    expect(result.stderr).toContain("probe");
    expect(result.stdout).toBe("");
  });

  it("stops a code node that allocates without bound with ICE_MEMORY_LIMIT", async () => {
    const body =
      'const chunks: string[] = [];\nlet s = "xxxxxxxxxxxxxxxx";\nwhile (true) { s = s + s; chunks.push(s); }\nreturn { value: chunks.length };';
    const dir = writeFiles({ "bomb.yaml": codeWorkflow(body, { limits: "{ fuel: 1000000000, memory_mb: 2 }" }) });
    const result = await iceosc(["run", join(dir, "bomb.yaml"), "--input", '{"n":1}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_MEMORY_LIMIT");
    expect(result.stderr).toContain("probe");
  });

  it("rejects an @external import before running", async () => {
    const body =
      '@external("env", "eval") declare function hostEval(code: string): void;\nhostEval("process.exit(3)");\nreturn { value: 1 };';
    const dir = writeFiles({ "escape.yaml": codeWorkflow(body) });
    const result = await iceosc(["run", join(dir, "escape.yaml"), "--input", '{"n":1}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/escape\.yaml:\d+:\d+ - error ICE\d{4}/);
    expect(result.stdout).toBe("");
  });

  it("reports a trap in user code as ICE_SANDBOX_TRAP", async () => {
    const dir = writeFiles({
      "trap.yaml": codeWorkflow('if (inputs.n > 0) throw new Error("boom");\nreturn { value: 1 };'),
    });
    const result = await iceosc(["run", join(dir, "trap.yaml"), "--input", '{"n":1}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_SANDBOX_TRAP");
  });

  it("runs recursive helper functions and stops unbounded recursion with ICE_SANDBOX_TRAP", async () => {
    const helpers =
      "function fib(k: number): number { return k < 2 ? k : fib(k - 1) + fib(k - 2); }\nfunction isEven(k: number): boolean { return k == 0 ? true : isOdd(k - 1); }\nfunction isOdd(k: number): boolean { return k == 0 ? false : isEven(k - 1); }";
    const dir = writeFiles({
      "fib.yaml": codeWorkflow(`${helpers}\nconst x = fib(inputs.n);\nreturn { value: isEven(x) ? x : x + 1000 };`),
      "deep.yaml": codeWorkflow(
        "function down(k: number): number { return down(k + 1) + 1; }\nreturn { value: down(inputs.n) };",
      ),
    });
    const fib = await iceosc(["run", join(dir, "fib.yaml"), "--input", '{"n":20}']);
    expect(fib.stderr).toBe("");
    expect(JSON.parse(fib.stdout)).toEqual({ value: 7765 });
    const deep = await iceosc(["run", join(dir, "deep.yaml"), "--input", '{"n":1}']);
    expect(deep.code).toBe(1);
    expect(deep.stderr).toContain("ICE_SANDBOX_TRAP");
    expect(deep.stderr).toContain("stack overflow");
  });

  it("rejects input that does not match input_schema with ICE_INPUT_INVALID", async () => {
    const result = await iceosc(["run", "examples/word_stats.yaml", "--input", '{"text": 42}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_INPUT_INVALID");
    expect(result.stderr).toContain("input.text");
  });

  it("names the missing tool with ICE_TOOL_MISSING", async () => {
    const dir = writeFiles({
      "weather.yaml":
        'name: weather\nnodes:\n  - id: forecast\n    type: tool\n    tool_name: fetch_weather\n    tool_args: { city: "Oslo" }\noutputs: { sky: "{{ forecast.sky }}" }\n',
    });
    const result = await iceosc(["run", join(dir, "weather.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error ICE_TOOL_MISSING: node 'forecast': tool 'fetch_weather' was not supplied");
  });

  it("takes the branch a sandboxed condition chooses", async () => {
    const high = await iceosc([
      "run",
      "examples/sales_alert.yaml",
      "--input",
      '{"sheet":"data/sales.csv","threshold":5000}',
      "--tools",
      "examples/tools.js",
      "--trace",
    ]);
    expect(high.code).toBe(0);
    expect(JSON.parse(high.stdout)).toEqual({ total: 5081.5, mean: 1270.375, top_region: "east", alerted: true });
    expect(high.stderr).toMatch(/skipped\s+archive/);
    const low = await iceosc([
      "run",
      "examples/sales_alert.yaml",
      "--input",
      '{"sheet":"data/sales.csv","threshold":10000}',
      "--tools",
      "examples/tools.js",
      "--trace",
    ]);
    expect(low.code).toBe(0);
    expect(JSON.parse(low.stdout).alerted).toBe(false);
    expect(low.stderr).toMatch(/skipped\s+alert/);
  });

  it("runs a loop with a parallel block and a sub-workflow", async () => {
    const result = await iceosc([
      "run",
      "examples/review_batch.yaml",
      "--input",
      "@examples/inputs/review_batch.json",
      "--tools",
      "examples/tools.js",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.verdicts.map((v: { label: string }) => v.label)).toEqual(["positive", "negative", "neutral"]);
    expect(output.counts).toEqual({ positive: 1, negative: 1, neutral: 1 });
    expect(output.verdicts[0].summary).toContain("battery");
  });

  it("exits 2 with usage help on a bad command line", async () => {
    const result = await iceosc(["run"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("iceosc --help");
  });
});

describe("iceosc run, trusted code", () => {
  const trusted = (body: string) => `name: trusted_demo
input_schema: { words: "string[]" }
nodes:
  - id: longest
    type: code
    trust: trusted
    inputs: { words: "{{ inputs.words }}" }
    input_schema: { words: "string[]" }
    output_schema: { longest: string, total: integer }
    code: |
      ${body}
outputs: { longest: "{{ longest.longest }}", total: "{{ longest.total }}" }
`;

  it("runs a code node marked trusted directly, with JavaScript semantics, when the operator allows it", async () => {
    const dir = writeFiles({
      "t.yaml": trusted(
        'const sorted = [...inputs.words].sort((a, b) => b.length - a.length);\n      return { longest: sorted[0] ?? "", total: inputs.words.length };',
      ),
    });
    const result = await iceosc([
      "run",
      join(dir, "t.yaml"),
      "--allow-trusted",
      "--input",
      '{"words":["a","abc","ab"]}',
    ]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ longest: "abc", total: 3 });
  });

  it("gives a trusted body an optional field sent as null as absent, as the sandbox does", async () => {
    const both = (trust: string) => `name: absent_${trust}
input_schema: { row: { name: string, note: "string?", tags: [{ k: string, v: "integer?" }] } }
nodes:
  - id: show
    type: code
    trust: ${trust}
    inputs: { row: "{{ inputs.row }}" }
    input_schema: { row: { name: string, note: "string?", tags: [{ k: string, v: "integer?" }] } }
    output_schema: { text: string }
    code: |
      const r = inputs.row;
      return { text: [String(r.note), r.note === undefined, r.tags.map((t) => String(t.v)).join()].join("|") };
outputs: { text: "{{ show.text }}" }
`;
    const dir = writeFiles({ "trusted.yaml": both("trusted"), "sandboxed.yaml": both("untrusted") });
    const input = '{"row":{"name":"a","note":null,"tags":[{"k":"x","v":null},{"k":"y","v":2}]}}';
    const results = [];
    for (const name of ["trusted", "sandboxed"]) {
      const result = await iceosc(["run", join(dir, `${name}.yaml`), "--allow-trusted", "--input", input]);
      expect(result.stderr).toBe("");
      results.push(JSON.parse(result.stdout));
    }
    expect(results[0]).toEqual({ text: "undefined|true|undefined,2" });
    expect(results[1]).toEqual(results[0]);
  });

  it("still validates a trusted node's output against its schema", async () => {
    const dir = writeFiles({ "t.yaml": trusted("return { longest: 42, total: 1 } as any;") });
    const result = await iceosc(["run", join(dir, "t.yaml"), "--allow-trusted", "--input", '{"words":[]}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_OUTPUT_INVALID");
    expect(result.stderr).toContain("output.longest");
  });
});
