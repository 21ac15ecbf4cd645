/**
 * @fileoverview The text of values that are not primitives, for `String(x)`, templates and `+`
 * (expressions.ts asText) and `join` of arrays of them (arrayMethods.ts), as JavaScript's
 * ToString gives it: a plain object is "[object Object]", an array its elements' texts joined
 * with "," (an undefined or null element is ""; nested arrays the same way), a Map or Set
 * "[object Map]" / "[object Set]", an instance of a body class the result of its `toString()`
 * (declared on it or a base class) or "[object Object]". Each type gets one generated function
 * (`__ice_text_N(v)`), so the value is evaluated once. Refused: objects with a `toString` or
 * `valueOf` field, classes with `valueOf`, a `toString` that may throw or that only a subclass
 * declares (the static type does not say which one runs), a static class, functions, dates.
 */
import { protocolOfShape } from "./protocols.js";
import { ts } from "../typescript.js";
import { asType, isNullish, typeKey, type ValueType } from "../types.js";
import { describe, unwrap } from "./coerce.js";
import { type PrintContext, type Printed, shortText } from "./context.js";
import { absentText } from "./nullable.js";
import { classOfShape, classTable, type ClassInfo } from "./classShapes.js";
import { baseClass, isStatic, unitMayThrow } from "./throwAnalysis.js";
import { perContext } from "./perContext.js";

/** Per body: typeKey (and "join:" for arrays with a separator) -> generated function name. */
const FUNCTIONS = perContext(() => new Map<string, string>());

/** The text of a non-primitive value (AssemblyScript expression), or a refusal at `at`. */
export function objectText(ctx: PrintContext, printed: Printed, at: ts.Node): string {
  return `${textFunction(ctx, printed.type, at)}(${printed.text})`;
}

/** `a.join(sep)` of an array whose elements are objects, arrays or may be undefined. */
export function joinObjects(ctx: PrintContext, array: Printed, sep: string, at: ts.Node): string {
  return `${arrayFunction(ctx, array.type, at)}(${array.text}, ${sep})`;
}

/** True for the types objectText converts (the others stay refused by asText). */
export function hasObjectText(t: ValueType): boolean {
  const inner = t.kind === "optional" ? t.inner : t;
  return ["array", "object", "map", "set"].includes(inner.kind);
}

function textFunction(ctx: PrintContext, type: ValueType, at: ts.Node): string {
  const key = `text:${typeKey(type)}`;
  const fns = FUNCTIONS.of(ctx);
  const found = fns.get(key);
  if (found) return found;
  const name = ctx.fresh("text_");
  fns.set(key, name);
  const value =
    type.kind === "optional"
      ? `v === null ? "${absentText(type)}" : ${textOf(ctx, type.inner, unwrap({ text: "v", type }), at)}`
      : textOf(ctx, type, "v", at);
  ctx.hoisted.push(`function ${name}(v: ${asType(type)}): string {\n  return ${value};\n}`);
  return name;
}

/** The function joining an array's elements' texts with a separator. */
function arrayFunction(ctx: PrintContext, type: ValueType, at: ts.Node): string {
  const key = `join:${typeKey(type)}`;
  const fns = FUNCTIONS.of(ctx);
  const found = fns.get(key);
  if (found) return found;
  if (type.kind !== "array") return ctx.refuse(at, `the text of '${shortText(at)}'`, "format the value first");
  const name = ctx.fresh("join_");
  fns.set(key, name);
  const element = type.element;
  if (element.kind === "json") {
    // any[] (and arrays of values that may be null): the JSON values' join (support/jsonOperators.ts).
    ctx.hoisted.push(`function ${name}(v: ${asType(type)}, sep: string): string {\n  return __ice_j_join(v, sep);\n}`);
    return name;
  }
  // Array.prototype.join: an undefined or null element is the empty string.
  const item = isNullish(element)
    ? `e === null || e!.v === null ? "" : ${textOf(ctx, (element as { inner: { inner: ValueType } }).inner.inner, "e!.v!", at)}`
    : element.kind === "optional"
      ? `e === null ? "" : ${textOf(ctx, element.inner, unwrap({ text: "e", type: element }), at)}`
      : textOf(ctx, element, "e", at);
  ctx.hoisted.push(
    [
      `function ${name}(v: ${asType(type)}, sep: string): string {`,
      '  let s = "";',
      "  for (let i = 0; i < v.length; i++) {",
      "    if (i > 0) s += sep;",
      `    const e = v[i];`,
      `    s += ${item};`,
      "  }",
      "  return s;",
      "}",
    ].join("\n"),
  );
  return name;
}

/** The text of value `x` (a name, read any number of times) of type `type`. */
function textOf(ctx: PrintContext, type: ValueType, x: string, at: ts.Node): string {
  switch (type.kind) {
    case "string":
      return x;
    case "number":
    case "boolean":
      return `__ice_str<${asType(type)}>(${x})`;
    case "json":
      return `__ice_j_tostr(${x})`;
    case "error":
      return `__ice_error_text(${x})`;
    case "optional":
      // `T | null | undefined` (print/nullish.ts): a box holding `T | null`, or null for undefined.
      if (isNullish(type))
        return `(${x} === null ? "undefined" : ${x}!.v === null ? "null" : ${textOf(ctx, (type.inner as { inner: ValueType }).inner, `${x}!.v!`, at)})`;
      return `(${x} === null ? "${absentText(type)}" : ${textOf(ctx, type.inner, unwrap({ text: x, type }), at)})`;
    case "array":
      return `${arrayFunction(ctx, type, at)}(${x}, ",")`;
    case "map":
      return '"[object Map]"';
    case "set":
      return '"[object Set]"';
    case "object":
      return shapeText(ctx, type, x, at);
    default:
      return ctx.refuse(
        at,
        `turning a value of type '${describe(type)}' into text`,
        "only strings, numbers, booleans, arrays and objects convert to text; format the value first",
      );
  }
}

function shapeText(ctx: PrintContext, type: ValueType & { kind: "object" }, x: string, at: ts.Node): string {
  const info = classOfShape(ctx, type);
  const protocol = protocolOfShape(ctx, type);
  if (protocol)
    return ctx.refuse(
      at,
      `the text of a value typed as the interface '${protocol.node.name.text}' (its class decides it)`,
      "give the interface a method returning the text, and call it",
    );
  if (!info) {
    const own = type.shape.fields.find((f) => f.name === "toString" || f.name === "valueOf");
    if (own)
      return ctx.refuse(
        at,
        `the text of an object with a '${own.name}' field`,
        "call the function yourself, or format the fields",
      );
    return '"[object Object]"';
  }
  if (type.shape !== info.shape || info.staticsOnly)
    return ctx.refuse(at, "the text of a class", "format the values of its static fields");
  return classText(ctx, info, x, at);
}

/** A body class's instance: its `toString()` when it or a base declares one, else "[object Object]". */
function classText(ctx: PrintContext, info: ClassInfo, x: string, at: ts.Node): string {
  const refuse = (what: string, fix: string) => ctx.refuse(at, what, fix);
  // A subclass's toString runs for its instances (an override of a base's dispatches as a method
  // call does; one only subclasses declare, or a valueOf, the static type does not tell).
  let chainHasToString = false;
  for (let c: ClassInfo | "Error" | undefined = info; c && c !== "Error"; c = c.base)
    if (declared(c.node, ["toString"])) chainHasToString = true;
  for (const cls of bodyClasses(ctx))
    if (
      cls !== info.node &&
      extendsClass(ctx, cls, info.node) &&
      (declared(cls, ["valueOf"]) || (!chainHasToString && declared(cls, ["toString"])))
    )
      return refuse(
        `the text of a '${info.node.name?.text}' when a subclass declares ${chainHasToString ? "valueOf" : "toString or valueOf"}`,
        chainHasToString
          ? "give the subclass a toString() instead"
          : `declare toString() on '${info.node.name?.text}' too`,
      );
  let isError = false;
  for (let c: ClassInfo | "Error" | undefined = info; c; c = c.base) {
    if (c === "Error") {
      isError = true;
      break;
    }
    if (declared(c.node, ["valueOf"]))
      return refuse(`the text of an instance of a class with valueOf`, "call toString() or valueOf() yourself");
    const method = c.node.members.find((m) => memberName(m) === "toString" && !isStatic(m));
    if (!method) continue;
    if (!ts.isMethodDeclaration(method) || method.typeParameters || method.parameters.length > 0)
      return refuse("the text of an instance whose 'toString' is not a plain method", "call it yourself");
    if (unitMayThrow(ctx, method))
      return refuse("the text of an instance whose toString() may throw", "call toString() on the value");
    const returned = ctx.checker.getReturnTypeOfSignature(ctx.checker.getSignatureFromDeclaration(method)!);
    if (!(returned.flags & ts.TypeFlags.StringLike))
      return refuse("the text of an instance whose toString() does not return a string", "call it yourself");
    return `${x}.toString()`;
  }
  if (isError) return `__ice_error_text(${x})`;
  return '"[object Object]"';
}

function memberName(m: ts.ClassElement): string | undefined {
  return m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined;
}

function declared(cls: ts.ClassDeclaration, names: readonly string[]): boolean {
  return cls.members.some((m) => {
    if (isStatic(m)) return false;
    const n = memberName(m);
    return n !== undefined && names.includes(n);
  });
}

function bodyClasses(ctx: PrintContext): ts.ClassDeclaration[] {
  const out: ts.ClassDeclaration[] = [...classTable(ctx).keys()];
  const visit = (n: ts.Node): void => {
    if (ts.isClassDeclaration(n) && !out.includes(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return out;
}

function extendsClass(ctx: PrintContext, cls: ts.ClassDeclaration, base: ts.ClassDeclaration): boolean {
  for (let c = baseClass(ctx, cls); c; c = baseClass(ctx, c)) if (c === base) return true;
  return false;
}
