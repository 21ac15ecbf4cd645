import { describe, expect, it } from "vitest";
import { expectErrors, expectValid, spanText } from "./harness.js";

describe("knownReferences (ICE2002, ICE2006, ICE2007)", () => {
  it("reports unknown nodes with a suggestion, pointing inside the string", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: classify, type: llm, prompt: hi }
        - { id: b, type: llm, prompt: "Label: {{ clasify.text }}" }
      `,
      ["ICE2002"],
    );
    expect(d!.message).toBe("reference to unknown node 'clasify'; did you mean 'classify'?");
    expect(spanText(d!)).toBe("clasify");
  });
  it("reports unknown workflow inputs", () => {
    const [d] = expectErrors(
      `
      input_schema: { text: string }
      nodes:
        - { id: b, type: llm, prompt: "{{ inputs.txt }}" }
      `,
      ["ICE2006"],
    );
    expect(d!.message).toBe("workflow has no input 'txt'; did you mean 'text'?");
    expect(spanText(d!)).toBe("txt");
  });
  it("reports unknown output fields of typed nodes", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: s, type: llm, prompt: hi }
        - id: c
          type: code
          code: "return { n: 1 };"
          output_schema: { n: integer }
        - { id: b, type: llm, prompt: "{{ s.txt }} {{ c.m }}" }
      `,
      ["ICE2007", "ICE2007"],
    );
    expect(d!.message).toBe("'s' has no output field 'txt'; did you mean 'text'?");
  });
  it("reads nested fields and list elements", () => {
    expectErrors(
      `
      input_schema: { doc: { title: string, tags: "string[]" } }
      nodes:
        - { id: b, type: llm, prompt: "{{ inputs.doc.title }} {{ inputs.doc.tags.0 }} {{ inputs.doc.tags.length }} {{ inputs.doc.name }}" }
      `,
      ["ICE2007"],
    );
  });
  it("checks paths in condition expressions and outputs", () => {
    expectErrors(
      `
      input_schema: { n: number }
      nodes:
        - { id: c, type: condition, expression: "inputs.m > 1 and {{ nope.x }}" }
      outputs: { r: "{{ c.result }}", q: "{{ c.value }}" }
      `,
      ["ICE2006", "ICE2002", "ICE2007"],
    );
  });
  it("binds loop item variables in the body, typed from the items source", () => {
    expectErrors(
      `
      input_schema: { docs: [{ text: string }] }
      nodes:
        - id: l
          type: loop
          items_source: "{{ inputs.docs }}"
          item_var: doc
          body:
            - { id: s, type: llm, prompt: "{{ doc.text }} {{ doc.body }}" }
      outputs: { all: "{{ l.results }}", first: "{{ l.results.0.text }}", bad: "{{ l.results.0.txt }}" }
      `,
      ["ICE2007", "ICE2007"],
    );
  });
  it("types untyped and declared tools", () => {
    expectErrors(
      `
      tools:
        search: { output_schema: { hits: "string[]" } }
      nodes:
        - { id: a, type: tool, tool_name: search }
        - { id: b, type: llm, prompt: "{{ a.hits.0 }} {{ a.count }}" }
      `,
      ["ICE2007"],
    );
    expectValid(`
      nodes:
        - { id: a, type: tool, tool_name: search }
        - { id: b, type: llm, prompt: "{{ a.anything.at.all }}" }
    `);
  });
});

describe("item variables", () => {
  it("are visible only inside their loop", () => {
    expectErrors(
      `
      input_schema: { docs: [{ text: string }] }
      nodes:
        - id: l
          type: loop
          items_source: "{{ inputs.docs }}"
          body:
            - { id: s, type: llm, prompt: "{{ item.text }} {{ item.body }}" }
        - { id: after, type: llm, prompt: "{{ item.text }}" }
      `,
      ["ICE2007", "ICE2002"],
    );
  });
});

describe("noLoopBodyEscapes (ICE2014)", () => {
  it("reports references from outside a loop to its body", () => {
    const [d] = expectErrors(
      `
      nodes:
        - id: l
          type: loop
          items_source: [1, 2]
          body:
            - { id: inner, type: llm, prompt: "{{ item }}" }
            - { id: inner2, type: llm, prompt: "{{ inner.text }}" }
        - { id: after, type: llm, prompt: "{{ inner.text }}" }
      `,
      ["ICE2014"],
    );
    expect(d!.message).toBe("'inner' runs once per item of loop 'l' and cannot be referenced outside it");
  });
});

describe("referencesRunOnEveryPath (ICE2003)", () => {
  const base = `
    input_schema: { text: string }
    nodes:
      - { id: is_long, type: condition, expression: "inputs.text.length > 100", true_path: [summary], false_path: [] }
      - { id: summary, type: llm, prompt: "Summarise {{ inputs.text }}" }
  `;
  it("reports a reference to a branch-only node, with a note at the condition", () => {
    const [d] = expectErrors(
      `${base}
      - { id: report, type: llm, prompt: "{{ summary.text }}" }
    `,
      ["ICE2003"],
    );
    expect(d!.notes[0]!.message).toBe("'summary' runs only when 'is_long' is true");
    expect(spanText(d!)).toBe("summary.text");
  });
  it("reports workflow outputs reading a branch-only node", () => {
    expectErrors(
      `${base}
    outputs: { s: "{{ summary.text }}" }
    `,
      ["ICE2003"],
    );
  });
  it("accepts references under the same branch, inherited through nested conditions", () => {
    expectValid(
      `${base}
      - { id: again, type: condition, expression: "true", true_path: [deeper] }
      - { id: deeper, type: llm, prompt: "{{ summary.text }}" }
      - { id: cond2, type: condition, expression: "{{ summary.text }} == 'x'", true_path: [again] }
    `.replace("true_path: [summary]", "true_path: [summary, cond2]"),
    );
  });
  it("lifts inline branch nodes after their condition", () => {
    const workflow = expectValid(`
      nodes:
        - id: check
          type: condition
          expression: "1 < 2"
          true_path:
            - { id: yes, type: llm, prompt: "yes" }
            - after_yes
          false_path:
            - { id: no, type: llm, prompt: "no" }
        - { id: after_yes, type: llm, prompt: "{{ yes.text }}" }
    `);
    expect(workflow.nodes.map((n) => n.id)).toEqual(["check", "yes", "no", "after_yes"]);
  });
});
