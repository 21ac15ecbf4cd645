import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/index.js";
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

describe("parseTemplate", () => {
  it("always makes a template, even of a single reference or plain text", () => {
    expect(parseTemplate(source("{{ a.b }}")).value.parts).toHaveLength(1);
    expect(parseTemplate(source("hello")).value.parts).toEqual(["hello"]);
  });
});
