/**
 * @fileoverview The seventeenth AI-workflow set (held out: written as people write code nodes, not
 * from the compiler's tests): object-oriented code beside interfaces. Object literals typed as an
 * interface that classes also implement (tool registries mixing classes and literals), conditional
 * results of two classes with a common base or interface, and the object idioms the sandbox
 * refuses with what to write instead (frozen instances, constructor names, function identity).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai17 = cases("ai17", ["math", "json"]);

const OUT = { out: "string" };

/** Measurements, with the awkward numbers. */
const SIZES = [{ xs: [1, 2, 3.5] }, { xs: [] }, { xs: [-0, 0.1, 1e21, -2] }, { xs: [Number.MAX_SAFE_INTEGER, 0.5, 7] }];
const SIZE = { xs: "number[]" } as const;

/** Prompts, with empty and unicode ones. */
const TEXTS = [{ texts: ["hello world", "", "Ünïcode 😀 text", "a  b"] }, { texts: [] }, { texts: ["x", "x"] }];
const TEXT = { texts: "string[]" } as const;

export const AI_WORKFLOWS_17: readonly OracleCase[] = [
  /** A tool registry of classes and object literals typed as the same interface. */
  ai17(
    "tool-registry-classes-and-literals",
    [
      "interface Tool {",
      "  readonly name: string;",
      "  run(input: string): string;",
      "}",
      "class Echo implements Tool {",
      '  readonly name = "echo";',
      "  run(input: string) {",
      "    return input;",
      "  }",
      "}",
      "class Words implements Tool {",
      "  constructor(readonly name: string, private sep: string) {}",
      "  run(input: string) {",
      "    return input.split(/\\s+/).filter((w) => w).join(this.sep);",
      "  }",
      "}",
      'const upper: Tool = { name: "upper", run: (s) => s.toUpperCase() };',
      "const tools: Tool[] = [",
      "  new Echo(),",
      '  new Words("words", "|"),',
      "  upper,",
      '  { name: "len", run(s) { return String(s.length); } },',
      "];",
      "const byName = new Map<string, Tool>();",
      "for (const t of tools) byName.set(t.name, t);",
      'const lines = inputs.texts.map((text) => tools.map((t) => `${t.name}=${t.run(text)}`).join(","));',
      'const picked = byName.get("upper");',
      'return { out: `${lines.join(" / ")} ${picked === upper} ${picked?.run("ok") ?? "none"} ${byName.size}` };',
    ].join("\n"),
    TEXT,
    OUT,
    TEXTS,
  ),
  /** Only a literal of the interface is made (the class implementing it is never used as it). */
  ai17(
    "retry-policy-literal-beside-class",
    [
      "interface RetryPolicy {",
      "  maxAttempts: number;",
      "  delay(attempt: number): number;",
      "}",
      "class Exponential implements RetryPolicy {",
      "  maxAttempts = 5;",
      "  delay(attempt: number) {",
      "    return 100 * 2 ** attempt;",
      "  }",
      "}",
      "const linear: RetryPolicy = { maxAttempts: 3, delay: (a) => 50 * (a + 1) };",
      "const exp = new Exponential();",
      "const plan = (p: RetryPolicy) => {",
      "  const out: number[] = [];",
      "  for (let a = 0; a < p.maxAttempts; a++) out.push(p.delay(a));",
      "  return out;",
      "};",
      "const budget = inputs.xs.reduce((s, x) => s + x, 0);",
      "return { out: `${plan(linear).join()} ${exp.delay(2)} ${plan(exp).filter((d) => d <= budget).length}` };",
    ].join("\n"),
    SIZE,
    OUT,
    SIZES,
  ),
  /** A literal implementation whose method throws, caught around the interface call. */
  ai17(
    "parser-literal-that-throws",
    [
      "interface Parser {",
      "  parse(s: string): number;",
      "}",
      "class Strict implements Parser {",
      "  parse(s: string) {",
      "    const n = Number(s);",
      "    if (Number.isNaN(n)) throw new Error(`bad ${s}`);",
      "    return n;",
      "  }",
      "}",
      "const lenient: Parser = {",
      "  parse(s) {",
      '    if (s === "") throw new Error("empty");',
      "    return s.length;",
      "  },",
      "};",
      "const ps: Parser[] = [new Strict(), lenient];",
      "const out: string[] = [];",
      "for (const t of inputs.texts)",
      "  for (const p of ps) {",
      "    try {",
      "      out.push(String(p.parse(t)));",
      "    } catch (e) {",
      '      out.push(e instanceof Error ? e.message : "?");',
      "    }",
      "  }",
      'return { out: out.join(",") };',
    ].join("\n"),
    TEXT,
    OUT,
    TEXTS,
  ),
  /**
   * Literal implementations given as an arrow that throws, a declared function and a getter-free
   * record of settings, looked up with `?.` and `??` in a budget guard.
   */
  ai17(
    "token-budget-guards-literals-and-classes",
    [
      "interface Guard {",
      "  readonly id: string;",
      "  readonly limit: number;",
      "  check(tokens: number): boolean;",
      "}",
      "class HardCap implements Guard {",
      '  readonly id = "cap";',
      "  constructor(readonly limit: number) {}",
      "  check(tokens: number) {",
      "    return tokens <= this.limit;",
      "  }",
      "}",
      "function positive(tokens: number): boolean {",
      "  return tokens > 0;",
      "}",
      "const strict: Guard = {",
      '  id: "strict",',
      "  limit: 10,",
      "  check: (tokens) => {",
      "    if (tokens > 1e300 || Object.is(tokens, -0)) throw new RangeError(`too many: ${tokens}`);",
      "    return tokens < 10;",
      "  },",
      "};",
      'const guards: Guard[] = [new HardCap(100), strict, { id: "pos", limit: Infinity, check: positive }];',
      "const find = (id: string): Guard | undefined => guards.find((g) => g.id === id);",
      "const verdicts: string[] = [];",
      "for (const x of inputs.xs) {",
      "  try {",
      "    const ok = guards.filter((g) => g.check(x)).map((g) => g.id);",
      '    verdicts.push(ok.join("+") || "none");',
      "  } catch (e) {",
      '    verdicts.push(e instanceof RangeError ? `range:${e.message}` : "other");',
      "  }",
      "}",
      'const missing = find("nope")?.check(1) ?? "n/a";',
      'const cap = find("cap")?.check(50);',
      'return { out: `${verdicts.join(" ")} ${missing} ${cap} ${guards.map((g) => g.limit).join()} ${find("strict") === strict}` };',
    ].join("\n"),
    SIZE,
    OUT,
    [...SIZES, { xs: [1e308, 5, 12] }],
  ),
  /** A record type of validators (no class): a literal's arrow that throws, called through the record and caught. */
  ai17(
    "validator-records-arrow-throws",
    [
      "type Validator = { name: string; validate: (s: string) => boolean };",
      "interface Checker {",
      "  test(s: string): boolean;",
      "}",
      "const nonEmpty: Validator = {",
      '  name: "non-empty",',
      "  validate: (s) => {",
      "    if (s.length > 12) throw new Error(`too long: ${s.length}`);",
      "    return s.length > 0;",
      "  },",
      "};",
      "const ascii: Checker = {",
      "  test: (s) => {",
      '    if (s.includes("😀")) throw new TypeError("emoji");',
      "    return /^[ -~]*$/.test(s);",
      "  },",
      "};",
      "const out: string[] = [];",
      "for (const t of inputs.texts) {",
      "  try {",
      "    const ok = nonEmpty.validate(t) && ascii.test(t);",
      '    out.push(ok ? "ok" : "no");',
      "  } catch (e) {",
      '    out.push(e instanceof Error ? `${e.name}:${e.message}` : "?");',
      "  }",
      "}",
      'return { out: out.join(",") };',
    ].join("\n"),
    TEXT,
    OUT,
    TEXTS,
  ),
];
