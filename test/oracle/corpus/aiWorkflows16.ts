/**
 * @fileoverview The sixteenth AI-workflow set (held out: written as people write code nodes, not
 * from the compiler's tests): Java-style object-oriented code. Template methods whose overrides
 * take fewer parameters or return narrower types than the method they override (an abstract
 * base class with hooks, a narrower `clone()`, an optional result made definite), strategies,
 * commands and observers behind an interface, and the functional helpers such code sits beside.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ai16 = cases("ai16", ["math", "json"]);

const OUT = { out: "string" };

/** Measurements, with the awkward numbers. */
const SIZES = [{ xs: [1, 2, 3.5] }, { xs: [] }, { xs: [-0, 0.1, 1e21, -2] }, { xs: [Number.MAX_SAFE_INTEGER, 0.5, 7] }];
const SIZE = { xs: "number[]" } as const;

/** Keys to look up, with empty and unicode ones. */
const KEYS = [{ keys: ["a", "B", "", "é", "😀"] }, { keys: [] }, { keys: ["x", "x", "undefined", "null"] }];
const KEY = { keys: "string[]" } as const;

export const AI_WORKFLOWS_16: readonly OracleCase[] = [
  /**
   * Overrides that drop trailing parameters (`area(scale)` for `area(scale, unit)`, `describe(prefix)`),
   * called through the base class and through the subclass, and a `clone(): Circle` narrowing `clone(): Shape`.
   */
  ai16(
    "shape-overrides-fewer-parameters-narrower-clone",
    [
      "abstract class Shape {",
      "  abstract area(scale: number, unit: string): number;",
      "  clone(): Shape {",
      "    return this;",
      "  }",
      "  describe(prefix: string, verbose: boolean): string {",
      '    return `${prefix}${verbose ? "area " : ""}${this.area(1, "m")}`;',
      "  }",
      "}",
      "class Circle extends Shape {",
      "  constructor(public r: number) {",
      "    super();",
      "  }",
      "  area(scale: number) {",
      "    return Math.round(Math.PI * this.r * this.r * scale * 1000) / 1000;",
      "  }",
      "  override clone(): Circle {",
      "    return new Circle(this.r);",
      "  }",
      "  override describe(prefix: string) {",
      "    return `${prefix}circle r=${this.r}`;",
      "  }",
      "}",
      "class Square extends Shape {",
      "  constructor(public s: number) {",
      "    super();",
      "  }",
      "  area() {",
      "    return this.s * this.s;",
      "  }",
      "}",
      "const shapes: Shape[] = inputs.xs.map((x, i): Shape => (i % 2 ? new Square(x) : new Circle(x)));",
      "const first = new Circle(inputs.xs[0] ?? 1);",
      "const copy = first.clone();",
      "const sq = new Square(inputs.xs.length);",
      'const lines = shapes.map((s) => `${s.describe("> ", true)} ${s.area(2, "cm")} ${s.clone() === s}`);',
      "return {",
      '  out: `${lines.join(" | ")} / ${copy.r} ${copy === first} ${first.area(3)} ${first.describe("c:")} ${sq.describe("s:", false)} ${sq.clone() === sq} ${sq.area()}`,',
      "};",
    ].join("\n"),
    SIZE,
    OUT,
    SIZES,
  ),
  /**
   * A lookup whose base answers `string | undefined` and whose override always finds (`string`),
   * read as a string through the subclass (`.length`) and with `??` through the base.
   */
  ai16(
    "lookup-override-definite-result",
    [
      "class Lookup {",
      "  protected seen: string[] = [];",
      "  find(key: string): string | undefined {",
      "    this.seen.push(key);",
      "    return undefined;",
      "  }",
      "  count(key: string): number | undefined {",
      "    return key.length > 1 ? undefined : key.length;",
      "  }",
      "  log() {",
      '    return this.seen.join(",");',
      "  }",
      "}",
      "class Upper extends Lookup {",
      "  override find(key: string): string {",
      "    this.seen.push(key);",
      "    return key.toUpperCase();",
      "  }",
      "  override count(key: string) {",
      "    return [...key].length;",
      "  }",
      "}",
      "const plain = new Lookup();",
      "const upper = new Upper();",
      "const all: Lookup[] = [plain, upper];",
      "const parts: string[] = [];",
      "for (const k of inputs.keys) {",
      '  parts.push(all.map((l) => `${l.find(k) ?? "none"}:${l.count(k) ?? -1}`).join("/"));',
      "  parts.push(`${upper.find(k).length}+${upper.count(k) * 2}`);",
      "}",
      'return { out: `${parts.join(" ")} [${plain.log()}] [${upper.log()}]` };',
    ].join("\n"),
    KEY,
    OUT,
    KEYS,
  ),
  /**
   * An override declaring an extra optional parameter (`format(x, digits = 2)` for `format(x)`):
   * refused where the parameter is declared.
   */
  ai16(
    "formatter-override-extra-parameter-refused",
    [
      "class Formatter {",
      "  format(x: number): string {",
      "    return String(x);",
      "  }",
      "}",
      "class Fixed extends Formatter {",
      "  override format(x: number, digits = 2): string {",
      "    return x.toFixed(digits);",
      "  }",
      "}",
      "const fs: Formatter[] = [new Formatter(), new Fixed()];",
      'return { out: inputs.xs.map((x) => fs.map((f) => f.format(x)).join("~")).join(" ") };',
    ].join("\n"),
    SIZE,
    OUT,
    SIZES,
  ),
];
