/**
 * @fileoverview Random programs in the plain subset of code-node bodies: number arithmetic
 * (`/ % **` with negative and fractional operands, Math.*), comparisons, string building
 * (templates, `+` of numbers, String(x), toFixed), arrays of numbers and strings (loops, push,
 * index, length, slice, join, sort with a comparator, map/filter/reduce; spread, Set, Map keys,
 * flatMap, toSorted), JSON text of arrays and records (JSON.stringify, JSON.parse back; an
 * inferred union of object types, spread, with its keys), the
 * host's text functions (encodeURIComponent, localeCompare and toLocaleString with options,
 * URLSearchParams and URL) and
 * UTF-8 byte counts, arrays or null (`T | null`), callbacks that shorten the array they walk (shortening.ts), comparators that are not total orders (orderings.ts), if/else with shadowing block-scoped const/let, bounded for/while/for-of loops, helper functions;
 * and, between top-level statements, sections (sections.ts): `any` from parsed JSON in typed slots
 * and mixed-type arithmetic (anyJson.ts), class hierarchies (classSections.ts), try/catch/finally
 * with Error subclasses (tryCatch.ts), closures made in loops (loopClosures.ts).
 *
 * Programs are valid and terminate by construction: names are scoped as JavaScript scopes them
 * (a block never declares a name it has already read, so no temporal dead zone), loops have
 * literal bounds (at most 5, nested at most twice), nothing is pushed inside a for-of, arrays are
 * only indexed behind a length check, and strings do not grow by repetition.
 */
import { type Expr, expr, leaf, type Program, type Stmt, type Ty } from "./ast.js";
import type { Random } from "./random.js";
import { shorteningBool, shorteningNum, shorteningNums } from "./shortening.js";
import { oddlySorted } from "./orderings.js";
import { urlText } from "./urlTexts.js";
import { anyJsonSection } from "./anyJson.js";
import { classSection } from "./classSections.js";
import { loopClosureSection } from "./loopClosures.js";
import type { SectionMaker } from "./sections.js";
import { tryCatchSection } from "./tryCatch.js";

interface Var {
  readonly name: string;
  readonly ty: Ty;
  readonly mutable: boolean;
  /** A local array made fresh here (never an alias of another), so `push` is safe. */
  readonly pushable: boolean;
  /** The function declaring it (0: the body); only that function assigns or pushes to it. */
  readonly fn?: number;
}

class Scope {
  readonly vars: Var[] = [];
  /** Names read in this block so far (declaring one now would put the read in its dead zone). */
  readonly read = new Set<string>();
  constructor(readonly parent?: Scope) {}

  visible(): Var[] {
    const seen = new Set<string>();
    const out: Var[] = [];
    for (let s: Scope | undefined = this; s; s = s.parent)
      for (const v of s.vars)
        if (!seen.has(v.name)) {
          seen.add(v.name);
          out.push(v);
        }
    return out;
  }

  /** Records a read of `name` in every block up to the one declaring it. */
  markRead(name: string): void {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.some((v) => v.name === name)) return;
      s.read.add(name);
    }
  }

  canDeclare(name: string): boolean {
    return !this.read.has(name) && !this.vars.some((v) => v.name === name);
  }
}

interface Helper {
  readonly name: string;
  readonly arity: number;
}

interface Ctx {
  readonly scope: Scope;
  readonly depth: number;
  readonly loops: number;
  readonly inForOf: boolean;
  /** The function being generated (0: the body itself). */
  readonly fn: number;
}

const NAMES = ["v0", "v1", "v2", "v3", "v4", "v5"];
const NUM_LITERALS = [
  "0",
  "1",
  "2",
  "3",
  "10",
  "0.5",
  "2.5",
  "0.1",
  "0.2",
  "(-1)",
  "(-2.5)",
  "(-0)",
  "1e21",
  "2147483647",
  "2147483648",
  "1000000000",
  "9007199254740991",
  "(1 / 3)",
  "1e-7",
];
const STR_LITERALS = ['""', '"a"', '"-"', '", "', '"x y"', '"héllo"', '"日本"', '"👍🏽"', '"0"'];
const ALL_TYPES: readonly Ty[] = ["num", "str", "bool", "nums", "strs"];
const SECTIONS: readonly SectionMaker[] = [anyJsonSection, classSection, tryCatchSection, loopClosureSection];

/** Generates programs from a random source. */
export class Generator {
  private helpers: Helper[] = [];
  private params = 0;
  /** Closures pushed into `thunks` (declared first) and called at the end: captured bindings. */
  private thunks = false;

  constructor(private readonly r: Random) {}

  program(): Program {
    this.helpers = [];
    this.params = 0;
    this.thunks = this.r.chance(0.3);
    const top = new Scope();
    const ctx: Ctx = { scope: top, depth: 0, loops: 0, inForOf: false, fn: 0 };
    const stmts: Stmt[] = [];
    if (this.thunks)
      stmts.push({ k: "decl", kw: "const", name: "thunks", annot: "(() => number)[]", init: leaf("nums", "[]") });
    const helperCount = this.r.pick([0, 0, 0, 1]);
    for (let i = 0; i < helperCount; i++) stmts.push(this.helper(ctx));
    const count = 1 + this.r.int(5);
    // Sections (sections.ts) stand between top-level statements: none, one or two per program.
    const sections = this.r.pick([0, 1, 1, 2]);
    const at = new Set(Array.from({ length: sections }, () => this.r.int(count + 1)));
    let id = 0;
    for (let i = 0; i <= count; i++) {
      if (at.has(i)) stmts.push(...this.section(ctx, String(id++)));
      if (i < count) stmts.push(...this.stmt(ctx));
    }
    const ret: [string, Expr][] = [];
    const vars = top.visible();
    const fields = 1 + this.r.int(3);
    for (let i = 0; i < fields; i++) {
      const v = vars.length > 0 && this.r.chance(0.6) ? this.r.pick(vars) : undefined;
      if (v) {
        top.markRead(v.name);
        ret.push([`r${i}`, leaf(v.ty, v.name)]);
      } else ret.push([`r${i}`, this.expr(this.r.pick(ALL_TYPES), ctx, 2)]);
    }
    if (this.thunks) ret.push(["rt", leaf("nums", "thunks.map((f) => f())")]);
    return { stmts, ret };
  }

  /** A section of statements (classes, try/catch, `any` from JSON, closures in loops) at the top level. */
  private section(ctx: Ctx, id: string): Stmt[] {
    const make = this.r.pick(SECTIONS);
    const { stmts, declares } = make(this.r, (ty) => this.expr(ty, ctx, 1), id);
    for (const { name, ty } of declares) ctx.scope.vars.push({ name, ty, mutable: false, pushable: false, fn: 0 });
    return [...stmts];
  }

  /** A helper function; one declared after other statements may read (not change) their variables. */
  private helper(ctx: Ctx): Stmt {
    const name = `h${this.helpers.length}`;
    const arity = 1 + this.r.int(2);
    const params = Array.from({ length: arity }, (_, i) => `q${i}`);
    const scope = new Scope(ctx.scope);
    for (const p of params) scope.vars.push({ name: p, ty: "num", mutable: false, pushable: false });
    const inner: Ctx = { scope, depth: 1, loops: 0, inForOf: false, fn: this.helpers.length + 1 };
    const body: Stmt[] = [];
    const n = this.r.int(3);
    for (let i = 0; i < n; i++) body.push(...this.stmt(inner));
    const result = this.expr("num", inner, 2);
    this.helpers.push({ name, arity });
    return { k: "func", name, params, body, result };
  }

  private block(ctx: Ctx, extra: Partial<Ctx> = {}, bind?: Var): Stmt[] {
    const scope = new Scope(ctx.scope);
    if (bind) scope.vars.push(bind);
    const inner: Ctx = { ...ctx, ...extra, scope, depth: ctx.depth + 1 };
    const out: Stmt[] = [];
    const n = 1 + this.r.int(2);
    for (let i = 0; i < n; i++) out.push(...this.stmt(inner));
    return out;
  }

  private stmt(ctx: Ctx): Stmt[] {
    const { scope } = ctx;
    const own = scope.visible().filter((v) => (v.fn ?? 0) === ctx.fn);
    const lets = own.filter((v) => v.mutable && (v.ty === "num" || v.ty === "str"));
    const arrays = own.filter((v) => v.pushable);
    const nested = ctx.depth < 2;
    return this.r.weighted<Stmt[]>([
      [6, () => this.declaration(ctx)],
      [lets.length > 0 ? 4 : 0, () => this.assignment(ctx, this.r.pick(lets))],
      [arrays.length > 0 && !ctx.inForOf ? 2 : 0, () => this.push(ctx, this.r.pick(arrays))],
      [nested ? 2 : 0, () => this.ifStmt(ctx)],
      [nested && ctx.loops < 2 ? 2 : 0, () => this.forStmt(ctx)],
      [nested && ctx.loops < 2 ? 1 : 0, () => this.forOf(ctx)],
      [nested && ctx.loops < 2 ? 1 : 0, () => this.whileStmt(ctx)],
      [ctx.depth === 0 && ctx.fn === 0 && this.helpers.length < 2 ? 1 : 0, () => [this.helper(ctx)]],
      [0.4, () => [{ k: "throw", cond: this.expr("bool", ctx, 2), message: this.expr("str", ctx, 1) }]],
      [this.thunks && ctx.fn === 0 ? (ctx.loops > 0 ? 3 : 1) : 0, () => this.thunk(ctx)],
    ]);
  }

  /** `thunks.push(() => e)`: e is evaluated at the end, over the bindings the closure captured. */
  private thunk(ctx: Ctx): Stmt[] {
    const e = this.r.chance(0.7)
      ? this.expr("num", ctx, 2)
      : expr("num", ["(", ").length"], [this.expr("str", ctx, 2)]);
    return [{ k: "push", name: "thunks", value: expr("num", ["() => ", ""], [e]) }];
  }

  private declaration(ctx: Ctx): Stmt[] {
    const names = NAMES.filter((n) => ctx.scope.canDeclare(n));
    if (names.length === 0) return [];
    const name = this.r.pick(names);
    const ty = this.r.pick<Ty>(["num", "num", "num", "str", "str", "bool", "nums", "strs"]);
    const kw = ty === "num" || ty === "str" ? this.r.pick<"const" | "let">(["const", "let", "let"]) : "const";
    if ((ty === "nums" || ty === "strs") && this.r.chance(0.4)) {
      ctx.scope.vars.push({ name, ty, mutable: false, pushable: true, fn: ctx.fn });
      return [{ k: "decl", kw: "const", name, annot: ty === "nums" ? "number[]" : "string[]", init: leaf(ty, "[]") }];
    }
    // The initialiser must not read the name it declares (it would read the new binding).
    const init = this.expr(ty, ctx, 2, new Set([name]));
    // `const v = "a"` has the literal type "a", and TypeScript refuses `v === "b"` (no overlap).
    const annot =
      this.r.chance(0.3) || (kw === "const" && isLiteral(init))
        ? { num: "number", str: "string", bool: "boolean", nums: "number[]", strs: "string[]" }[ty]
        : undefined;
    ctx.scope.vars.push({ name, ty, mutable: kw === "let", pushable: false, fn: ctx.fn });
    return [{ k: "decl", kw, name, ...(annot && { annot }), init }];
  }

  private assignment(ctx: Ctx, v: Var): Stmt[] {
    ctx.scope.markRead(v.name);
    const op = this.r.pick<"=" | "+=">(["=", "+="]);
    // Strings must not grow exponentially in loops (`s += s`, or `s += t; t += s`): inside a
    // loop, a string assignment reads no string variable that is ever assigned.
    const avoid = new Set([v.name]);
    if (v.ty === "str" && ctx.loops > 0)
      for (const x of ctx.scope.visible()) if (x.mutable && x.ty === "str") avoid.add(x.name);
    const value = this.expr(v.ty, ctx, 2, op === "+=" || ctx.loops > 0 || v.ty === "str" ? avoid : undefined);
    return [{ k: "assign", name: v.name, op, value }];
  }

  private push(ctx: Ctx, v: Var): Stmt[] {
    ctx.scope.markRead(v.name);
    return [{ k: "push", name: v.name, value: this.expr(v.ty === "nums" ? "num" : "str", ctx, 2, new Set([v.name])) }];
  }

  private ifStmt(ctx: Ctx): Stmt[] {
    const cond = this.r.chance(0.3) ? this.mixedCondition(ctx) : this.expr("bool", ctx, 2);
    const yes = this.block(ctx);
    return [{ k: "if", cond, yes, ...(this.r.chance(0.6) && { no: this.block(ctx) }) }];
  }

  /**
   * A condition whose && / || operands have different types (a number, a text, an element that
   * may be missing, a found value): only their truthiness counts (print/expressions.ts).
   */
  private mixedCondition(ctx: Ctx): Expr {
    const operand = (): Expr =>
      this.r.weighted<Expr>([
        [2, () => this.expr("num", ctx, 1)],
        [2, () => this.expr("str", ctx, 1)],
        [1, () => this.expr("bool", ctx, 1)],
        [1, () => expr("num", ["", `[${this.r.pick(["0", "1", "4"])}]`], [this.expr("nums", ctx, 1)])],
        [1, () => expr("num", ["", ".find((fz) => fz > 1)"], [this.expr("nums", ctx, 1)])],
        [
          1,
          () =>
            expr(
              "str",
              ["", "?.[0]"],
              [expr("str", ["", `[${this.r.pick(["0", "2"])}]`], [this.expr("strs", ctx, 1)])],
            ),
        ],
      ]);
    const op = this.r.pick(["&&", "||"]);
    const inner = expr("bool", ["(", ` ${op} `, ")"], [operand(), operand()]);
    return this.r.chance(0.3) ? expr("bool", ["(!", ")"], [inner]) : inner;
  }

  private forStmt(ctx: Ctx): Stmt[] {
    const v = `i${ctx.loops}`;
    const bound = this.r.chance(0.7)
      ? leaf("num", String(this.r.int(6)))
      : expr("num", ["Math.min(", ".length, 5)"], [this.expr(this.r.pick<Ty>(["nums", "strs", "str"]), ctx, 1)]);
    const body = this.block(ctx, { loops: ctx.loops + 1 }, { name: v, ty: "num", mutable: false, pushable: false });
    return [{ k: "for", v, bound, body }];
  }

  private forOf(ctx: Ctx): Stmt[] {
    const v = `e${ctx.loops}`;
    const ty = this.r.pick<Ty>(["nums", "strs"]);
    const arr = this.expr(ty, ctx, 2);
    const body = this.block(
      ctx,
      { loops: ctx.loops + 1, inForOf: true },
      { name: v, ty: ty === "nums" ? "num" : "str", mutable: false, pushable: false },
    );
    return [{ k: "forOf", v, arr, body }];
  }

  private whileStmt(ctx: Ctx): Stmt[] {
    const counter = `w${ctx.loops}`;
    if (!ctx.scope.canDeclare(counter)) return [];
    const bound = 1 + this.r.int(5);
    const body = this.block(ctx, { loops: ctx.loops + 1 });
    ctx.scope.vars.push({ name: counter, ty: "num", mutable: false, pushable: false });
    return [{ k: "while", counter, bound, body }];
  }

  /** An expression of type `ty`; `avoid` is a name it must not read. */
  expr(ty: Ty, ctx: Ctx, budget: number, avoid?: ReadonlySet<string>): Expr {
    const vars = ctx.scope.visible().filter((v) => v.ty === ty && !avoid?.has(v.name));
    const variable = (): Expr => {
      const v = this.r.pick(vars);
      ctx.scope.markRead(v.name);
      return leaf(ty, v.name);
    };
    const sub = (t: Ty) => this.expr(t, ctx, budget - 1, avoid);
    const deep = budget > 0 ? 1 : 0;
    switch (ty) {
      case "num":
        return this.r.weighted<Expr>([
          [3, () => leaf("num", this.r.pick(NUM_LITERALS))],
          [vars.length > 0 ? 5 : 0, variable],
          [3, () => leaf("num", this.r.pick(["inputs.a", "inputs.b", "inputs.n"]))],
          [1 * deep, () => shorteningNum(this.r, sub)],
          // the host's text functions (hostText.ts) and UTF-8 byte counts
          [1 * deep, () => expr("num", ["new TextEncoder().encode(", ").length"], [sub("str")])],
          // Unicode property escapes (regex/unicodeProperty.ts) over the generated text
          [
            1 * deep,
            () =>
              expr(
                "num",
                [
                  "(",
                  `.match(/${this.r.pick(["[\\p{L}\\p{N}]+", "\\p{Lu}", "\\P{L}+", "\\p{Script=Greek}|\\p{Emoji_Presentation}"])}/g${this.r.pick(["u", "iu"])}) ?? []).length`,
                ],
                [sub("str")],
              ),
          ],
          [
            1 * deep,
            () =>
              expr(
                "num",
                [
                  "",
                  `.localeCompare(`,
                  `, ${this.r.pick(['"en"', '"de"', "undefined"])}, ${this.r.pick(['{ sensitivity: "base" }', "{ numeric: true }", '{ sensitivity: "accent", numeric: true }'])})`,
                ],
                [sub("str"), sub("str")],
              ),
          ],
          [
            6 * deep,
            () =>
              expr(
                "num",
                ["(", ` ${this.r.pick(["+", "-", "*", "/", "%", "+", "*"])} `, ")"],
                [sub("num"), sub("num")],
              ),
          ],
          [
            1 * deep,
            () =>
              expr("num", ["(", " ** ", ")"], [sub("num"), leaf("num", this.r.pick(["2", "3", "0.5", "(-1)", "0"]))]),
          ],
          [1 * deep, () => expr("num", ["(-", ")"], [sub("num")])],
          [
            2 * deep,
            () =>
              expr(
                "num",
                [`Math.${this.r.pick(["floor", "ceil", "round", "trunc", "abs", "sign", "sqrt"])}(`, ")"],
                [sub("num")],
              ),
          ],
          [1 * deep, () => expr("num", [`Math.${this.r.pick(["min", "max"])}(`, ", ", ")"], [sub("num"), sub("num")])],
          [2 * deep, () => expr("num", ["", ".length"], [sub(this.r.pick<Ty>(["str", "nums", "strs"]))])],
          [2 * deep, () => this.index("nums", ctx, budget, avoid, "0")],
          [1 * deep, () => expr("num", ["(", " ? ", " : ", ")"], [sub("bool"), sub("num"), sub("num")])],
          [this.helpers.length > 0 ? 2 * deep : 0, () => this.call(ctx, budget, avoid)],
          [1 * deep, () => this.callback("num", "reduce", ctx, budget, avoid)],
          [1 * deep, () => expr("num", ["", ".indexOf(", ")"], [sub("str"), sub("str")])],
          [
            2 * deep,
            () =>
              expr("num", ["(", ` ${this.r.pick(["|", "&", "^", "<<", ">>", ">>>"])} `, ")"], [sub("num"), sub("num")]),
          ],
          [1 * deep, () => expr("num", ["(~", ")"], [sub("num")])],
          [1 * deep, () => expr("num", [this.r.pick(["Number(", "parseFloat(", "parseInt("]), ")"], [sub("str")])],
          [1 * deep, () => expr("num", ["", `.charCodeAt(${this.r.int(3)})`], [sub("str")])],
          [1 * deep, () => expr("num", ["new Set(", ").size"], [sub(this.r.pick<Ty>(["nums", "strs"]))])],
          // Map lookups (SameValueZero: NaN finds NaN, -0 finds 0) and counting into a dictionary
          [
            1 * deep,
            () =>
              expr(
                "num",
                ["(new Map(", ".map((z, zi) => [z, zi] as [number, number])).get(", ") ?? -1)"],
                [sub("nums"), sub("num")],
              ),
          ],
          [1 * deep, () => expr("num", ["", ".lastIndexOf(", ")"], [sub("nums"), sub("num")])],
        ]);
      case "str":
        return this.r.weighted<Expr>([
          [3, () => leaf("str", this.r.pick(STR_LITERALS))],
          [vars.length > 0 ? 4 : 0, variable],
          [2, () => leaf("str", this.r.pick(["inputs.s", "inputs.t"]))],
          [3 * deep, () => expr("str", ["(", " + ", ")"], [sub("str"), sub(this.r.pick<Ty>(["str", "num"]))])],
          // `T | null` of an array (print/nullable.ts): JSON text keeps the null field, typeof is "object"
          [
            1 * deep,
            () => {
              const arr = this.r.pick<Ty>(["nums", "strs"]);
              const annot = arr === "nums" ? "number[]" : "string[]";
              const how = this.r.pick([
                ["JSON.stringify({ v: ", " })"],
                ["typeof ", ""],
                ["String(", " === null)"],
                ["String(", "?.length ?? null)"],
              ]);
              return expr(
                "str",
                [`${how[0]}(`, ` ? `, ` : null as ${annot} | null)${how[1]}`],
                [sub("bool"), sub(arr)],
              );
            },
          ],
          // `T | null | undefined` of an array (print/nullish.ts): three states apart in JSON, typeof, text
          [
            1 * deep,
            () => {
              const arr = this.r.pick<Ty>(["nums", "strs"]);
              const annot = arr === "nums" ? "number[]" : "string[]";
              const how = this.r.pick([
                ["JSON.stringify({ a: 1, v: ", ", b: 2 })"],
                ["typeof ", ""],
                ["String(", " === null)"],
                ["String(", " === undefined)"],
                ["String(", " == null)"],
                ["String(", "?.length)"],
                ["String(", "?.length ?? -1)"],
              ]);
              return expr(
                "str",
                [`${how[0]}((`, ` ? `, ` : `, ` ? null : undefined) as ${annot} | null | undefined)${how[1]}`],
                [sub("bool"), sub(arr), sub("bool")],
              );
            },
          ],
          // Arrays of `T | null` (print/nullish.ts): null elements, type-guard filters, `?? d`
          [
            1 * deep,
            () => {
              const how = this.r.pick([
                ["JSON.stringify(", ")"],
                ["String(", ".filter((x): x is number[] => x !== null).length)"],
                ["JSON.stringify(", ".map((x) => x ?? [-1]))"],
                ["String(", ".indexOf(null))"],
              ]);
              return expr(
                "str",
                [`${how[0]}`, `.map((z, zi) => (z > `, ` ? [z, zi] : null))${how[1]}`],
                [sub("nums"), sub("num")],
              );
            },
          ],
          [2 * deep, () => expr("str", ["(", " + ", ")"], [sub("num"), sub("str")])],
          [2 * deep, () => expr("str", ["`${", "}:${", "}`"], [sub("num"), sub("str")])],
          [3 * deep, () => expr("str", ["String(", ")"], [sub("num")])],
          [2 * deep, () => expr("str", ["(", `).toFixed(${this.r.int(5)})`], [sub("num")])],
          [
            1 * deep,
            () =>
              expr(
                "str",
                [
                  "(",
                  `).${this.r.pick([`toPrecision(${1 + this.r.int(21)})`, `toString(${this.r.pick(["2", "7", "16", "36"])})`, `toExponential(${this.r.int(6)})`])}`,
                ],
                [sub("num")],
              ),
          ],
          [
            2 * deep,
            () =>
              expr(
                "str",
                ["", `.join(${this.r.pick(['","', '""', '" "', '"-"'])})`],
                [sub(this.r.pick<Ty>(["nums", "strs"]))],
              ),
          ],
          [
            1 * deep,
            () =>
              expr(
                "str",
                ["", `.slice(${this.r.pick(["0", "1", "(-2)", "2"])}${this.r.pick(["", ", 3", ", (-1)"])})`],
                [sub("str")],
              ),
          ],
          [
            1 * deep,
            () => expr("str", ["", `.${this.r.pick(["toUpperCase", "toLowerCase", "trim"])}()`], [sub("str")]),
          ],
          [
            1 * deep,
            () =>
              expr(
                "str",
                [
                  "",
                  `.replace(${this.r.pick(["/[aeiou]+/g", "/(\\w)(\\w*)/g", "/\\s+/g", "/x*/g", "/^|$/gm", "/[a-z]/gi", "/\\B(?=(\\d{3})+(?!\\d))/g", "/(?<=[aeiou])\\w|(?<!\\w)(?=\\w)/giu", "/(?=(\\w)(\\w))(?<!\\s)/g"])}, ${this.r.pick(['"-"', '"$2$1"', '"[$&]"', '"$$"', '""'])})`,
                ],
                [sub("str")],
              ),
          ],
          [1 * deep, () => expr("str", ["(", " ? ", " : ", ")"], [sub("bool"), sub("str"), sub("str")])],
          [1 * deep, () => expr("str", [`${this.r.pick(["encodeURIComponent", "encodeURI"])}(`, ")"], [sub("str")])],
          // URLSearchParams and URL (the host's own: urlTexts.ts)
          [1 * deep, () => urlText(this.r, sub)],
          [
            1 * deep,
            () =>
              expr(
                "str",
                [
                  "(",
                  `).toLocaleString(${this.r.pick(['"en-US"', '"de-DE"', "undefined"])}, ${this.r.pick(["{ maximumFractionDigits: 2 }", '{ notation: "compact" }', '{ style: "percent" }'])})`,
                ],
                [sub("num")],
              ),
          ],
          [1 * deep, () => this.index("strs", ctx, budget, avoid, '""')],
          // JSON text of arrays (NaN, Infinity, -0), of typed records, and back through JSON.parse
          [1 * deep, () => expr("str", ["JSON.stringify(", ")"], [sub(this.r.pick<Ty>(["nums", "strs"]))])],
          [
            1 * deep,
            () =>
              expr(
                "str",
                ["JSON.stringify(", `.map((z, zi) => ({ z, at: zi, t: String(z) }))${this.r.pick(["", ", null, 2"])})`],
                [sub(this.r.pick<Ty>(["nums", "strs"]))],
              ),
          ],
          // Text of objects and arrays of them, getters in object literals (objectText.ts, literalGetters.ts)
          [
            1 * deep,
            () =>
              expr(
                "str",
                this.r.pick([
                  ["String(", ".map((z) => ({ z })))"],
                  ["`${", ".map((z) => [[z], [z, z]])}`"],
                  ["", ".map((z) => ({ z, get two() { return `${this.z}|${this.z}`; } })).map((o) => o.two).join(';')"],
                  [
                    "JSON.stringify(",
                    ".map((z, zi) => ({ zi, get k() { return String(this.zi * 2) + this.zi; }, z })))",
                  ],
                ]),
                [sub(this.r.pick<Ty>(["nums", "strs"]))],
              ),
          ],
          // A union of object types inferred from a conditional, spread, its keys and `in` (unions.ts)
          [
            1 * deep,
            () =>
              expr(
                "str",
                [
                  "JSON.stringify(",
                  `.map((z, zi) => (zi % 2 === 0 ? { k: "a", z } : { at: zi, k: "b", z })).map((o) => ({ ...o, keys: Object.keys(o).join(), has: "at" in o }))${this.r.pick(["", ", null, 2"])})`,
                ],
                [sub(this.r.pick<Ty>(["nums", "strs"]))],
              ),
          ],
          [
            1 * deep,
            () =>
              expr(
                "str",
                ["JSON.stringify(JSON.parse(JSON.stringify(", ")))"],
                [sub(this.r.pick<Ty>(["nums", "strs"]))],
              ),
          ],
          [
            1 * deep,
            () =>
              expr(
                "str",
                ["JSON.stringify({ v: ", ", w: ", ", n: ", `, 1: true }${this.r.pick(["", ", null, 1"])})`],
                [sub(this.r.pick<Ty>(["nums", "strs"])), sub("str"), sub("num")],
              ),
          ],
        ]);
      case "bool":
        return this.r.weighted<Expr>([
          [1, () => leaf("bool", this.r.pick(["true", "false"]))],
          [1 * deep, () => expr("bool", ["new Set(", ").has(", ")"], [sub("nums"), sub("num")])],
          [1 * deep, () => shorteningBool(this.r, sub)],
          [1 * deep, () => expr("bool", ["new Set(", ").has(", ")"], [sub("strs"), sub("str")])],
          [vars.length > 0 ? 2 : 0, variable],
          [
            5 * deep,
            () =>
              expr(
                "bool",
                ["(", ` ${this.r.pick(["<", "<=", ">", ">=", "===", "!=="])} `, ")"],
                this.comparable("num", sub),
              ),
          ],
          [2 * deep, () => expr("bool", ["(", ` ${this.r.pick(["===", "!==", "<"])} `, ")"], [sub("str"), sub("str")])],
          [1 * deep, () => expr("bool", ["(!", ")"], [sub("bool")])],
          [2 * deep, () => expr("bool", ["(", ` ${this.r.pick(["&&", "||"])} `, ")"], [sub("bool"), sub("bool")])],
          [1 * deep, () => expr("bool", ["", ".includes(", ")"], [sub("nums"), sub("num")])],
          [
            1 * deep,
            () =>
              expr(
                "bool",
                ["", `.${this.r.pick(["includes", "startsWith", "endsWith"])}(`, ")"],
                this.comparable("str", sub),
              ),
          ],
          [
            1 * deep,
            () => expr("bool", [`Number.${this.r.pick(["isInteger", "isNaN", "isFinite"])}(`, ")"], [sub("num")]),
          ],
          [
            1 * deep,
            () =>
              expr(
                "bool",
                ["Object.hasOwn(Object.fromEntries(", ".map((dk) => [dk, 1])), ", ")"],
                [sub("strs"), sub("str")],
              ),
          ],
        ]);
      case "nums":
        return this.r.weighted<Expr>([
          [2, () => leaf("nums", "inputs.xs")],
          [vars.length > 0 ? 3 : 0, variable],
          [
            1,
            () =>
              leaf(
                "nums",
                `[${Array.from({ length: 1 + this.r.int(4) }, () => this.r.pick(NUM_LITERALS)).join(", ")}]`,
              ),
          ],
          [3 * deep, () => this.callback("nums", "map", ctx, budget, avoid)],
          [2 * deep, () => this.callback("nums", "filter", ctx, budget, avoid)],
          [1 * deep, () => this.callback("nums", "mapLengths", ctx, budget, avoid)],
          [
            1 * deep,
            () =>
              expr(
                "nums",
                ["", `.slice(${this.r.pick(["0", "1", "(-2)"])}${this.r.pick(["", ", 2", ", (-1)"])})`],
                [sub("nums")],
              ),
          ],
          [1 * deep, () => expr("nums", ["", ".concat(", ")"], [sub("nums"), sub("nums")])],
          // iteration and the library (issue 12): sets keep the first of equal values (SameValueZero)
          [1 * deep, () => expr("nums", ["[...new Set(", ")]"], [sub("nums")])],
          [
            1 * deep,
            () =>
              expr("nums", ["[...new Map(", ".map((z, zi) => [z, zi] as [number, number])).values()]"], [sub("nums")]),
          ],
          [1 * deep, () => expr("nums", ["[...", ", ...", "]"], [sub("nums"), sub("nums")])],
          [1 * deep, () => expr("nums", ["", ".flatMap((z) => [z, -z])"], [sub("nums")])],
          [1 * deep, () => shorteningNums(this.r, sub)],
          [1 * deep, () => oddlySorted(this.r, sub)],
          [1 * deep, () => expr("nums", ["", ".toSorted()"], [sub("nums")])],
          [
            2,
            () =>
              leaf(
                "nums",
                this.r.pick([
                  "inputs.xs.slice().sort((p, q) => p - q)",
                  "inputs.xs.slice().sort((p, q) => q - p)",
                  "inputs.xs.slice().reverse()",
                ]),
              ),
          ],
          [
            1 * deep,
            () => expr("nums", ["Object.values(Object.fromEntries(", ".map((dk, di) => [dk, di])))"], [sub("strs")]),
          ],
        ]);
      case "strs":
        return this.r.weighted<Expr>([
          [2, () => leaf("strs", "inputs.ws")],
          [vars.length > 0 ? 3 : 0, variable],
          [2 * deep, () => expr("strs", ["", `.split(${this.r.pick(['" "', '","', '""'])})`], [sub("str")])],
          [
            1 * deep,
            () =>
              expr(
                "strs",
                [
                  "",
                  `.split(${this.r.pick(["/\\s*,\\s*/", "/(,)/", "/(?:)/u", "/\\b/", "/(?<=[.,!?])\\s*/", "/(?=[A-Z])|(?<=\\d)(?!\\d)/u"])}${this.r.pick(["", ", 2"])})`,
                ],
                [sub("str")],
              ),
          ],
          [2 * deep, () => this.callback("strs", "map", ctx, budget, avoid)],
          [1 * deep, () => this.callback("strs", "mapStrings", ctx, budget, avoid)],
          [1 * deep, () => this.callback("strs", "filter", ctx, budget, avoid)],
          [1, () => leaf("strs", this.r.pick(["inputs.ws.slice().sort()", "inputs.ws.slice().reverse()"]))],
          [1 * deep, () => expr("strs", ["[...", "]"], [sub("str")])],
          [1 * deep, () => expr("strs", ["Array.from(new Set(", "))"], [sub("strs")])],
          [
            1 * deep,
            () =>
              expr("strs", ["[...new Map(", ".map((z) => [z, z.length] as [string, number])).keys()]"], [sub("strs")]),
          ],
          // Objects as dictionaries: keys in JavaScript's order (integer-like first), last write wins.
          [1 * deep, () => expr("strs", ["Object.keys(Object.fromEntries(", ".map((dk) => [dk, 0])))"], [sub("strs")])],
        ]);
    }
  }

  /** Two operands for a comparison, not both literals (TypeScript refuses `"a" === "b"`: no overlap). */
  private comparable(ty: "num" | "str", sub: (t: Ty) => Expr): Expr[] {
    const left = sub(ty);
    const right = sub(ty);
    if (!isLiteral(left) || !isLiteral(right)) return [left, right];
    return [left, leaf(ty, ty === "num" ? "inputs.a" : "inputs.s")];
  }

  /** `(A.length > k ? A[k] : fallback)`: never reads past the end. */
  private index(
    ty: "nums" | "strs",
    ctx: Ctx,
    budget: number,
    avoid: ReadonlySet<string> | undefined,
    fallback: string,
  ): Expr {
    const k = String(this.r.int(3));
    const arr = this.expr(ty, ctx, Math.min(budget - 1, 0), avoid);
    return expr(ty === "nums" ? "num" : "str", ["(", `.length > ${k} ? `, `[${k}] : ${fallback})`], [arr, arr]);
  }

  private call(ctx: Ctx, budget: number, avoid: ReadonlySet<string> | undefined): Expr {
    const h = this.r.pick(this.helpers);
    const args = Array.from({ length: h.arity }, () => this.expr("num", ctx, budget - 1, avoid));
    const parts = [`${h.name}(`, ...args.slice(1).map(() => ", "), ")"];
    return expr("num", parts, args);
  }

  /** Array methods with a callback whose parameter is in scope in the callback's body. */
  private callback(
    result: Ty,
    method: "map" | "filter" | "reduce" | "mapLengths" | "mapStrings",
    ctx: Ctx,
    budget: number,
    avoid: ReadonlySet<string> | undefined,
  ): Expr {
    const p = `p${this.params++}`;
    const scope = new Scope(ctx.scope);
    const inner: Ctx = { ...ctx, scope };
    const element: Ty = method === "mapLengths" ? "str" : result === "strs" && method !== "mapStrings" ? "str" : "num";
    scope.vars.push({ name: p, ty: element, mutable: false, pushable: false });
    const source = this.expr(element === "num" ? "nums" : "strs", ctx, budget - 1, avoid);
    switch (method) {
      case "map":
        return expr(result, ["", `.map((${p}) => `, ")"], [source, this.expr(element, inner, budget - 1, avoid)]);
      case "filter": {
        // Sometimes a predicate returning a number or a text: kept by its truthiness.
        const test = this.r.chance(0.3)
          ? this.expr(element, inner, budget - 1, avoid)
          : this.expr("bool", inner, budget - 1, avoid);
        return expr(result, ["", `.filter((${p}) => `, ")"], [source, test]);
      }
      case "mapLengths":
        return expr("nums", ["", `.map((${p}) => `, ")"], [source, expr("num", ["", ".length"], [leaf("str", p)])]);
      case "mapStrings":
        return expr("strs", ["", `.map((${p}) => `, ")"], [source, this.expr("str", inner, budget - 1, avoid)]);
      case "reduce": {
        const acc = `acc${this.params++}`;
        scope.vars.push({ name: acc, ty: "num", mutable: false, pushable: false });
        return expr(
          "num",
          ["", `.reduce((${acc}, ${p}) => `, ", ", ")"],
          [source, this.expr("num", inner, budget - 1, avoid), this.expr("num", ctx, 0, avoid)],
        );
      }
    }
  }
}

/** A literal (its TypeScript type is the literal's own type). */
function isLiteral(e: Expr): boolean {
  const text = e.parts[0]!;
  return e.args.length === 0 && /^(\(?-?[0-9]|"|true$|false$)/.test(text);
}
