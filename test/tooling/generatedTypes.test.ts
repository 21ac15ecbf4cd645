/**
 * Generated `W.d.ts` files checked the way an app checks them (README "Command line"): TypeScript
 * compiles a small app against them. `Tools` is typed from the `tools:` declarations, so a wrong
 * tool implementation is a compile error; outputs that may be null (a node failing with
 * `on_failure: continue`) are typed `| null`; the runtime import resolves both
 * through an installed `iceosc` and, without one, through the relative path the build chose.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { iceosc, ROOT, spawnIceosc, tempDir, writeFiles } from "../helpers/cli.js";

const FLOW = `name: flow
input_schema: { q: string }
tools:
  lookup:
    description: Scores a query
    input_schema: { q: string }
    output_schema: { score: number }
nodes:
  - id: find
    type: tool
    tool_name: lookup
    tool_args: { q: "{{ inputs.q }}" }
  - id: risky
    type: tool
    tool_name: lookup
    on_failure: continue
    tool_args: { q: "x" }
  - id: then
    type: tool
    tool_name: lookup
    dependencies: [risky]
    tool_args: { q: "{{ inputs.q }}" }
outputs: { score: "{{ find.score }}", maybe: "{{ risky.score }}", after: "{{ then.score }}" }
`;

const GOOD = `import { run } from "./gen/flow.js";
const out = await run({ q: "a" }, { tools: { lookup: async (args) => ({ score: args.q.length }) } });
const score: number = out.score;
const maybe: number | null = out.maybe;
const after: number = out.after;
export { score, maybe, after };
`;

/** TypeScript's errors for `app.ts` in `dir` (strict, NodeNext, as an ESM app would compile). */
function typecheck(dir: string, app: string): string[] {
  writeFileSync(join(dir, "app.ts"), app);
  const program = ts.createProgram([join(dir, "app.ts")], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules", "@types")],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.endsWith("app.ts") ?? true)
    .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("generated .d.ts in an app", () => {
  let app: string;
  beforeAll(async () => {
    app = writeFiles({ "flow.yaml": FLOW, "package.json": '{ "type": "module" }' });
    mkdirSync(join(app, "node_modules"));
    symlinkSync(ROOT, join(app, "node_modules", "iceosc"), "dir");
    const built = await iceosc(["build", "flow.yaml", "--out-dir", "gen"], { cwd: app });
    expect(built.stderr).toContain("built 1 workflow");
    expect(built.code).toBe(0);
  }, 180_000);

  it("imports the runtime by package name when the app has iceosc installed", () => {
    const dts = readFileSync(join(app, "gen", "flow.d.ts"), "utf8");
    expect(dts).toContain('from "iceosc/runtime"');
    expect(dts).toMatch(
      /export type Tools = \{\s*lookup: \(args: \{\s*q: string;?\s*\}, context: ToolContext\) => ToolResult<\{\s*score: number;?\s*\}>;?\s*\}/,
    );
    expect(dts).toContain("export declare function run(input: Input, options?: Options): Promise<Output>");
  });

  it("accepts a correct app", () => {
    expect(typecheck(app, GOOD)).toEqual([]);
  });

  it("rejects a tool implementation with the wrong argument or result type", () => {
    const wrongArgs = typecheck(
      app,
      GOOD.replace("async (args) => ({ score: args.q.length })", "async (args: { q: number }) => ({ score: args.q })"),
    );
    expect(wrongArgs.join("\n")).toMatch(/TS2322.*lookup|Types of property 'lookup' are incompatible|not assignable/s);
    const wrongResult = typecheck(app, GOOD.replace("({ score: args.q.length })", '({ score: "high" })'));
    expect(wrongResult.length).toBeGreaterThan(0);
    expect(wrongResult.join("\n")).toContain("string' is not assignable to type 'number'");
    const missingArg = typecheck(app, GOOD.replace("args.q.length", "args.query.length"));
    expect(missingArg.join("\n")).toContain("Property 'query' does not exist");
  });

  it("types outputs of nodes failing with on_failure: continue as nullable, and the others not", () => {
    const continued = typecheck(app, GOOD.replace("const maybe: number | null", "const maybe: number"));
    expect(continued.join("\n")).toContain("Type 'number | null' is not assignable to type 'number'");
  });

  it("without iceosc installed, imports the runtime by a path TypeScript resolves, and says how to fix it", async () => {
    const bare = writeFiles({ "flow.yaml": FLOW, "package.json": '{ "type": "module" }' });
    const built = await spawnIceosc(["build", "flow.yaml", "--out-dir", "gen"], {
      cwd: bare,
      env: { ICEOSC_CACHE_DIR: process.env.ICEOSC_CACHE_DIR ?? tempDir() },
    });
    expect(built.code).toBe(0);
    expect(built.stderr).toContain("install the runtime in the app (npm install @iceosc/runtime, or iceosc)");
    const dts = readFileSync(join(bare, "gen", "flow.d.ts"), "utf8");
    expect(dts).not.toContain("file://");
    expect(typecheck(bare, GOOD)).toEqual([]);
  }, 180_000);
});
