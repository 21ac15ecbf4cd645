/**
 * @fileoverview `structuredClone(v)` of a typed value: a deep copy made by one generated function
 * per type (records, tuples, arrays, Maps, Sets, dictionaries, Dates, optional values, JSON values
 * inside them), with support/clone.ts's memory so a value met twice is copied once and both places
 * hold the same copy, as structuredClone does. The copy of a record has the record's fields in the
 * same order (it is a record of the same shape). Refused: instances of the body's classes
 * (JavaScript's copy is a plain object without the class's methods), Errors, RegExps and functions
 * (JavaScript throws). Every copy is kept in the memory before its parts are copied, so a cycle
 * (a recursive type's object that leads back to itself) is copied as a cycle.
 */
import type { ts } from "ts-morph";
import { asType, type ValueType, typeKey, zeroValue } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { classOfShape } from "./classShapes.js";
import { hoistOnce } from "./jsonConvert.js";
import { perContext } from "./perContext.js";

/** Per body: the copying function of each type (typeKey), named before its body is printed. */
interface CloneState {
  readonly names: Map<string, string>;
}
const STATES = perContext<CloneState>(() => ({ names: new Map() }));

/** `structuredClone(value)` of a typed value (a JSON value takes support/jsonKeys.ts's `__ice_j_clone`). */
export function printTypedClone(ctx: PrintContext, at: ts.Node, value: Printed): Printed {
  const fn = cloneFunction(ctx, at, value.type);
  return { text: `${fn}(${value.text}, new __ice_CloneMemo())`, type: value.type };
}

function cloneFunction(ctx: PrintContext, at: ts.Node, t: ValueType): string {
  const s = STATES.of(ctx);
  const key = typeKey(t);
  let name = s.names.get(key);
  if (name !== undefined) return name;
  // Named first: a recursive type's function calls itself.
  name = `__ice_cl_${s.names.size}`;
  s.names.set(key, name);
  const body = cloneBody(ctx, at, t);
  const T = asType(t);
  hoistOnce(ctx, name, () => `function ${name}(v: ${T}, memo: __ice_CloneMemo): ${T} {\n${body}\n}`);
  return name;
}

function cloneBody(ctx: PrintContext, at: ts.Node, t: ValueType): string {
  const T = asType(t);
  switch (t.kind) {
    case "number":
    case "boolean":
    case "string":
      return "  return v;";
    case "json":
      return "  return __ice_clone_json(v, memo);";
    case "date":
      return "  return __ice_clone_date(v, memo);";
    case "set":
      if (!isScalar(t.element)) return refuseObjectKeys(ctx, at);
      return `  return __ice_clone_set<${asType(t.element)}>(v, memo);`;
    case "array":
      if (t.element.kind === "number" || t.element.kind === "boolean" || t.element.kind === "string")
        return `  return __ice_clone_prim_array<${asType(t.element)}>(v, memo);`;
      return `  return __ice_clone_array<${asType(t.element)}>(v, memo, ${cloneFunction(ctx, at, t.element)});`;
    case "map":
      if (!isScalar(t.key)) return refuseObjectKeys(ctx, at);
      return `  return __ice_clone_map<${asType(t.key)}, ${asType(t.value)}>(v, memo, ${cloneFunction(ctx, at, t.value)});`;
    case "dict":
      return `  return __ice_clone_dict<${asType(t.value)}>(v, memo, ${cloneFunction(ctx, at, t.value)});`;
    case "optional": {
      const inner = t.inner;
      if (inner.kind === "number" || inner.kind === "boolean")
        return `  return v === null ? null : new __ice_Box<${asType(inner)}>(v!.v);`;
      // `T | null | undefined` (print/nullish.ts): the box of a copy of its `T | null`.
      if (inner.kind === "optional")
        return `  return v === null ? null : new __ice_Box<${asType(inner)}>(${cloneFunction(ctx, at, inner)}(v!.v, memo));`;
      return `  return v === null ? null : ${cloneFunction(ctx, at, inner)}(v!, memo);`;
    }
    case "object":
    case "tuple": {
      // A generic class's instances are classes too (classOfShape knows them by their shape's name).
      if ([...ctx.classes.userClasses.values()].includes(t.shape) || classOfShape(ctx, t) !== undefined)
        return ctx.refuse(
          at,
          "structuredClone of a class instance (JavaScript's copy is a plain object without the class's methods)",
          "copy it with the class's constructor",
        );
      // A union value's layout (`__ice_k`, unions.ts) is not one of its shape's fields: not copied here.
      if (t.kind === "object" && t.shape.union)
        return ctx.refuse(
          at,
          `structuredClone of a value of the union type '${t.shape.union.text}'`,
          "build the copy as an object literal of the narrowed value",
        );
      // The copy is kept before its fields are copied: a field that leads back to v (a cycle in
      // a recursive type) finds it.
      const fields = t.shape.fields;
      return [
        `  const seen = memo.seen<${T}>(v);`,
        "  if (seen !== null) return seen;",
        `  const c = memo.keep<${T}>(v, new ${T}(${fields.map((f) => zeroValue(f.type)).join(", ")}));`,
        ...fields.map((f) => `  c.${f.name} = ${cloneFunction(ctx, at, f.type)}(v.${f.name}, memo);`),
        "  return c;",
      ].join("\n");
    }
    default:
      return ctx.refuse(
        at,
        `structuredClone of a value of this type (${t.kind})`,
        "clone records, arrays, Maps, Sets, dictionaries, Dates and JSON values",
      );
  }
}

/** A Map key or Set element compared by value (numbers, strings, booleans): copied as it is. */
function isScalar(t: ValueType): boolean {
  return t.kind === "number" || t.kind === "boolean" || t.kind === "string";
}

/**
 * Object keys of a Map or elements of a Set are copied by JavaScript along with the rest of the
 * graph (one copy per object, shared with the values that refer to it); the support library's
 * copies keep the keys as they are.
 */
function refuseObjectKeys(ctx: PrintContext, at: ts.Node): string {
  return ctx.refuse(
    at,
    "structuredClone of a Map or Set whose keys are objects",
    "build the copy with new Map(...) / new Set(...) of copied keys",
  );
}
