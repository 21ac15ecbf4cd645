/**
 * `__proto__`, `constructor` and `prototype` as keys of workflow data (issue 9, item 9): values
 * the runtime builds or looks up from workflow data never set or read a prototype. Through a
 * generated module's `run()`: tool arguments keep such keys as own properties and reach the tool
 * and the output intact; a tool or field named after an `Object.prototype` member finds nothing.
 */
import { describe, expect, it } from "vitest";
import { RUNTIME_URL } from "../helpers/cli.js";
import { compileAndImport } from "../helpers/compile.js";

const runtime = (await import(RUNTIME_URL)) as typeof import("../../runtime/index.js");

describe("prototype keys in workflow data", () => {
  it("passes __proto__, constructor and prototype in tool_args as own keys, to the tool and the output", async () => {
    const module = await compileAndImport(
      {
        "p.yaml": `name: proto
input_schema: { n: integer }
nodes:
  - id: t
    type: tool
    tool_name: echo
    tool_args: { "__proto__": { polluted: true }, constructor: 2, prototype: 3, n: "{{ inputs.n }}" }
outputs: { args: "{{ t.args }}" }
`,
      },
      "p.yaml",
    );
    let seen: Record<string, unknown> | undefined;
    const echo = async (args: Record<string, unknown>) => {
      seen = args;
      return { args };
    };
    const out = (await module.run({ n: 1 }, { tools: { echo } })) as { args: Record<string, unknown> };
    expect(Object.getPrototypeOf(seen)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(seen).sort()).toEqual(["__proto__", "constructor", "n", "prototype"]);
    expect(Object.getOwnPropertyDescriptor(seen, "__proto__")?.value).toEqual({ polluted: true });
    expect((seen as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.hasOwn(out.args, "__proto__")).toBe(true);
    expect(JSON.stringify(out)).toBe('{"args":{"__proto__":{"polluted":true},"constructor":2,"prototype":3,"n":1}}');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("finds no tool named after an Object.prototype member unless one is supplied", async () => {
    const module = await compileAndImport(
      {
        "q.yaml": `name: members
nodes:
  - id: t
    type: tool
    tool_name: toString
    tool_args: {}
outputs: { r: "{{ t }}" }
`,
      },
      "q.yaml",
    );
    await expect(module.run({}, { tools: {}, builtins: false })).rejects.toMatchObject({
      code: "ICE_TOOL_MISSING",
      nodeId: "t",
    });
    expect(await module.run({}, { tools: { toString: async () => ({ ok: 1 }) } })).toEqual({ r: { ok: 1 } });
  });

  it("validates fields named after Object.prototype members by own properties only", () => {
    const type = {
      kind: "object" as const,
      fields: [
        { name: "constructor", type: { kind: "number" as const }, optional: false },
        { name: "__proto__", type: { kind: "number" as const }, optional: false },
      ],
    };
    expect(runtime.validateValue({}, type, "x")).toContain("x.constructor: missing");
    const value = JSON.parse('{"constructor": 1, "__proto__": 2}') as unknown;
    expect(runtime.validateValue(value, type, "x")).toBeUndefined();
  });
});
