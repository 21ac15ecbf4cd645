import { describe, expect, it } from "vitest";
import { SourceFile, span } from "../../src/diagnostics/index.js";
import { parseExpression } from "../../src/frontend/index.js";
import type { EmbeddedSource, Expr } from "../../src/plan/index.js";

const PREFIX = "expression: ";
const embedded = (text: string): EmbeddedSource => {
  const file = new SourceFile("e.yaml", PREFIX + text);
  return { text, lineOrigins: [PREFIX.length], span: span(file, PREFIX.length, PREFIX.length + text.length) };
};

/** Prints an expression fully parenthesised. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case "literal":
      return JSON.stringify(expr.value);
    case "path":
      return expr.path.join(".");
    case "unary":
      return `(${expr.operator}${show(expr.operand)})`;
    case "binary":
      return `(${show(expr.left)} ${expr.operator} ${show(expr.right)})`;
  }
}

const parse = (text: string): string => {
  const { expr, diagnostics } = parseExpression(embedded(text));
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  return show(expr!);
};

describe("parseExpression", () => {
  it("parses literals and paths", () => {
    expect(parse("42")).toBe("42");
    expect(parse("1.5e3")).toBe("1500");
    expect(parse(`'it\\'s' == "a\\"b"`)).toBe(`("it's" == "a\\"b")`);
    expect(parse("true != false")).toBe("(true != false)");
    expect(parse("summarize.total > inputs.threshold")).toBe("(summarize.total > inputs.threshold)");
    expect(parse("{{ summarize.total }} >= 3")).toBe("(summarize.total >= 3)");
    expect(parse("rows.0.n")).toBe("rows.0.n");
  });
  it("follows precedence and associativity", () => {
    expect(parse("a or b and c")).toBe("(a || (b && c))");
    expect(parse("a || b && !c")).toBe("(a || (b && (!c)))");
    expect(parse("1 + 2 * 3 - 4 % 2")).toBe("((1 + (2 * 3)) - (4 % 2))");
    expect(parse("a < b == c > d")).toBe("((a < b) == (c > d))");
    expect(parse("(1 + 2) * -x")).toBe("((1 + 2) * (-x))");
    expect(parse("10 - 2 - 3")).toBe("((10 - 2) - 3)");
  });
  it("binds 'not' like Python and '!' like JavaScript", () => {
    expect(parse("not a == b")).toBe("(!(a == b))");
    expect(parse("!a == b")).toBe("((!a) == b)");
    expect(parse("not a and b")).toBe("((!a) && b)");
  });
  it("maps === and !== to == and !=", () => {
    expect(parse("a === 1 && b !== 2")).toBe("((a == 1) && (b != 2))");
  });
  it("gives nodes spans in the file", () => {
    const { expr } = parseExpression(embedded("x.y > 10"));
    expect(expr!.kind).toBe("binary");
    if (expr!.kind !== "binary") return;
    const text = (s: { start: number; end: number }) => `${PREFIX}x.y > 10`.slice(s.start, s.end);
    expect(text(expr!.left.span)).toBe("x.y");
    expect(text(expr!.right.span)).toBe("10");
    expect(text(expr!.span)).toBe("x.y > 10");
  });
  it("reports syntax errors with a span inside the expression", () => {
    const cases: [string, string, string][] = [
      ["a >", "unexpected end of expression: expected a value", ""],
      ["a = 1", "unexpected character '=': use '==' to compare", "="],
      ["(a > 1", "expected ')' to close '(' at column 1, found end of expression", ""],
      ["a > 1 b", "unexpected 'b': expected an operator or the end", "b"],
      ["'open", "unterminated string", "'open"],
      ["a & b", "unexpected character '&': use '&&'", "&"],
      ["", "the expression is empty", ""],
      ["x.", "'x.' must be followed by a field name", "x."],
      ["{{ 1 }}", "expected a path inside '{{ }}', found '1'", "1"],
    ];
    for (const [text, message, covered] of cases) {
      const { expr, diagnostics } = parseExpression(embedded(text));
      expect(expr).toBeUndefined();
      expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([`ICE1010: invalid expression: ${message}`]);
      const at = diagnostics[0]!.span!;
      expect((PREFIX + text).slice(at.start, at.end), text).toBe(covered);
    }
  });
});
