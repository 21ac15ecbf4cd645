/**
 * @fileoverview `JSON.stringify` of a typed value (an array of records, a record, a tuple)
 * written straight into the text (issue 13). The general path converts the value to a JSON value
 * first (jsonConvert.ts: a `__ice_J` per field, an object per record) and prints that; here one
 * writer function per type appends to a text writer (support/text.ts `__ice_Tw`), with each
 * record's `"key":` fragments made at compile time. The text is the same: keys in the order the
 * general path gives them (its keyOrder, integer-like keys first as JavaScript orders them),
 * optional fields left out when undefined, `null` for undefined elements and non-finite numbers,
 * Maps and Sets as `{}`, Dates through their ISO text, indentation (`space`) as JSON.stringify
 * does. A recursive type's writer calls itself. Kinds the general path refuses take the general
 * path.
 */
import { subclassDispatch } from "./classKeys.js";
import { isFunctionField } from "./jsonKeyOrder.js";
import type { ts } from "ts-morph";
import { asType, type ClassShape, isBoxed, typeKey, type ValueType } from "../types.js";
import type { PrintContext } from "./context.js";
import { stringLiteral } from "./expressions.js";
import { unionWriterBody } from "./unionTables.js";
import { perContext } from "./perContext.js";
import { mayCallToJson } from "./toJsonMethods.js";

interface WriterState {
  readonly writers: Map<string, { name: string; type: ValueType; at: ts.Node }>;
  /** Object literals given to JSON.stringify: their keys and the types of their values. */
  readonly literals: { name: string; fields: { key: string; type: ValueType }[] }[];
  counter: number;
}
const STATES = perContext<WriterState>(() => ({ writers: new Map(), literals: [], counter: 0 }));

function state(ctx: PrintContext): WriterState {
  return STATES.of(ctx);
}

/** True when a value of type t can be written directly (no cycle possible, every part known). */
function writable(ctx: PrintContext, t: ValueType, shapes: readonly string[]): boolean {
  switch (t.kind) {
    case "number":
    case "string":
    case "boolean":
    case "json":
    case "map":
    case "set":
    case "error":
    case "date":
    case "url":
    case "urlParams":
      return true;
    case "optional":
      return writable(ctx, t.inner, shapes);
    case "array":
      return writable(ctx, t.element, shapes);
    case "tuple":
      return t.elements.every((e) => writable(ctx, e, shapes));
    case "object":
      // A recursive shape: its writer function calls itself (a cyclic value overflows the stack,
      // a clean node error, where JavaScript throws its cycle TypeError).
      if (shapes.includes(t.shape.name)) return true;
      // A class's toJSON() (toJsonMethods.ts): the general path calls it.
      if (mayCallToJson(ctx, t.shape)) return false;
      return t.shape.fields.every((f) => isFunctionField(f.type) || writable(ctx, f.type, [...shapes, t.shape.name]));
    default:
      return false;
  }
}

/**
 * The text of `JSON.stringify(value, null, gap)` for a typed array, record or tuple, or undefined
 * when the general path must print it.
 */
export function directStringify(
  ctx: PrintContext,
  type: ValueType,
  value: string,
  gap: string,
  at: ts.Node,
): string | undefined {
  // `T | null` (print/nullable.ts): "null", or the value's text.
  if (
    type.kind === "optional" &&
    type.absent === "null" &&
    /^(""|__ice_js_gap_(num|str)\((-?\d+(\.\d+)?|"[\w ]*")\))$/.test(gap)
  ) {
    const temp = ctx.temp(type);
    const inner = directStringify(ctx, type.inner, `${temp}!`, gap, at);
    return inner && `((${temp} = ${value}) === null ? "null" : ${inner})`;
  }
  if (type.kind !== "array" && type.kind !== "object" && type.kind !== "tuple") return undefined;
  if (type.kind === "array" && type.element.kind === "json") return undefined;
  if (!writable(ctx, type, [])) return undefined;
  return `__ice_jw_text_${writer(ctx, type, at)}(${value}, ${gap})`;
}

/**
 * The text of `JSON.stringify({ k: v, ... }, null, gap)` of an object literal whose values are
 * all writable (each printed as its own type: `values`), or undefined. Its values are evaluated in
 * order as the arguments of a writer function made for this literal, then written (JavaScript
 * builds the object first, then prints it: a later value changing an earlier one shows either way).
 */
export function literalStringify(
  ctx: PrintContext,
  keys: readonly string[],
  values: readonly { text: string; type: ValueType }[],
  gap: string,
  at: ts.Node,
): string | undefined {
  if (!values.every((v) => writable(ctx, v.type, []) && v.type.kind !== "void")) return undefined;
  const s = state(ctx);
  const name = `__ice_jwl_${s.literals.length}`;
  s.literals.push({ name, fields: keys.map((key, i) => ({ key, type: values[i]!.type })) });
  for (const v of values) part(ctx, v.type, at);
  return `${name}(${[...values.map((v) => v.text), gap].join(", ")})`;
}

/** The number of the writer function of a container type (its text is made by finishWriters). */
function writer(ctx: PrintContext, t: ValueType, at: ts.Node): number {
  const s = state(ctx);
  const key = typeKey(t);
  let found = s.writers.get(key);
  if (!found) {
    found = { name: String(s.counter++), type: t, at };
    s.writers.set(key, found);
    if (t.kind === "array") part(ctx, t.element, at);
    if (t.kind === "tuple") for (const e of t.elements) part(ctx, e, at);
    if (t.kind === "object") for (const f of t.shape.fields) part(ctx, f.type, at);
  }
  return Number(found.name);
}

function part(ctx: PrintContext, t: ValueType, at: ts.Node): void {
  let inner = t;
  while (inner.kind === "optional") inner = inner.inner;
  if (inner.kind === "object" || inner.kind === "tuple" || (inner.kind === "array" && inner.element.kind !== "json"))
    writer(ctx, inner, at);
}

/** Statements appending the JSON text of e (a defined value of type t, a simple expression). */
function write(ctx: PrintContext, t: ValueType, e: string, indent: string): string {
  switch (t.kind) {
    case "number":
      return `__ice_jw_num(w, ${e});`;
    case "string":
      return `__ice_js_quote(w, ${e});`;
    case "boolean":
      return `w.str(${e} ? "true" : "false");`;
    case "json":
      return `__ice_jw_json(w, ${e}, gap, ${indent});`;
    case "array":
      if (t.element.kind === "json") return `__ice_jw_json(w, __ice_jv_arr(${e}), gap, ${indent});`;
      return `__ice_jw_${writer(ctx, t, ctx.root)}(w, ${e}, gap, ${indent});`;
    case "object":
    case "tuple":
      return `__ice_jw_${writer(ctx, t, ctx.root)}(w, ${e}, gap, ${indent});`;
    case "map":
    case "set":
    case "error":
    case "urlParams":
      return `w.str("{}");`;
    case "url":
      return `__ice_js_quote(w, __ice_url_href(${e}));`;
    case "date":
      return `if (isFinite(${e}.t)) __ice_js_quote(w, __ice_date_iso(${e}.t)); else w.str("null");`;
    case "optional": {
      // The `T | null` inside a `T | null | undefined` that is defined (print/nullish.ts).
      if (t.absent !== "null" || isBoxed(t.inner)) break;
      const n = `${e.replace(/\W/g, "_")}_n`;
      return `{ const ${n} = ${e}; if (${n} === null) w.str("null"); else { ${write(ctx, t.inner, `${n}!`, indent)} } }`;
    }
    default:
      break;
  }
  throw new Error(`jsonWrite: ${t.kind} is not writable`);
}

/** An element of an array or tuple: undefined is `null`. */
function element(ctx: PrintContext, t: ValueType, e: string, indent: string): string {
  if (t.kind === "optional")
    return `if (${e} === null) w.str("null"); else { ${write(ctx, t.inner, unboxed(t, e), indent)} }`;
  if (t.kind === "json") return `if (${e}.k == 0) w.str("null"); else ${write(ctx, t, e, indent)}`;
  return write(ctx, t, e, indent);
}

function unboxed(t: ValueType & { kind: "optional" }, e: string): string {
  return isBoxed(t.inner) ? `${e}!.v` : `${e}!`;
}

/** Whether JSON.stringify may leave a field of type t out (undefined). */
function skippable(t: ValueType): boolean {
  return t.kind === "optional" || t.kind === "json";
}

/** JavaScript's property order: array indices first, ascending, then the others as given. */
function jsOrder(keys: readonly string[]): string[] {
  const index = (k: string): number => (/^(0|[1-9]\d*)$/.test(k) && Number(k) <= 4294967294 ? Number(k) : -1);
  const ints = keys.filter((k) => index(k) >= 0).sort((a, b) => index(a) - index(b));
  return [...ints, ...keys.filter((k) => index(k) < 0)];
}

/**
 * The writer functions, once the whole body is printed. `order` gives a record type's key order
 * (jsonConvert.ts's keyOrder: undefined when it refused, reported there).
 */
export function finishWriters(
  ctx: PrintContext,
  order: (shape: ClassShape, at: ts.Node) => string[] | undefined,
): string[] {
  const s = STATES.peek(ctx);
  if (!s) return [];
  // Literal writers first: the writers they use were registered when they were printed.
  const literals = literalWriters(ctx, s);
  const out: string[] = [];
  // Writers found while generating others are generated too.
  const done = new Set<string>();
  for (let more = true; more; ) {
    more = false;
    for (const [key, { name, type, at }] of [...s.writers]) {
      if (done.has(key)) continue;
      done.add(key);
      more = true;
      const body = writerBody(ctx, type, at, order);
      if (body === undefined) continue;
      const param = `v: ${asType(type)}`;
      out.push(
        `function __ice_jw_${name}(w: __ice_Tw, ${param}, gap: string, indent: string): void {\n${body}\n}`,
        `function __ice_jw_text_${name}(${param}, gap: string): string {\nconst w = new __ice_Tw(256);\n__ice_jw_${name}(w, v, gap, "");\nreturn __ice_tw_take(w);\n}`,
      );
    }
  }
  return [...literals, ...out];
}

function writerBody(
  ctx: PrintContext,
  type: ValueType,
  at: ts.Node,
  order: (shape: ClassShape, at: ts.Node) => string[] | undefined,
): string | undefined {
  const inner = "const inner = gap.length > 0 ? indent + gap : indent;";
  switch (type.kind) {
    case "array":
      return [
        "const n = v.length;",
        "w.unit(91);",
        "if (n > 0) {",
        inner,
        "for (let i = 0; i < n; i++) {",
        "if (i > 0) w.unit(44);",
        "__ice_jw_break(w, gap, inner);",
        "const e = __ice_jw_at(v, i);",
        element(ctx, type.element, "e", "inner"),
        "}",
        "__ice_jw_break(w, gap, indent);",
        "}",
        "w.unit(93);",
      ].join("\n");
    case "tuple": {
      if (type.elements.length === 0) return 'w.str("[]");';
      const lines = ["w.unit(91);", inner];
      type.elements.forEach((t, i) => {
        if (i > 0) lines.push("w.unit(44);");
        lines.push("__ice_jw_break(w, gap, inner);", `{ const e = v._${i}; ${element(ctx, t, "e", "inner")} }`);
      });
      lines.push("__ice_jw_break(w, gap, indent);", "w.unit(93);");
      return lines.join("\n");
    }
    case "object": {
      if (type.shape.union)
        return unionWriterBody(type.shape, (keys) =>
          fieldsBody(
            ctx,
            keys.map((k) => ({ key: k, type: type.shape.fields.find((f) => f.name === k)!.type, value: `v.${k}` })),
          ),
        );
      const keys = order(type.shape, at);
      if (!keys) return undefined;
      const fields = jsOrder(keys).map((k) => {
        const f = type.shape.fields.find((x) => x.name === k)!;
        return { key: f.name, type: f.type, value: `v.${f.name}` };
      });
      // An instance of a subclass: its own class's keys (classKeys.ts).
      const dispatch = subclassDispatch(
        ctx,
        type.shape,
        (sub, value) => `{ __ice_jw_${writer(ctx, sub, at)}(w, ${value}, gap, indent); return; }`,
      );
      return `${dispatch}\n${fieldsBody(ctx, fields)}`;
    }
    default:
      return undefined;
  }
}

/** Statements writing an object of these fields (in JavaScript's order already). */
function fieldsBody(ctx: PrintContext, fields: readonly { key: string; type: ValueType; value: string }[]): string {
  const inner = "const inner = gap.length > 0 ? indent + gap : indent;";
  if (fields.length === 0) return 'w.str("{}");';
  const lines: string[] = [];
  if (!fields.some((f) => skippable(f.type))) {
    // Without indentation: fixed fragments between the values.
    lines.push("if (gap.length == 0) {");
    fields.forEach((f, i) => {
      lines.push(`w.str(${stringLiteral(`${i === 0 ? "{" : ","}${JSON.stringify(f.key)}:`)});`);
      lines.push(write(ctx, f.type, f.value, "indent"));
    });
    lines.push("w.unit(125);", "return;", "}");
  }
  lines.push(inner, "let first = true;", "w.unit(123);");
  for (const f of fields) {
    const member = [
      "if (!first) w.unit(44);",
      "first = false;",
      "__ice_jw_break(w, gap, inner);",
      `w.str(${stringLiteral(`${JSON.stringify(f.key)}:`)});`,
      "if (gap.length > 0) w.unit(32);",
    ].join(" ");
    if (f.type.kind === "optional" && f.type.absent === "null")
      // `T | null` (print/nullable.ts): a null field is written, as `null`.
      lines.push(
        `{ const e = ${f.value}; ${member} if (e === null) w.str("null"); else { ${write(ctx, f.type.inner, unboxed(f.type, "e"), "inner")} } }`,
      );
    else if (f.type.kind === "optional")
      lines.push(
        `{ const e = ${f.value}; if (e !== null) { ${member} ${write(ctx, f.type.inner, unboxed(f.type, "e"), "inner")} } }`,
      );
    else if (f.type.kind === "json")
      lines.push(`{ const e = ${f.value}; if (e.k != 0) { ${member} ${write(ctx, f.type, "e", "inner")} } }`);
    else lines.push(`${member} ${write(ctx, f.type, f.value, "inner")}`);
  }
  lines.push("if (!first) __ice_jw_break(w, gap, indent);", "w.unit(125);");
  return lines.join("\n");
}

/** The writer functions of the object literals given to JSON.stringify. */
function literalWriters(ctx: PrintContext, s: WriterState): string[] {
  return s.literals.map(({ name, fields }) => {
    const params = fields.map((f, i) => `a${i}: ${asType(f.type)}`);
    const order = jsOrder(fields.map((f) => f.key));
    const ordered = order.map((k) => {
      const i = fields.findIndex((f) => f.key === k);
      return { key: k, type: fields[i]!.type, value: `a${i}` };
    });
    const body = fieldsBody(ctx, ordered).replace(/\breturn;/g, "return __ice_tw_take(w);");
    return [
      `function ${name}(${[...params, "gap: string"].join(", ")}): string {`,
      "const w = new __ice_Tw(256);",
      'const indent = "";',
      body,
      "return __ice_tw_take(w);",
      "}",
    ].join("\n");
  });
}
