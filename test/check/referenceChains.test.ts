/**
 * References with defaults that are references (`{{ approve.text or reject.text }}`): the template
 * syntax, the checker's proof that one link of the chain ran on every path (ICE2003), the chain's
 * type, and the dependencies it adds. Runs of such workflows: test/cli/joinBranches.test.ts.
 */
import { describe, expect, it } from "vitest";
import { typeOfValue } from "../../src/check/index.js";
import { dependenciesOf, type RefValue, type ToolNode } from "../../src/plan/index.js";
import { expectErrors, expectValid, spanText } from "./harness.js";

const gate = `
  input_schema: { score: number }
  nodes:
    - { id: gate, type: condition, expression: "inputs.score > 5", true_path: [approve], false_path: [reject] }
    - id: approve
      type: code
      code: "return { text: 'yes', n: 1 };"
      output_schema: { text: string, n: integer }
    - id: reject
      type: code
      code: "return { text: 'no', n: 0 };"
      output_schema: { text: string, n: integer }
`;

describe("a chain of references joins the branches of a condition", () => {
  it("accepts the two branches of one condition, in a node and in outputs", () => {
    const workflow = expectValid(`${gate}
    - { id: report, type: tool, tool_name: echo, tool_args: { text: "{{ approve.text or reject.text }}" } }
  outputs:
    verdict: "{{ reject.text ?? approve.text }}"
    n: "{{ approve.n | default(reject.n) }}"
    `);
    const report = workflow.nodes.find((n) => n.id === "report") as ToolNode;
    const edges = dependenciesOf(report, new Set(["inputs"]), new Map());
    expect(edges.map((e) => e.target).sort()).toEqual(["approve", "reject"]);
    const n = workflow.outputs.find((o) => o.key === "n")!.value as RefValue;
    expect(typeOfValue(workflow, n, [])).toEqual({ kind: "integer" });
  });

  it("accepts a branch-only node read with a constant default", () => {
    expectValid(`${gate}
  outputs: { maybe: "{{ approve.text | default('none') }}", also: "{{ approve.text or reject.text or 'x' }}" }
    `);
  });

  it("refuses a chain whose nodes may all have been skipped, with a note per link", () => {
    const [d] = expectErrors(
      `${gate}
    - { id: other, type: condition, expression: "inputs.score > 9", true_path: [extra] }
    - { id: extra, type: tool, tool_name: echo }
  outputs: { v: "{{ approve.text or extra.text }}" }
      `,
      ["ICE2003"],
    );
    expect(spanText(d!)).toBe("approve.text");
    expect(d!.notes.map((n) => n.message)).toEqual([
      "'approve' runs only when 'gate' is true",
      "'extra' runs only when 'other' is true",
    ]);
  });

  it("decides nested conditions exactly", () => {
    const nested = `
  input_schema: { a: boolean, b: boolean }
  nodes:
    - { id: c1, type: condition, expression: "inputs.a", true_path: [c2], false_path: [z] }
    - { id: c2, type: condition, expression: "inputs.b", true_path: [x], false_path: [y] }
    - { id: x, type: tool, tool_name: echo }
    - { id: y, type: tool, tool_name: echo }
    - { id: z, type: tool, tool_name: echo }
    `;
    expectValid(`${nested}
  outputs: { v: "{{ x.text or y.text or z.text }}" }`);
    expectValid(`${nested}
  outputs: { v: "{{ z.text or y.text or x.text }}" }`);
    expectErrors(`${nested.trimEnd()}\n  outputs: { v: "{{ x.text or y.text }}" }`, ["ICE2003"]);
    expectErrors(`${nested.trimEnd()}\n  outputs: { v: "{{ x.text or z.text }}" }`, ["ICE2003"]);
  });

  it("counts the owner's own branches: under c1's true branch, c2's two branches cover it", () => {
    const owned = `
  input_schema: { a: boolean, b: boolean }
  nodes:
    - { id: c1, type: condition, expression: "inputs.a", true_path: [c2, inside] }
    - { id: c2, type: condition, expression: "inputs.b", true_path: [x], false_path: [y] }
    - { id: x, type: tool, tool_name: echo }
    - { id: y, type: tool, tool_name: echo }
    - { id: inside, type: tool, tool_name: echo, tool_args: { t: "{{ x.text or y.text }}" } }
    `;
    expectValid(owned);
    expectErrors(`${owned.trimEnd()}\n  outputs: { v: "{{ x.text or y.text }}" }`, ["ICE2003"]);
  });

  it("reports an unknown node among the defaults where it is written", () => {
    const [d] = expectErrors(`${gate}  outputs: { v: "{{ approve.text or rejct.text }}" }`, ["ICE2002"]);
    expect(spanText(d!)).toBe("rejct");
  });

  it("says what is wrong with a default that cannot be read", () => {
    const [after, junk] = expectErrors(
      `${gate}  outputs: { a: "{{ approve.text or 'x' or reject.text }}", b: "{{ approve.text or re-ject }}" }`,
      ["ICE1009", "ICE1009"],
    );
    expect(after!.message).toContain("the default ''x'' is a constant, so the default after it is never used");
    expect(junk!.message).toContain("the default 're-ject' must be a constant");
  });
});
