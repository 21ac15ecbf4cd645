/**
 * The type checks (ICE2008, ICE2009, ICE2016, ICE2022), reachability (ICE2023), retry settings
 * (ICE2024) and tools against their signatures (ICE2011, strict mode), one harness call each.
 */
import { describe, expect, it } from "vitest";
import { isAssignable } from "../../src/check/index.js";
import type { ObjectType, SchemaType } from "../../src/plan/index.js";
import { expectErrors, expectValid, position, spanText } from "./harness.js";

const t = (kind: "string" | "number" | "integer" | "boolean" | "any"): SchemaType => ({ kind });
const obj = (fields: Record<string, SchemaType>, optional: string[] = []): ObjectType => ({
  kind: "object",
  fields: Object.entries(fields).map(([name, type]) => ({ name, type, optional: optional.includes(name) })),
});

describe("isAssignable", () => {
  it("takes integers as numbers, any both ways, and objects structurally", () => {
    expect(isAssignable(t("integer"), t("number"))).toBe(true);
    expect(isAssignable(t("number"), t("integer"))).toBe(false);
    expect(isAssignable(t("any"), t("string"))).toBe(true);
    expect(isAssignable(t("string"), t("any"))).toBe(true);
    expect(isAssignable({ kind: "array", element: t("integer") }, { kind: "array", element: t("number") })).toBe(true);
    expect(
      isAssignable(obj({ a: t("string"), extra: t("boolean") }), obj({ a: t("string"), b: t("integer") }, ["b"])),
    ).toBe(true);
    expect(isAssignable(obj({ b: t("integer") }), obj({ a: t("string") }))).toBe(false);
    expect(isAssignable(t("string"), t("boolean"))).toBe(false);
  });
});

describe("toolArgumentTypes (ICE2008, ICE2022)", () => {
  const tools = `
    tools:
      search: { input_schema: { q: string, limit: "integer?", weights: "number[]?" }, output_schema: { hits: "string[]", n: integer } }
      untyped:
  `;
  it("reports arguments of the wrong type at the argument", () => {
    const [d] = expectErrors(
      `${tools}
    nodes:
      - { id: a, type: tool, tool_name: search, tool_args: { q: "x", limit: 2.5 } }
    `,
      ["ICE2008"],
    );
    expect(d!.message).toBe("argument 'limit' of tool 'search': expected integer, got number");
    expect(spanText(d!)).toBe("2.5");
  });
  it("reports missing required arguments at the tool name", () => {
    const [d] = expectErrors(
      `${tools}
    nodes:
      - { id: a, type: tool, tool_name: search, tool_args: { limit: 2 } }
    `,
      ["ICE2022"],
    );
    expect(d!.message).toBe("the call of tool 'search' in 'a' is missing required argument 'q' (string)");
    expect(spanText(d!)).toBe("search");
  });
  it("accepts integers for numbers, templates for strings and untyped values anywhere", () => {
    expectValid(`${tools}
    nodes:
      - { id: u, type: tool, tool_name: untyped }
      - { id: a, type: tool, tool_name: search, tool_args: { q: "n={{ u.n }}", limit: "{{ u.n }}", weights: [1, "{{ u.w }}", 2.5] } }
      - { id: b, type: tool, tool_name: search, tool_args: { q: "{{ a.hits.0 }}", limit: "{{ a.n }}", weights: "{{ u.all }}" } }
    `);
  });
  it("checks built-in tools against their own signatures in strict mode only", () => {
    const src = `
      nodes:
        - { id: f, type: tool, tool_name: read_file, tool_args: { path: 3 } }
    `;
    expectValid(src);
    const [d] = expectErrors(src, ["ICE2008"], { strict: true });
    expect(d!.message).toBe("argument 'path' of tool 'read_file': expected string, got integer");
  });
  it("types built-in results where they say, and reads other fields as any", () => {
    expectValid(`
      nodes:
        - { id: f, type: tool, tool_name: document_parser, tool_args: { file_paths: [a.md] } }
        - { id: g, type: tool, tool_name: read_file, tool_args: { path: "{{ f.documents.0.path }}", extra: "{{ f.output.anything }}" } }
    `);
    expectErrors(
      `
      nodes:
        - { id: f, type: tool, tool_name: read_file, tool_args: { path: a.md } }
        - { id: c, type: condition, expression: "f.text" }
    `,
      ["ICE2009"],
    );
  });
  it("uses the tool node's own input_schema", () => {
    expectErrors(
      `
      nodes:
        - { id: f, type: tool, tool_name: custom, input_schema: { n: integer }, tool_args: { n: "x" } }
    `,
      ["ICE2008"],
    );
  });
});

describe("codeInputTypes (ICE2008, ICE2016)", () => {
  const code = (inputs: string, schema: string, workflowInputs = "{ text: string }"): string => `
    input_schema: ${workflowInputs}
    tools:
      count: { output_schema: { n: integer, tags: "string[]" } }
    nodes:
      - { id: k, type: tool, tool_name: count }
      - { id: c, type: code, inputs: ${inputs}, input_schema: ${schema}, output_schema: { ok: boolean }, code: "return { ok: true };" }
  `;
  it("reports bound values of the wrong type", () => {
    const [d] = expectErrors(code(`{ n: "{{ k.tags }}" }`, "{ n: integer }"), ["ICE2008"]);
    expect(d!.message).toBe("input 'n' of code node 'c': expected integer, got string[]");
  });
  it("reports required inputs with nothing bound and no workflow input of the name", () => {
    const [d] = expectErrors(code("{}", "{ missing: string }"), ["ICE2016"]);
    expect(spanText(d!)).toBe("c");
  });
  it("binds unbound inputs to workflow inputs of the same name, checking their types", () => {
    expectValid(code("{}", "{ text: string, note: string? }"));
    expectErrors(code("{}", "{ text: integer }"), ["ICE2008"]);
  });
  it("accepts integers into numbers and lists of integers into lists of numbers", () => {
    expectValid(code(`{ n: "{{ k.n }}", xs: [1, 2.5, "{{ k.n }}"] }`, '{ n: number, xs: "number[]" }'));
  });
});

describe("subWorkflowInputTypes (ICE2008, ICE2022)", () => {
  const options = {
    workflowInputs: new Map([
      [
        "pager",
        {
          kind: "object" as const,
          fields: [
            { name: "text", type: t("string"), optional: false },
            { name: "level", type: t("integer"), optional: true },
          ],
        },
      ],
    ]),
  };
  it("checks inputs against the called workflow's input_schema", () => {
    const diagnostics = expectErrors(
      `
      nodes:
        - { id: p, type: workflow, workflow_ref: pager, inputs: { level: "high" } }
    `,
      ["ICE2022", "ICE2008"],
      options,
    );
    expect(diagnostics[0]!.message).toBe(
      "the call of sub-workflow 'pager' in 'p' is missing required input 'text' (string)",
    );
  });
  it("accepts matching inputs and says nothing about unknown workflows", () => {
    expectValid(
      `
      nodes:
        - { id: p, type: workflow, workflow_ref: pager, inputs: { text: "hi {{ inputs.x }}" } }
        - { id: q, type: workflow, workflow_ref: other, inputs: { anything: 1 } }
      input_schema: { x: integer }
    `,
      options,
    );
  });
});

describe("loopItemsAreLists (ICE2008)", () => {
  it("reports items sources that are not lists", () => {
    const [d] = expectErrors(
      `
      input_schema: { n: integer }
      nodes:
        - { id: l, type: loop, items_source: "{{ inputs.n }}", body: [{ id: b, type: llm, prompt: x }] }
    `,
      ["ICE2008"],
    );
    expect(d!.message).toBe("items_source of loop 'l': expected a list, got integer");
  });
});

describe("conditionTypes (ICE2009, ICE2008)", () => {
  const condition = (expression: string): string => `
    input_schema: { n: integer, name: string, ok: boolean }
    nodes:
      - { id: u, type: tool, tool_name: untyped }
      - { id: c, type: condition, expression: "${expression}" }
  `;
  it("reports non-boolean conditions with their type", () => {
    expect(expectErrors(condition("inputs.n * 2"), ["ICE2009"])[0]!.message).toBe(
      "condition must be boolean, got number",
    );
    expect(expectErrors(condition("inputs.name"), ["ICE2009"])[0]!.message).toBe(
      "condition must be boolean, got string",
    );
    expect(expectErrors(condition("inputs.name + 1"), ["ICE2009"])[0]!.message).toBe(
      "condition must be boolean, got string",
    );
  });
  it("reports operands that do not fit their operator", () => {
    const [d] = expectErrors(condition("inputs.n > inputs.name"), ["ICE2008"]);
    expect(d!.message).toBe("the right side of '>' in condition 'c': expected number, got string");
    expect(spanText(d!)).toBe("inputs.name");
  });
  it("accepts booleans, comparisons and untyped paths", () => {
    expectValid(condition("inputs.ok and not (inputs.n == 3) or inputs.name == 'x'"));
    expectValid(condition("u.flag"));
    expectValid(condition("u.count > 3 and u.label == inputs.name"));
  });
});

describe("reachableNodes (ICE2023)", () => {
  it("reports a node on both branches of one condition, with notes", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: c, type: condition, expression: "true", true_path: [a], false_path: [a] }
        - { id: a, type: llm, prompt: x }
    `,
      ["ICE2023"],
    );
    expect(position(d!)).toBe("3:11");
    expect(d!.notes.map((n) => n.message)).toEqual([
      "put on the true path of 'c' here",
      "put on the false path of 'c' here",
    ]);
  });
  it("reports contradicting guards through nesting once, not for the nodes that follow", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: c, type: condition, expression: "true", true_path: [l], false_path: [d] }
        - { id: d, type: condition, expression: "true", true_path: [x] }
        - id: l
          type: loop
          items_source: [1, 2]
          body:
            - { id: x, type: condition, expression: "false", true_path: [y] }
            - { id: y, type: llm, prompt: never }
    `,
      ["ICE2023"],
    );
    expect(d!.message).toBe("node 'x' never runs: it runs only when 'c' is true and also only when 'c' is false");
  });
  it("accepts nested conditions", () => {
    expectValid(`
      nodes:
        - { id: c, type: condition, expression: "true", true_path: [d], false_path: [z] }
        - { id: d, type: condition, expression: "false", true_path: [x], false_path: [y] }
        - { id: x, type: llm, prompt: x }
        - { id: y, type: llm, prompt: y }
        - { id: z, type: llm, prompt: z }
    `);
  });
});

describe("consistentRetries (ICE2024)", () => {
  it("reports retries that disagree with max_attempts", () => {
    expectErrors(
      `
      nodes:
        - { id: a, type: tool, tool_name: f, retries: 1, retry_policy: { max_attempts: 3 } }
    `,
      ["ICE2024"],
    );
    expectValid(`
      nodes:
        - { id: a, type: tool, tool_name: f, retries: 2, retry_policy: { max_attempts: 3 }, on_failure: continue }
    `);
  });
});

describe("declaredTools with built-ins and strict mode (ICE2011)", () => {
  const src = `
    tools:
      mine: { input_schema: { q: string } }
    nodes:
      - { id: a, type: tool, tool_name: mine, tool_args: { q: x } }
      - { id: b, type: tool, tool_name: read_csv, tool_args: { path: x.csv } }
      - { id: c, type: agent, prompt: go, tools: [search_documents, theirs] }
  `;
  it("does not warn about built-in tools", () => {
    const [d] = expectErrors(src, ["ICE2011"]);
    expect(d!.severity).toBe("warning");
    expect(spanText(d!)).toBe("theirs");
  });
  it("makes undeclared tools errors in strict mode, even with no declarations", () => {
    const [d] = expectErrors(src, ["ICE2011"], { strict: true });
    expect(d!.severity).toBe("error");
    expectErrors(
      `
      nodes:
        - { id: b, type: tool, tool_name: fetch }
    `,
      ["ICE2011"],
      { strict: true },
    );
  });
});
