/**
 * @fileoverview Red team 7 (held, regression): node ids, input fields, tool argument keys and
 * output names that are members of `Object.prototype` or protocol hooks: `then` (an output named
 * `then` would make the run's result thenable if it could ever be a function: `await run()` must
 * not call anything a workflow chose), `toJSON` (JSON.stringify of the result or of a node's
 * output in a template), `valueOf` and `toString` (string rendering of a node in a template),
 * `hasOwnProperty` (a code node). prototype.test.ts covers `__proto__`/`constructor`/`prototype`
 * and a tool named `toString`; these names are allowed, and each is only data: every value below
 * is what the workflow says, and the result is a plain, non-thenable record.
 */
import { describe, expect, it } from "vitest";
import { compileAndImport } from "../helpers/compile.js";

describe("ids, fields and outputs named after Object.prototype members and protocol hooks", () => {
  it("are plain data in the run, in templates and in the result", async () => {
    const module = await compileAndImport(
      {
        "b.yaml": `name: builtins
input_schema: { then: string, toJSON: string, valueOf: string }
nodes:
  - id: then
    type: tool
    tool_name: echo
    tool_args: { then: "{{ inputs.then }}", toJSON: "{{ inputs.toJSON }}" }
  - id: toJSON
    type: tool
    tool_name: echo
    tool_args: { v: "x{{ then.then }}y{{ inputs.valueOf }}" }
  - id: valueOf
    type: tool
    tool_name: echo
    tool_args: { v: "{{ toJSON }}" }
  - id: toString
    type: tool
    tool_name: echo
    tool_args: { v: "{{ valueOf }} and {{ then }}" }
  - id: hasOwnProperty
    type: code
    inputs: { t: "{{ inputs.valueOf }}" }
    output_schema: { then: string, toJSON: string }
    code: "return { then: inputs.t, toJSON: inputs.t };"
outputs: { then: "{{ hasOwnProperty.then }}", toJSON: "{{ hasOwnProperty }}", valueOf: "{{ toString }}", toString: "{{ then }}" }
`,
      },
      "b.yaml",
    );
    const echo = async (args: Record<string, unknown>) => args;
    const input: unknown = JSON.parse('{"then":"T","toJSON":"J","valueOf":"V"}');
    const out = await module.run(input, { tools: { echo } });
    // Run as a promise's result: `await` looked at `then` and found data, not a function.
    expect(typeof out.then).toBe("string");
    expect(await Promise.resolve(out)).toBe(out);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe(
      '{"then":"V","toJSON":{"then":"V","toJSON":"V"},' +
        '"valueOf":{"v":"{\\"v\\":{\\"v\\":\\"xTyV\\"}} and {\\"then\\":\\"T\\",\\"toJSON\\":\\"J\\"}"},' +
        '"toString":{"then":"T","toJSON":"J"}}',
    );
  }, 120_000);
});
