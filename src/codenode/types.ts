/**
 * @fileoverview Value types of lowered code: what a TypeScript type (from the checker) or a
 * schema type is at run time in the sandbox, and its AssemblyScript spelling. `number` is f64
 * (integer literals and `integer` fields included), `T | undefined` of a number or boolean is a
 * nullable box, of a string/array/object/Map/Set the nullable reference. Object shapes become
 * generated classes, one per distinct shape (field names and types), shared by the schema codec.
 * The value type of a checker type is fromChecker.ts's.
 */
import type { ts } from "ts-morph";
import type { SchemaType } from "../../runtime/schema.js";
import { type FunctionShape, FunctionRegistry } from "./functionTypes.js";

export type { FunctionShape };

export type ValueType =
  | { readonly kind: "number" }
  | { readonly kind: "boolean" }
  | { readonly kind: "string" }
  | { readonly kind: "void" }
  | { readonly kind: "array"; readonly element: ValueType }
  | { readonly kind: "map"; readonly key: ValueType; readonly value: ValueType }
  | { readonly kind: "set"; readonly element: ValueType }
  | { readonly kind: "object"; readonly shape: ClassShape }
  /** An object used as a dictionary (`Record<string, T>`, `{ [k: string]: T }`): support/dictionary.ts. */
  | { readonly kind: "dict"; readonly value: ValueType }
  /** A tuple (`[K, V]` of `map.entries()`): a generated class with fields `_0`, `_1`, ... */
  | { readonly kind: "tuple"; readonly elements: readonly ValueType[]; readonly shape: ClassShape }
  /**
   * `T | undefined`, or with `absent: "null"` `T | null` (of a non-primitive T: print/nullable.ts).
   * Both store the absent value as the null reference; the flavour says which JavaScript value it
   * is wherever it is observed (typeof, text, JSON, `=== undefined`, defaults).
   */
  | { readonly kind: "optional"; readonly inner: ValueType; readonly absent?: "null" }
  | { readonly kind: "function"; readonly shape: FunctionShape }
  | { readonly kind: "error" }
  /** A Date (capability `time`): support/dates.ts. */
  | { readonly kind: "date" }
  /** A URL, its URLSearchParams (support/url.ts, support/urlSearchParams.ts). */
  | { readonly kind: "url" }
  | { readonly kind: "urlParams" }

  /** An \`Intl.NumberFormat\`: its locale and options (support/locale.ts). */
  | { readonly kind: "numberFormat" }
  /** A RegExp object, a match array of one (support/regex.ts). */
  | { readonly kind: "regexp" }
  | { readonly kind: "match" }
  /** The \`groups\` of a match (the match itself at run time). */
  | { readonly kind: "groups" }
  /** `any`, `unknown`, unions of primitives: a JSON value (support/json.ts), undefined included. */
  | { readonly kind: "json" }
  /** An iterator kept as a value (`const it = m.keys()`), stepped by `next()`: print/iterators.ts. */
  | { readonly kind: "iterator"; readonly element: ValueType };

export interface ClassShape {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: ValueType }[];
  /** A union of object types (unions.ts): one class, each value tagged with its layout. */
  readonly union?: UnionLayouts;
}

/**
 * The key lists (in JavaScript's order) the values of a union class are built with; a value's
 * `__ice_k` is the index of its own. Grows while the body is printed (print/unions.ts).
 */
export interface UnionLayouts {
  readonly layouts: string[][];
  /** The union's text, for messages. */
  readonly text: string;
}

export const NUMBER: ValueType = { kind: "number" };
export const BOOLEAN: ValueType = { kind: "boolean" };
export const STRING: ValueType = { kind: "string" };
export const VOID: ValueType = { kind: "void" };
export const JSON_VALUE: ValueType = { kind: "json" };

export function isPrimitive(t: ValueType): boolean {
  return t.kind === "number" || t.kind === "boolean";
}

/** Values that are JavaScript objects, equal only to themselves (`===` compares references). */
export function isObjectKind(t: ValueType): boolean {
  return OBJECT_KINDS.has(t.kind);
}
const OBJECT_KINDS = new Set<ValueType["kind"]>([
  "object",
  "array",
  "map",
  "set",
  "dict",
  "tuple",
  "date",
  "url",
  "urlParams",
  "error",
  "numberFormat",
  "regexp",
  "match",
  "groups",
]);

/**
 * Types a Map key or Set element may have: primitives compare by value (SameValueZero), objects by
 * identity, as in JavaScript (support/collections.ts hashes a reference by its address; the
 * allocator never moves an object). Not a match or its groups (one run-time value for two
 * JavaScript objects), nor a tuple (entries of a Map are fresh arrays in JavaScript), nor an
 * optional (undefined and null would share the null reference) or a JSON value (a number inside
 * it is a box, compared by identity).
 */
export function isKeyType(t: ValueType): boolean {
  return t.kind === "number" || t.kind === "string" || t.kind === "boolean" || KEY_OBJECTS.has(t.kind);
}
const KEY_OBJECTS = new Set<ValueType["kind"]>(
  [...OBJECT_KINDS].filter((k) => !["match", "groups", "tuple"].includes(k)),
);

export function optional(t: ValueType): ValueType {
  // A JSON value holds undefined itself; `T | null` or undefined is three states (nullish).
  if (t.kind === "optional" && t.absent === "null") return { kind: "optional", inner: t };
  return t.kind === "optional" || t.kind === "json" ? t : { kind: "optional", inner: t };
}

/**
 * `T | null | undefined` of a non-primitive T (print/nullish.ts): `T | null` or undefined, an
 * optional whose inner is the nullable, stored boxed (`__ice_Box<T | null> | null`: the null
 * reference is undefined, a box holding null is null).
 */
export function nullish(t: ValueType): ValueType {
  return { kind: "optional", inner: nullable(t) };
}

/** True for `T | null | undefined` (an optional of a nullable: print/nullish.ts). */
export function isNullish(t: ValueType): boolean {
  return t.kind === "optional" && t.inner.kind === "optional";
}

/** True when an optional of `t` is stored boxed (`__ice_Box<T> | null`): numbers, booleans, `T | null`. */
export function isBoxed(t: ValueType): boolean {
  return isPrimitive(t) || isNullable(t);
}

/** `T | null` (print/nullable.ts): the optional whose absent value is JavaScript's null. */
export function nullable(t: ValueType): ValueType {
  return { kind: "optional", inner: t, absent: "null" };
}

/** True for `T | null` (an optional whose absent value is null, not undefined). */
export function isNullable(t: ValueType): boolean {
  return t.kind === "optional" && t.absent === "null";
}

/** Structural identity. */
export function typeKey(t: ValueType): string {
  switch (t.kind) {
    case "array":
    case "set":
    case "iterator":
      return `${t.kind}<${typeKey(t.element)}>`;
    case "map":
      return `map<${typeKey(t.key)},${typeKey(t.value)}>`;
    case "object":
    case "function":
      return t.shape.name;
    case "dict":
      return `dict<${typeKey(t.value)}>`;
    case "tuple":
      return `[${t.elements.map(typeKey).join(",")}]`;
    case "optional":
      return `${typeKey(t.inner)}${t.absent === "null" ? "?null" : "?"}`;
    default:
      return t.kind;
  }
}

export function sameType(a: ValueType, b: ValueType): boolean {
  return typeKey(a) === typeKey(b);
}

/** The AssemblyScript spelling. */
export function asType(t: ValueType): string {
  switch (t.kind) {
    case "number":
      return "f64";
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "void":
      return "void";
    case "array":
      return `Array<${asType(t.element)}>`;
    case "set":
      return `__ice_Set<${asType(t.element)}>`;
    case "map":
      return `__ice_Map<${asType(t.key)}, ${asType(t.value)}>`;
    case "object":
    case "tuple":
    case "function":
      return t.shape.name;
    case "dict":
      return `__ice_Dict<${asType(t.value)}>`;
    case "optional":
      return isBoxed(t.inner) ? `__ice_Box<${asType(t.inner)}> | null` : `${asType(t.inner)} | null`;
    case "error":
      return "Error";
    case "date":
      return "__ice_Date";
    case "url":
      return "__ice_URL";
    case "urlParams":
      return "__ice_USP";
    case "regexp":
      return "__ice_RegExp";
    case "numberFormat":
      return "__ice_NumFmt";
    case "match":
    case "groups":
      return "__ice_Match";
    case "json":
      return "__ice_J";
    case "iterator":
      return `__ice_Iter<${asType(t.element)}>`;
  }
}

/** The zero value a declared-but-unassigned local starts with (never read: tsc checks definite assignment). */
export function zeroValue(t: ValueType): string {
  switch (t.kind) {
    case "number":
      return "0.0";
    case "boolean":
      return "false";
    case "string":
      return '""';
    case "optional":
      return "null";
    case "json":
      return "__ice_j_undef()";
    default:
      return `__ice_none<${asType(t)}>()`;
  }
}

/** Generated classes, one per shape. */
export class ClassRegistry {
  /** Classes declared in the body (print/classes.ts): their instances' shapes, by class symbol. */
  readonly userClasses = new Map<ts.Symbol, ClassShape>();
  /** Generic classes declared in the body (print/genericClasses.ts): the value type of a type naming an instance. */
  readonly genericClasses = new Map<
    ts.Symbol,
    (
      type: ts.Type,
      convert: (t: ts.Type) => { type: ValueType } | { reason: string },
    ) => { type: ValueType } | { reason: string }
  >();
  private readonly byKey = new Map<string, ClassShape>();
  private readonly order: ClassShape[] = [];
  /** Closure classes, one per function signature (functionTypes.ts). */
  readonly functions = new FunctionRegistry();
  /** Members of unions of object types (and the unions), by checker type: their union's class (unions.ts). */
  readonly unionClasses = new Map<ts.Type, ClassShape>();

  /**
   * A new class for a union of object types, its slots filled by settleUnion once they are known
   * (a slot may hold the union itself: `{ k: 'add'; l: Expr; r: Expr }`).
   */
  provisionalUnion(text: string): ClassShape {
    const shape: ClassShape = { name: `__ice_U${this.order.length}`, fields: [], union: { layouts: [], text } };
    this.order.push(shape);
    return shape;
  }

  /**
   * Gives a provisional union class its slots; unions with the same slots share a class (an
   * inferred `(A | B)[]` is a declared `Ev[]`), unless something already refers to this one
   * (`referenced`: a recursive union). Returns the class to use.
   */
  settleUnion(
    shape: ClassShape,
    fields: readonly { name: string; type: ValueType }[],
    referenced: boolean,
  ): ClassShape {
    const sorted = [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const key = `union:${sorted.map((f) => `${f.name}:${typeKey(f.type)}`).join(";")}`;
    const found = this.byKey.get(key);
    if (found && !referenced) {
      this.dropUnion(shape);
      return found;
    }
    (shape as { fields: readonly { name: string; type: ValueType }[] }).fields = fields;
    if (!found) this.byKey.set(key, shape);
    return shape;
  }

  /** Forgets a provisional union class (its union had no class after all). */
  dropUnion(shape: ClassShape): void {
    const i = this.order.indexOf(shape);
    if (i >= 0) this.order.splice(i, 1);
  }

  /** The class of a shape whose fields are given (in any order). */
  shape(fields: readonly { name: string; type: ValueType }[]): ClassShape {
    const sorted = [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const key = sorted.map((f) => `${f.name}:${typeKey(f.type)}`).join(";");
    let found = this.byKey.get(key);
    if (!found) {
      found = { name: `__ice_O${this.order.length}`, fields: sorted };
      this.byKey.set(key, found);
      this.order.push(found);
    }
    return found;
  }

  /**
   * Declares the class of a recursive shape (recursiveShapes.ts names it before its fields are
   * known); a shape of the same fields found later is this class.
   */
  adopt(shape: ClassShape): void {
    const key = shape.fields.map((f) => `${f.name}:${typeKey(f.type)}`).join(";");
    if (!this.byKey.has(key)) this.byKey.set(key, shape);
    this.order.push(shape);
  }

  /** The class of a tuple type (fields `_0`, `_1`, ... in order). */
  tuple(elements: readonly ValueType[]): ValueType {
    const key = `tuple:${elements.map(typeKey).join(",")}`;
    let found = this.byKey.get(key);
    if (!found) {
      found = { name: `__ice_T${this.order.length}`, fields: elements.map((type, i) => ({ name: `_${i}`, type })) };
      this.byKey.set(key, found);
      this.order.push(found);
    }
    return { kind: "tuple", elements, shape: found };
  }

  /** The value type of a schema type. */
  fromSchema(type: SchemaType, nested = false): ValueType {
    switch (type.kind) {
      case "string":
        return STRING;
      case "number":
      case "integer":
        return NUMBER;
      case "boolean":
        return BOOLEAN;
      case "array":
        return { kind: "array", element: this.fromSchema(type.element, true) };
      case "object":
        if (nested && type.fields.length === 0) return JSON_VALUE;
        return {
          kind: "object",
          shape: this.shape(
            type.fields.map((f) => {
              const inner = this.fromSchema(f.type, true);
              return { name: f.name, type: f.optional ? optional(inner) : inner };
            }),
          ),
        };
      case "any":
        return JSON_VALUE;
    }
  }

  /** Class declarations (a constructor taking every field, in the shape's order). */
  declarations(): string {
    return this.order
      .map((c) => {
        if (c.union) return unionDeclaration(c);
        const params = c.fields.map((f, i) => `f${i}: ${asType(f.type)}`).join(", ");
        const fields = c.fields.map((f) => `  ${f.name}: ${asType(f.type)};`).join("\n");
        const body = c.fields.map((f, i) => `this.${f.name} = f${i};`).join(" ");
        return `class ${c.name} {\n${fields}\n  constructor(${params}) { ${body} }\n}`;
      })
      .concat(this.functions.declarations())
      .join("\n");
  }
}

/** A union class: its layout tag `__ice_k` first, then the slots (print/unions.ts). */
function unionDeclaration(c: ClassShape): string {
  const params = ["k: i32", ...c.fields.map((f, i) => `f${i}: ${asType(f.type)}`)].join(", ");
  const fields = ["  __ice_k: i32;", ...c.fields.map((f) => `  ${f.name}: ${asType(f.type)};`)].join("\n");
  const body = ["this.__ice_k = k;", ...c.fields.map((f, i) => `this.${f.name} = f${i};`)].join(" ");
  return `class ${c.name} {\n${fields}\n  constructor(${params}) { ${body} }\n}`;
}
