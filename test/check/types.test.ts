import { describe, expect, it } from "vitest";
import { typeOfReference } from "../../src/check/index.js";
import { formatType } from "../../runtime/schema.js";
import type { LoopNode } from "../../src/plan/index.js";
import { expectValid } from "./harness.js";

describe("typeOfReference", () => {
  const workflow = expectValid(`
    input_schema: { docs: [{ text: string, tags: "string[]?" }], n: int }
    tools:
      search: { output_schema: { hits: "string[]" } }
      other:
    nodes:
      - { id: t, type: tool, tool_name: search }
      - { id: u, type: tool, tool_name: other }
      - { id: m, type: llm, prompt: hi }
      - { id: a, type: agent, prompt: hi }
      - { id: c, type: condition, expression: "inputs.n > 2" }
      - { id: p, type: parallel, branches: [[{ id: p1, type: llm, prompt: x }], { id: p2, type: llm, prompt: y }] }
      - id: l
        type: loop
        items_source: "{{ inputs.docs }}"
        item_var: doc
        body:
          - id: k
            type: code
            inputs: { text: "{{ doc.text }}" }
            input_schema: { text: string }
            output_schema: { words: integer }
            code: "return { words: 1 };"
  `);
  const loop = workflow.nodes.find((n) => n.id === "l") as LoopNode;
  const type = (path: string, scope: readonly LoopNode[] = []): string => {
    const t = typeOfReference(workflow, path.split("."), scope);
    return t ? formatType(t) : "undefined";
  };
  it("types inputs, tools, llm, agent, condition, parallel and loop outputs", () => {
    expect(type("inputs.n")).toBe("integer");
    expect(type("inputs.docs")).toBe("({ text: string, tags?: string[] })[]");
    expect(type("t")).toBe("{ hits: string[] }");
    expect(type("u.whatever")).toBe("any");
    expect(type("m")).toBe("{ text: string }");
    expect(type("a.text")).toBe("string");
    expect(type("c.result")).toBe("boolean");
    expect(type("p")).toBe("{ branches: any[] }");
    expect(type("l")).toBe("{ results: ({ words: integer })[] }");
    expect(type("l.results.length")).toBe("integer");
  });
  it("types loop item variables from the items source", () => {
    expect(type("doc", [loop])).toBe("{ text: string, tags?: string[] }");
    expect(type("doc.tags.0", [loop])).toBe("string");
    expect(type("doc")).toBe("undefined");
    expect(type("inputs.nope")).toBe("undefined");
  });
});
