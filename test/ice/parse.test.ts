/** The .ice front end: recovery, code bodies and their positions, values and templates. */
import { describe, expect, it } from "vitest";
import { embeddedOffset } from "../../src/frontend/index.js";
import type { CodeNode, ConditionNode, LlmNode, LoopNode, ToolNode } from "../../src/plan/index.js";
import { expectValid, iceErrors } from "./harness.js";

describe("error recovery", () => {
  it("reports each of two bad nodes once, and checks the good ones between", () => {
    const errors = iceErrors(`workflow w {
  tool a = f(x 1)
  tool b = f(x: 1) retires 2
  code c(: { n: integer } { return { n: 1 }; }
  tool d = f(x: 1)
}`);
    expect(errors.map((e) => e.split(" ").slice(0, 2).join(" "))).toEqual([
      "2:16 ICE1501",
      "3:20 ICE1005",
      "4:10 ICE1501",
    ]);
  });

  it("does not let a node without its body swallow the rest of the file", () => {
    const errors = iceErrors(`workflow w {
  code c(): { n: integer }
  tool a = f(x: 1)
  tool b = f(x 1)
}`);
    expect(errors.map((e) => e.split(" ").slice(0, 2).join(" "))).toEqual(["2:27 ICE1501", "4:16 ICE1501"]);
  });

  it("reports an empty file", () => {
    expect(iceErrors("")).toEqual(["1:1 ICE1501 expected 'workflow', found the end of the file"]);
  });
});

describe("code bodies", () => {
  const src = `workflow w {
  code c(): { n: integer } {
    const s = "}";   // } in a string and a comment
    const t = \`\${s}{\`;
    return { n: 1 };
  }
}`;

  it("keeps the body as written, dedented, with each line mapped to the file", () => {
    const code = expectValid(src).nodes[0] as CodeNode;
    expect(code.code.text).toBe(
      'const s = "}";   // } in a string and a comment\nconst t = `${s}{`;\nreturn { n: 1 };\n',
    );
    const returnAt = code.code.text.indexOf("return");
    expect(src.slice(embeddedOffset(code.code, returnAt), embeddedOffset(code.code, returnAt) + 6)).toBe("return");
  });

  it("reads a one-line body", () => {
    const code = expectValid("workflow w { code c(): { n: integer } { return { n: 1 }; } }").nodes[0] as CodeNode;
    expect(code.code.text).toBe("return { n: 1 };");
  });
});

describe("values", () => {
  it("reads paths, templates, strings with {{ }}, numbers and nested values", () => {
    const tool = expectValid(`workflow w(x: string) {
  tool t = f(a: inputs.x, b: \`hi \${inputs.x}!\`, c: "{{ inputs.x }}", d: 1_000, e: -2.5, f: [null, true], g: { "h-i": rows.0.name })
}`).nodes[0] as ToolNode;
    const byKey = Object.fromEntries(tool.args.map((a) => [a.key, a.value]));
    expect(byKey.a).toMatchObject({ kind: "ref", path: ["inputs", "x"] });
    expect(byKey.b).toMatchObject({ kind: "template", parts: ["hi ", { kind: "ref", path: ["inputs", "x"] }, "!"] });
    expect(byKey.c).toMatchObject({ kind: "ref", path: ["inputs", "x"] });
    expect(byKey.d).toMatchObject({ kind: "literal", value: 1000 });
    expect(byKey.e).toMatchObject({ kind: "literal", value: -2.5 });
    expect(byKey.f).toMatchObject({ kind: "array", items: [{ value: null }, { value: true }] });
    expect(byKey.g).toMatchObject({
      kind: "object",
      entries: [{ key: "h-i", value: { kind: "ref", path: ["rows", "0", "name"] } }],
    });
  });

  it("points template references at the path inside the template", () => {
    const src = "workflow w { llm l `Say ${inputs.topic} now` }";
    const llm = expectValid(src).nodes[0] as LlmNode;
    const ref = llm.prompt.parts[1];
    expect(typeof ref === "object" && src.slice(ref.span.start, ref.span.end)).toBe("inputs.topic");
  });
});

describe("node forms", () => {
  it("reads conditions, loops and clauses", () => {
    const [condition, loop] = expectValid(`workflow w(items: string[]) {
  condition c(inputs.items.length > 2 and not false) then [l] else [] trust strict
  loop l(item of inputs.items) parallel 3 retries 1 timeout 2.5s after [c] { tool t = f(x: item) }
}`).nodes as [ConditionNode, LoopNode];
    expect(condition.source.text).toBe("inputs.items.length > 2 and not false");
    expect(condition.truePath.map((t) => t.name)).toEqual(["l"]);
    expect(condition.trust?.name).toBe("strict");
    expect(loop).toMatchObject({ maxParallel: 3, retries: 1, timeoutSeconds: 2.5, itemVar: { name: "item" } });
    expect(loop.dependencies.map((d) => d.name)).toEqual(["c"]);
  });
});
