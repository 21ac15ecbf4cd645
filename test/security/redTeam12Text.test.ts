/**
 * @fileoverview Red team 12: texts a run builds from one large value. A string template may splice
 * a node's output any number of times, and the workflow's outputs may name it any number of times:
 * a code node's 15 M-character string (30 MB of its 64 MiB) spliced 40 times asked V8 for a
 * 600 M-character string, past the longest it allows. The generated `run` threw a RangeError (not
 * an error of iceosc/runtime: no code, no node) and `iceosc run` ended with "internal error"
 * (exit 3); the same value named by 40 outputs did the same when the CLI printed the output. Now a
 * template is built by the runtime (`rt.template`), at most 128 Mi characters, and past that the
 * run fails with ICE_MEMORY_LIMIT; an output too large to print as JSON is ICE_MEMORY_LIMIT too.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { IceError } from "../../runtime/index.js";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

/**
 * A code node returning `inputs.n` x's, then `place` using it 40 times. Its timeout is the
 * default policy's ceiling: building and decoding 15 M characters on a loaded machine must not
 * end the run with ICE_TIMEOUT before the text it tests is built.
 */
function workflow(place: (uses: string) => string, template: boolean): string {
  const uses = Array.from({ length: 40 }, (_, i) => (template ? "{{ a.s }}" : `o${i}: "{{ a.s }}"`));
  return `name: big
input_schema: { n: number }
nodes:
  - id: a
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: number }
    output_schema: { s: string }
    limits: { fuel: 1000000000, memory_mb: 64, timeout_ms: 10000 }
    code: "return { s: 'x'.repeat(inputs.n) };"
${place(template ? uses.join("-") : uses.join(", "))}`;
}

const IN_OUTPUT = workflow((uses) => `outputs: { o: "${uses}" }\n`, true);
const IN_OUTPUTS = workflow((uses) => `outputs: { ${uses} }\n`, false);
const IN_TOOL_ARGS = workflow(
  (uses) => `  - id: t
    type: tool
    tool_name: echo
    tool_args: { text: "${uses}" }
outputs: { length: "{{ t.length }}" }
`,
  true,
);

const TOOLS = `let calls = 0;
export default { echo: async ({ text }) => { calls++; return { length: text.length }; } };
export function callCount() { return calls; }
`;

describe("a text built from one large value many times", () => {
  it("iceosc run: a template in the outputs fails with ICE_MEMORY_LIMIT, not an internal error", async () => {
    const dir = writeFiles({ "big.yaml": IN_OUTPUT });
    const big = await iceosc(["run", join(dir, "big.yaml"), "--input", '{"n":15000000}']);
    expect(big.stderr).not.toContain("internal error");
    expect(big.code, big.stderr).toBe(1);
    expect(big.stderr).toContain("error ICE_MEMORY_LIMIT: a string template's text would be longer than");
    const small = await iceosc(["run", join(dir, "big.yaml"), "--input", '{"n":2}']);
    expect(small.code, small.stderr).toBe(0);
    expect(JSON.parse(small.stdout)).toEqual({ o: Array.from({ length: 40 }, () => "xx").join("-") });
  }, 180_000);

  it("iceosc run: one value named by 40 outputs is too large to print: ICE_MEMORY_LIMIT", async () => {
    const dir = writeFiles({ "big.yaml": IN_OUTPUTS });
    const big = await iceosc(["run", join(dir, "big.yaml"), "--input", '{"n":15000000}']);
    expect(big.stderr).not.toContain("internal error");
    expect(big.code, big.stderr).toBe(1);
    expect(big.stderr).toContain("error ICE_MEMORY_LIMIT: the workflow's output is too large to print as JSON");
  }, 180_000);

  it("a generated module: a template in tool_args rejects with an IceError before the tool runs", async () => {
    const dir = writeFiles({ "big.yaml": IN_TOOL_ARGS });
    writeFileSync(join(dir, "tools.mjs"), TOOLS);
    const out = tempDir();
    const built = await iceosc(["build", join(dir, "big.yaml"), "--out-dir", out]);
    expect(built.code, built.stderr).toBe(0);
    const module = (await import(pathToFileURL(join(out, "big.js")).href)) as {
      run(input: unknown, options: unknown): Promise<unknown>;
    };
    const tools = (await import(pathToFileURL(join(dir, "tools.mjs")).href)) as {
      default: unknown;
      callCount(): number;
    };
    // 40 x 4 M characters: over 128 Mi, under V8's own limit (the bound is the runtime's).
    const error = await module.run({ n: 4_000_000 }, { tools: tools.default }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IceError);
    expect(error).toMatchObject({ code: "ICE_MEMORY_LIMIT" });
    expect(tools.callCount()).toBe(0);
    expect(await module.run({ n: 1_000 }, { tools: tools.default })).toEqual({ length: 40 * 1_000 + 39 });
  }, 180_000);
});
