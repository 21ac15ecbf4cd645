import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/index.js";
import { embeddedOffset, parseYamlWorkflow } from "../../src/frontend/index.js";
import type {
  CodeNode,
  ConditionNode,
  LlmNode,
  LoopNode,
  ParallelNode,
  RefValue,
  TemplateValue,
} from "../../src/plan/index.js";
import { analyze, dedent, expectErrors, expectValid, position, spanText } from "../check/harness.js";

describe("YAML top level", () => {
  it("defaults the name to the file's base name", () => {
    const result = parseYamlWorkflow(new SourceFile("dir/my_flow.yml", "nodes: []\n"));
    expect(result.workflow?.name).toBe("my_flow");
  });
  it("accepts description and version, and reports unknown fields with a suggestion", () => {
    const [d, e] = expectErrors(
      `
      name: x
      description: d
      version: 2
      node: []
      `,
      ["ICE1015", "ICE1012"],
    );
    expect(d!.message).toBe("workflow is missing required field 'nodes'");
    expect(e!.message).toBe("unknown top-level field 'node'; did you mean 'nodes'?");
  });
  it("reports YAML syntax errors at their position", () => {
    const { diagnostics } = analyze("nodes: [\n  - a\n");
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === "ICE1001" && d.span !== undefined)).toBe(true);
  });
  it("reports one syntax error for one mistake, with advice for an unquoted list type", () => {
    const { diagnostics } = analyze(
      "name: x\ninput_schema: { xs: number[] }\nnodes:\n  - id: a\n    type: tool\n    tool_name: t\n",
    );
    expect(diagnostics.map((d) => [d.code, d.span?.file.position(d.span.start).line])).toEqual([["ICE1001", 2]]);
    expect(diagnostics[0]!.notes.map((n) => n.message).join()).toContain('"number[]"');
  });
  it("still reports every duplicate key", () => {
    const { diagnostics } = analyze("name: x\nname: y\nnodes: []\nnodes: []\n");
    expect(diagnostics.filter((d) => d.code === "ICE1001")).toHaveLength(2);
  });
  it("reports a document that is not a mapping", () => {
    expectErrors("- a\n- b\n", ["ICE1002"]);
  });
});

describe("YAML node fields", () => {
  it("reports unknown fields with did-you-mean", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: a, type: tool, tool_name: t, tool_arg: {} }
      `,
      ["ICE1005"],
    );
    expect(d!.message).toBe("unknown field 'tool_arg' on a tool node; did you mean 'tool_args' or 'tool_name'?");
    expect(position(d!)).toBe("2:40");
  });
  it("reports wrong field types", () => {
    const diagnostics = expectErrors(
      `
      nodes:
        - { id: a, type: llm, prompt: [x], retries: many, timeout_seconds: 0 }
        - { id: b, type: agent, prompt: x, max_iterations: 1.5, tools: { a: 1 } }
      `,
      ["ICE1004", "ICE1004", "ICE1004", "ICE1004", "ICE1004"],
    );
    expect(diagnostics[0]!.message).toBe("field 'prompt' must be a string, got a list");
    expect(diagnostics[1]!.message).toBe("field 'retries' must be an integer >= 0, got the string 'many'");
    expect(diagnostics[2]!.message).toBe("field 'timeout_seconds' must be a number > 0, got 0");
  });
  it("reports missing required fields and unknown types", () => {
    const diagnostics = expectErrors(
      `
      nodes:
        - { id: a, type: tool }
        - { id: b, type: lm, prompt: x }
        - { type: llm, prompt: x }
        - { id: d }
      `,
      ["ICE1006", "ICE1007", "ICE1006", "ICE1006"],
    );
    expect(diagnostics[0]!.message).toBe("tool node 'a' is missing required field 'tool_name'");
    expect(diagnostics[1]!.message).toBe("unknown node type 'lm'; did you mean 'llm'?");
    expect(diagnostics[2]!.message).toBe("llm node 'nodes[2]' is missing required field 'id'");
    expect(diagnostics[3]!.message).toBe("a node 'd' is missing required field 'type'");
  });
  it("reports bad ids and item variables", () => {
    expectErrors(
      `
      nodes:
        - { id: my-node, type: llm, prompt: x }
        - { id: l, type: loop, items_source: [1], item_var: "a b", body: [] }
      `,
      ["ICE1011", "ICE1011"],
    );
  });
  it("reports unknown limits and tool declaration fields", () => {
    expectErrors(
      `
      tools:
        search: { descripton: x }
      nodes:
        - { id: c, type: code, code: "return {};", output_schema: {}, limits: { fule: 1000 } }
      `,
      ["ICE1016", "ICE1016"],
    );
  });
  it("reports trust on nodes that are not sandboxed", () => {
    expectErrors(
      `
      nodes:
        - { id: a, type: llm, prompt: x, trust: trusted }
    `,
      ["ICE1005"],
    );
  });
  it("keeps going after errors, in nested bodies too", () => {
    expectErrors(
      `
      nodes:
        - id: l
          type: loop
          items_source: [1]
          body:
            - { id: a, type: llm }
            - id: p
              type: parallel
              branches:
                - [{ id: b, type: tool, tool_nme: x }]
        - { id: c, type: conditon }
      `,
      ["ICE1006", "ICE1006", "ICE1005", "ICE1007"],
    );
  });
});

describe("YAML schema types", () => {
  it("reads base types, aliases, lists, optionals and nested maps", () => {
    const workflow = expectValid(`
      nodes: []
      input_schema:
        a: string
        b: float
        c: "int[][]"
        d: bool?
        e: { f: str, g: dict }
        h: [{ i: number }]
        j: list
    `);
    const fields = workflow.inputSchema.fields.map(
      (f) => `${f.name}${f.optional ? "?" : ""}: ${JSON.stringify(f.type)}`,
    );
    expect(fields).toEqual([
      'a: {"kind":"string"}',
      'b: {"kind":"number"}',
      'c: {"kind":"array","element":{"kind":"array","element":{"kind":"integer"}}}',
      'd?: {"kind":"boolean"}',
      'e: {"kind":"object","fields":[{"name":"f","type":{"kind":"string"},"optional":false},{"name":"g","type":{"kind":"any"},"optional":false}]}',
      'h: {"kind":"array","element":{"kind":"object","fields":[{"name":"i","type":{"kind":"number"},"optional":false}]}}',
      'j: {"kind":"array","element":{"kind":"any"}}',
    ]);
  });
  it("reports bad type text", () => {
    const diagnostics = expectErrors(
      `
      nodes: []
      input_schema: { a: strng, b: "string?[]", c: "[]", d: 3 }
      `,
      ["ICE1008", "ICE1008", "ICE1008", "ICE1004"],
    );
    expect(diagnostics[0]!.message).toBe("invalid type 'strng': unknown type name; did you mean 'string'?");
  });
});

describe("YAML node kinds", () => {
  it("reads every node type", () => {
    const workflow = expectValid(`
      input_schema: { docs: "string[]", threshold: number }
      nodes:
        - { id: t, type: tool, tool_name: search, tool_args: { q: "{{ inputs.threshold }}", n: 3, flags: [a, true, null] } }
        - { id: m, type: llm, model: gpt-4o, prompt: "Say {{ t.x }}", llm_config: { provider: openai, temperature: 0.2 } }
        - { id: ag, type: agent, prompt: Research, tools: [search], max_iterations: 3 }
        - { id: w, type: workflow, workflow_ref: other, inputs: { x: 1 } }
        - { id: c, type: condition, expression: "m.text == 'yes' and not (inputs.threshold > 2)", true_path: [ok], false_path: [] }
        - { id: ok, type: llm, prompt: ok }
        - id: l
          type: loop
          items_source: "{{ inputs.docs }}"
          parallel: true
          body:
            - { id: each, type: llm, prompt: "{{ item }}" }
        - id: par
          type: parallel
          branches:
            - [{ id: x1, type: llm, prompt: a }]
            - [{ id: x2, type: llm, prompt: b }, { id: x3, type: llm, prompt: c }]
    `);
    const byId = new Map(workflow.nodes.map((n) => [n.id, n]));
    expect(byId.get("t")).toMatchObject({ kind: "tool", toolName: { name: "search" } });
    expect((byId.get("m") as LlmNode).llmConfig).toEqual({ provider: "openai", temperature: 0.2 });
    expect(byId.get("ag")).toMatchObject({ kind: "agent", maxIterations: 3, tools: [{ name: "search" }] });
    expect((byId.get("c") as ConditionNode).truePath.map((t) => t.name)).toEqual(["ok"]);
    const loop = byId.get("l") as LoopNode;
    expect(loop.itemVar.name).toBe("item");
    expect(loop.maxParallel).toBe(0);
    expect((byId.get("par") as ParallelNode).branches.map((b) => b.map((n) => n.id))).toEqual([["x1"], ["x2", "x3"]]);
    expect((byId.get("m") as LlmNode).prompt.parts.length).toBe(2);
  });
  it("defaults loops to one item at a time and agents to 5 iterations", () => {
    const workflow = expectValid(`
      nodes:
        - { id: l, type: loop, items_source: [1, 2], body: [{ id: e, type: llm, prompt: x }] }
        - { id: a, type: agent, prompt: x }
    `);
    expect(workflow.nodes[0]).toMatchObject({ maxParallel: 1, itemVar: { name: "item" } });
    expect(workflow.nodes[1]).toMatchObject({ maxIterations: 5, tools: [] });
  });
  it("reads max_parallel: 0 as no cap on items at once, as parallel: true", () => {
    const workflow = expectValid(`
      nodes:
        - { id: l, type: loop, items_source: [1, 2], max_parallel: 0, body: [{ id: e, type: llm, prompt: x }] }
        - { id: m, type: loop, items_source: [1, 2], max_parallel: 3, body: [{ id: f, type: llm, prompt: x }] }
    `);
    expect(workflow.nodes.map((n) => (n as LoopNode).maxParallel)).toEqual([0, 3]);
  });
  it("makes prompts templates even without references", () => {
    const workflow = expectValid(`
      input_schema: { x: string }
      nodes:
        - { id: a, type: llm, prompt: "{{ inputs.x }}" }
    `);
    expect((workflow.nodes[0] as LlmNode).prompt.kind).toBe("template");
  });
  it("reports bad templates and bad expressions inside the file", () => {
    const diagnostics = expectErrors(
      `
      nodes:
        - { id: a, type: llm, prompt: "Hello {{ inputs. }}" }
        - { id: c, type: condition, expression: "a.text = 'x'" }
      `,
      ["ICE1009", "ICE1010"],
    );
    expect(spanText(diagnostics[0]!)).toBe("{{ inputs. }}");
    expect(spanText(diagnostics[1]!)).toBe("=");
  });
});

describe("YAML positions", () => {
  it("maps block scalar lines to file offsets", () => {
    const text = dedent(`
      nodes:
        - id: c
          type: code
          output_schema: { n: integer }
          code: |
            const a = 1;
              const b = 2;

            return { n: a + b };
    `);
    const workflow = expectValid(text);
    const code = (workflow.nodes[0] as CodeNode).code;
    const lines = code.text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === "") continue;
      const at = embeddedOffset(code, code.text.split("\n").slice(0, i).join("\n").length + (i > 0 ? 1 : 0));
      expect(text.slice(at, at + lines[i]!.length)).toBe(lines[i]);
    }
  });
  it("maps references inside quoted scalars with escapes", () => {
    const text =
      'input_schema: { a: string, b: string }\nnodes:\n  - id: x\n    type: llm\n    prompt: "tab\\t\\"q\\" {{ inputs.a }} \\u00e9 {{ inputs.b }}"\n';
    const workflow = parseYamlWorkflow(new SourceFile("q.yaml", text)).workflow!;
    const parts = ((workflow.nodes[0] as LlmNode).prompt as TemplateValue).parts.filter(
      (p): p is RefValue => typeof p !== "string",
    );
    expect(parts.map((p) => text.slice(p.span.start, p.span.end))).toEqual(["inputs.a", "inputs.b"]);
  });
  it("maps references inside single-quoted and plain scalars", () => {
    const text =
      "input_schema: { a: string }\nnodes:\n  - { id: x, type: llm, prompt: 'it''s {{ inputs.a }}' }\n  - id: y\n    type: llm\n    prompt: say {{ inputs.a }}\n";
    const result = parseYamlWorkflow(new SourceFile("q.yaml", text));
    expect(result.diagnostics).toEqual([]);
    for (const node of result.workflow!.nodes) {
      const ref = (node as LlmNode).prompt.parts.find((p): p is RefValue => typeof p !== "string")!;
      expect(text.slice(ref.span.start, ref.span.end)).toBe("inputs.a");
    }
  });
  it("approximates positions in folded and multi-line scalars", () => {
    const text =
      'input_schema: { a: string }\nnodes:\n  - id: x\n    type: llm\n    prompt: >\n      first line\n      then {{ inputs.a }}\n  - id: y\n    type: llm\n    prompt: "one\n      two {{ inputs.a }}"\n';
    const result = parseYamlWorkflow(new SourceFile("f.yaml", text));
    expect(result.diagnostics).toEqual([]);
    for (const node of result.workflow!.nodes) {
      const ref = (node as LlmNode).prompt.parts.find((p): p is RefValue => typeof p !== "string")!;
      expect(text.slice(ref.span.start, ref.span.end)).toBe("inputs.a");
    }
  });
});
