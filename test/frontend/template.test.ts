import { describe, expect, it } from "vitest";
import { formatDiagnostic, SourceFile } from "../../src/diagnostics/index.js";
import { parseStringValue, parseTemplate, verbatimSource } from "../../src/frontend/index.js";

const source = (text: string) => {
  const file = new SourceFile("t.txt", `x: ${text}`);
  return verbatimSource(file, 3, text);
};
const covered = (s: { span: { file: SourceFile; start: number; end: number } }) =>
  s.span.file.text.slice(s.span.start, s.span.end);

describe("parseStringValue", () => {
  it("reads exactly one reference as a RefValue spanning the path", () => {
    const { value, diagnostics } = parseStringValue(source("{{  inputs.text }}"));
    expect(diagnostics).toEqual([]);
    expect(value.kind).toBe("ref");
    if (value.kind !== "ref") return;
    expect(value.path).toEqual(["inputs", "text"]);
    expect(covered(value)).toBe("inputs.text");
  });
  it("reads text around references as a template", () => {
    const { value } = parseStringValue(source("Summarise {{ doc.text }} in {{inputs.words}} words"));
    expect(value.kind).toBe("template");
    if (value.kind !== "template") return;
    expect(value.parts.map((p) => (typeof p === "string" ? p : `<${p.path.join(".")}:${covered(p)}>`))).toEqual([
      "Summarise ",
      "<doc.text:doc.text>",
      " in ",
      "<inputs.words:inputs.words>",
      " words",
    ]);
  });
  it("reads text without '{{' as a literal", () => {
    expect(parseStringValue(source("plain } text")).value).toMatchObject({ kind: "literal", value: "plain } text" });
  });
  it("accepts list indexes after the root", () => {
    expect(parseStringValue(source("{{ rows.0.name }}")).value).toMatchObject({
      kind: "ref",
      path: ["rows", "0", "name"],
    });
  });
  it("reports unclosed, empty and malformed references", () => {
    for (const text of ["{{ a.b", "{{ }}", "{{ a..b }}", "{{ a b }}", "{{ 0.a }}"]) {
      const { diagnostics } = parseStringValue(source(text));
      expect(
        diagnostics.map((d) => d.code),
        text,
      ).toEqual(["ICE1009"]);
    }
  });
});

describe("a huge invalid reference", () => {
  const big = 550_000;
  // Each: the reference, then what its message must still say (the problem, text near where it is).
  const cases: [string, string[]][] = [
    [
      `{{ inputs.x ${"+ inputs.y ".repeat(big / 11)}}}`,
      ["'inputs.x + inputs.y + ", "is not a reference: write a path"],
    ],
    [`{{ a${" or b".repeat(big / 5)} c }}`, ["...", " or b or b c' is not a reference"]],
    [`{{ ${"a.".repeat(big / 2)}.b }}`, ["...", "a.a.a..b' has an empty path segment"]],
    [`{{ ${"a.".repeat(big / 2)}9x }}`, ["...", "a.a.a.9x' is not a reference path"]],
    [`{{ a or "${"x".repeat(big)}" or b.c }}`, [`the default '"xxxx`, "...' is a constant, so the default after it"]],
    [`{{ a or 9${"z".repeat(big)} }}`, ["the default '9zzzz", "...' must be a constant"]],
  ];
  it("is quoted as a bounded excerpt near the problem, located exactly", () => {
    for (const [reference, says] of cases) {
      const text = `Dear {{ inputs.name }}, ${reference} regards`;
      const { diagnostics } = parseTemplate(source(text));
      expect(diagnostics.map((d) => d.code)).toEqual(["ICE1009"]);
      const [diagnostic] = diagnostics;
      const label = reference.slice(0, 30);
      expect(diagnostic!.message.length, label).toBeLessThan(300);
      expect(formatDiagnostic(diagnostic!).length, label).toBeLessThan(800);
      for (const said of says) expect(diagnostic!.message, label).toContain(said);
      expect(covered({ span: diagnostic!.span! }), label).toBe(reference);
    }
  });
  it("is quoted whole when short", () => {
    const { diagnostics } = parseTemplate(source("{{ inputs.a + inputs.b }}"));
    expect(diagnostics[0]!.message).toContain("'inputs.a + inputs.b' is not a reference");
  });
});

describe("parseTemplate", () => {
  it("always makes a template, even of a single reference or plain text", () => {
    expect(parseTemplate(source("{{ a.b }}")).value.parts).toHaveLength(1);
    expect(parseTemplate(source("hello")).value.parts).toEqual(["hello"]);
  });
});
