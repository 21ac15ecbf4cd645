/**
 * @fileoverview Sections with small class hierarchies: a base class implementing an interface,
 * a subclass overriding methods and calling `super` (constructor and methods), getters, static
 * fields and methods, a class outside the hierarchy, an object literal implementing the same
 * interface, a union of class instances (`let best: A | B | null`) chosen in a loop, `instanceof`
 * tests, and function values compared with `===`.
 */
import type { Expr, Stmt, Ty } from "./ast.js";
import type { Random } from "./random.js";
import { raw, type Section, type Sub, some, text } from "./sections.js";

export function classSection(r: Random, sub: Sub, id: string): Section {
  const I = `Sh${id}`;
  const A = `Base${id}`;
  const B = `Sub${id}`;
  const O = `Other${id}`;
  const declares: { name: string; ty: Ty }[] = [];
  const name = (suffix: string, ty: Ty) => {
    const n = `c${id}${suffix}`;
    declares.push({ name: n, ty });
    return n;
  };
  const k = () => r.pick(["2", "0.5", "3", "(-1)", "10"]);
  const getter = r.chance(0.6);
  const statics = r.chance(0.6);
  const superMethod = r.chance(0.7);
  const stmts: Stmt[] = [
    text(`interface ${I} { area(): number; label(): string }`),
    text(
      `class ${A} implements ${I} {`,
      ...(statics ? ["  static made = 0;", `  static readonly unit: string = ${r.pick(['"u"', '"cm"', '""'])};`] : []),
      "  protected w: number;",
      "  constructor(w: number) {",
      "    this.w = w;",
      ...(statics ? [`    ${A}.made++;`] : []),
      "  }",
      `  area(): number { return this.w ${r.pick(["*", "+", "-", "/"])} ${k()}; }`,
      `  label(): string { return ${r.pick(["`base:${this.w}`", '"b" + this.area()', "String(this.w)"])}; }`,
      ...(getter ? [`  get twice(): number { return this.area() * 2; }`] : []),
      ...(statics ? [`  static of(w: number): ${A} { return new ${A}(w); }`] : []),
      "}",
    ),
    text(
      `class ${B} extends ${A} {`,
      "  constructor(w: number, readonly h: number) {",
      `    super(${r.pick(["w", "w + h", "-w"])});`,
      "  }",
      superMethod
        ? `  area(): number { return super.area() ${r.pick(["+", "*", "-"])} this.h; }`
        : "  area(): number { return this.w * this.h; }",
      r.chance(0.5)
        ? '  label(): string { return "sub:" + super.label(); }'
        : "  label(): string { return `sub ${this.h}`; }",
      ...(getter && r.chance(0.5) ? ["  get twice(): number { return -this.area(); }"] : []),
      "}",
    ),
    text(
      `class ${O} {`,
      "  constructor(readonly v: number) {}",
      `  area(): number { return this.v; }`,
      `  label(): string { return "other"; }`,
      "}",
    ),
  ];
  const items = `c${id}items`;
  // A union of unrelated classes is refused (ICE3009, "use one type"): rarely, so most compile.
  const other = r.chance(0.15);
  const make = (): string =>
    r.pick([
      `new ${A}(inputs.a)`,
      `new ${B}(inputs.b, ${k()})`,
      other ? `new ${O}(inputs.n)` : `new ${B}(inputs.n, inputs.a)`,
      `new ${B}(${k()}, inputs.a)`,
      statics ? `${A}.of(${k()})` : `new ${A}(${k()})`,
    ]);
  const T = other ? `${A} | ${O}` : A;
  const extra: Expr = sub("num");
  stmts.push(
    raw`const ${items}: (${T})[] = [${make()}, ${make()}, ${make()}];
for (const x of inputs.xs) ${items}.push(x > ${extra} ? new ${B}(x, ${k()}) : new ${other ? O : A}(x));`,
  );
  const pieces: (() => void)[] = [
    // A union of instances, chosen in a loop.
    () => {
      const best = name("best", "str");
      stmts.push(
        text(
          `let c${id}b: ${other ? `${A} | ${O}` : r.chance(0.1) ? `${A} | ${B}` : A} | null = null;`,
          `for (const it of ${items}) if (c${id}b === null || it.area() ${r.pick([">", ">=", "<"])} c${id}b.area()) c${id}b = it;`,
          `const ${best} = c${id}b === null ? "none" : c${id}b.label() + (c${id}b instanceof ${A} ? "!" : "?");`,
        ),
      );
    },
    // instanceof, most derived first or not.
    () =>
      stmts.push(
        text(
          `const ${name("kinds", "strs")} = ${items}.map((it) => (it instanceof ${B} ? "sub" : it instanceof ${A} ? "base" : "other"));`,
        ),
      ),
    () => stmts.push(text(`const ${name("areas", "nums")} = ${items}.map((it) => it.area());`)),
    () => stmts.push(text(`const ${name("labels", "str")} = ${items}.map((it) => it.label()).join(",");`)),
    // The interface, implemented by a class and by an object literal.
    () => {
      const all = name("shapes", "str");
      stmts.push(
        raw`const c${id}lit: ${I} = { area: () => ${sub("num")}, ${r.chance(0.2) ? 'label() { return "lit" + this.area(); }' : 'label: () => "lit"'} };
const c${id}sh: ${I}[] = [c${id}lit, ...${items}.filter((it): it is ${A} => it instanceof ${A})];
const ${all} = c${id}sh.map((s) => \`\${s.label()}=\${s.area()}\`).join(";");`,
      );
    },
    ...(getter
      ? [
          () =>
            stmts.push(
              text(
                `const ${name("tw", "nums")} = ${items}.filter((it) => it instanceof ${A}).map((it) => (it as ${A}).twice);`,
              ),
            ),
        ]
      : []),
    ...(statics ? [() => stmts.push(text(`const ${name("made", "str")} = ${A}.made + ${A}.unit;`))] : []),
    // Function values compared with ===.
    () => {
      const same = name("same", "str");
      stmts.push(
        text(
          // A `function` (or `const` arrow) used as a value is refused here: rarely.
          `let c${id}dbl = (x: number): number => x * 2;`,
          r.chance(0.15)
            ? `function c${id}inc(x: number): number { return x + 1; }`
            : `let c${id}inc = (x: number): number => x + 1;`,
          `const c${id}fs: ((x: number) => number)[] = [c${id}dbl, c${id}inc, c${id}dbl, (x) => x * 2];`,
          `const c${id}pick = ${r.pick([`c${id}fs[${r.int(4)}]!`, `c${id}dbl`, `c${id}inc`])};`,
          `const ${same} = c${id}fs.map((f) => (f === c${id}pick ? "=" : "") + f(inputs.a)).join();`,
        ),
      );
    },
  ];
  for (const piece of some(r, pieces, 0.4)) piece();
  return { stmts, declares };
}
