/**
 * @fileoverview Value types of lowered code: what a TypeScript type (from the checker) or a
 * schema type is at run time in the sandbox, and its AssemblyScript spelling. `number` is f64
 * (integer literals and `integer` fields included), `T | undefined` of a number or boolean is a
 * nullable box, of a string/array/object/Map/Set the nullable reference. Object shapes become
 * generated classes, one per distinct shape (field names and types), shared by the schema codec.
 */
import { ts } from "ts-morph";
import type { SchemaType } from "../../runtime/schema.js";
import { regexValueType } from "./regex/types.js";
import { type FunctionShape, FunctionRegistry, functionFromChecker } from "./functionTypes.js";

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
  | { readonly kind: "optional"; readonly inner: ValueType }
  | { readonly kind: "function"; readonly shape: FunctionShape }
  | { readonly kind: "error" }
  /** A Date (capability `time`): support/dates.ts. */
  | { readonly kind: "date" }

  /** A RegExp object, a match array of one (support/regex.ts). */
  | { readonly kind: "regexp" }
  | { readonly kind: "match" }
  /** The \`groups\` of a match (the match itself at run time). */
  | { readonly kind: "groups" }
  /** `any`, `unknown`, unions of primitives: a JSON value (support/json.ts), undefined included. */
  | { readonly kind: "json" };

export interface ClassShape {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: ValueType }[];
}

export const NUMBER: ValueType = { kind: "number" };
export const BOOLEAN: ValueType = { kind: "boolean" };
export const STRING: ValueType = { kind: "string" };
export const VOID: ValueType = { kind: "void" };
export const JSON_VALUE: ValueType = { kind: "json" };

export function isPrimitive(t: ValueType): boolean {
  return t.kind === "number" || t.kind === "boolean";
}

export function optional(t: ValueType): ValueType {
  // A JSON value holds undefined itself.
  return t.kind === "optional" || t.kind === "json" ? t : { kind: "optional", inner: t };
}

/** Structural identity. */
export function typeKey(t: ValueType): string {
  switch (t.kind) {
    case "array":
    case "set":
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
      return `${typeKey(t.inner)}?`;
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
      return isPrimitive(t.inner) ? `__ice_Box<${asType(t.inner)}> | null` : `${asType(t.inner)} | null`;
    case "error":
      return "Error";
    case "date":
      return "__ice_Date";
    case "regexp":
      return "__ice_RegExp";
    case "match":
    case "groups":
      return "__ice_Match";
    case "json":
      return "__ice_J";
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
  private readonly byKey = new Map<string, ClassShape>();
  private readonly order: ClassShape[] = [];
  /** Closure classes, one per function signature (functionTypes.ts). */
  readonly functions = new FunctionRegistry();

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
        const params = c.fields.map((f, i) => `f${i}: ${asType(f.type)}`).join(", ");
        const fields = c.fields.map((f) => `  ${f.name}: ${asType(f.type)};`).join("\n");
        const body = c.fields.map((f, i) => `this.${f.name} = f${i};`).join(" ");
        return `class ${c.name} {\n${fields}\n  constructor(${params}) { ${body} }\n}`;
      })
      .concat(this.functions.declarations())
      .join("\n");
  }
}

/**
 * An object type with an index signature: a dictionary when its keys are strings and it has no
 * named properties (`Record<string, T>`, `{ [k: string]: T }`).
 */
function dictionaryOf(
  checker: ts.TypeChecker,
  type: ts.Type,
  infos: readonly ts.IndexInfo[],
  classes: ClassRegistry,
  depth: number,
  parameters?: TypeParameters,
): Converted {
  const text = checker.typeToString(type);
  const [info] = infos;
  if (infos.length !== 1 || !info || !(info.keyType.flags & ts.TypeFlags.String))
    return { reason: `'${text}' has a key type other than string; use Record<string, T> or a Map` };
  if (checker.getPropertiesOfType(type).length > 0)
    return { reason: `'${text}' mixes named fields with an index signature; use one of the two` };
  const value = fromChecker(checker, info.type, classes, depth + 1, parameters);
  if ("reason" in value) return value;
  if (value.type.kind === "void") return { reason: `'${text}' holds no values` };
  return { type: { kind: "dict", value: value.type } };
}

/** Why a TypeScript type has no representation, or the type. */
export type Converted = { readonly type: ValueType } | { readonly reason: string };

/** The value type a type parameter stands for in the instance being printed (generic helpers). */
export type TypeParameters = (parameter: ts.Type) => ValueType | undefined;

/** The value type of a checker type. */
export function fromChecker(
  checker: ts.TypeChecker,
  type: ts.Type,
  classes: ClassRegistry,
  depth = 0,
  parameters?: TypeParameters,
): Converted {
  if (depth > 20) return { reason: "recursive types are not supported" };
  const flags = type.flags;
  if (flags & ts.TypeFlags.TypeParameter || type.isIntersection()) {
    const bound = typeParameter(type, parameters);
    if (bound) return { type: bound };
  }
  if (flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { type: NUMBER };
  if (flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral))
    return { type: STRING };
  if (flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: BOOLEAN };
  if (flags & ts.TypeFlags.Void) return { type: VOID };
  const regex = regexValueType(checker, type);
  if (regex) return { type: regex };
  // Values only a JSON value holds (`undefined` alone, `never` of an empty `[]`), or that may be any of them.
  if (
    flags &
    (ts.TypeFlags.Any |
      ts.TypeFlags.Unknown |
      ts.TypeFlags.Null |
      ts.TypeFlags.NonPrimitive |
      ts.TypeFlags.Undefined |
      ts.TypeFlags.Never)
  )
    return { type: JSON_VALUE };
  if (type.isIntersection()) return { type: JSON_VALUE };
  if (flags & ts.TypeFlags.BigInt) return { reason: "bigint is not supported" };
  if (type.isUnion()) {
    const parts = type.types;
    const hasNull = parts.some((p) => p.flags & ts.TypeFlags.Null);
    const defined = parts.filter((p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null)));
    const converted = defined.map((p) => fromChecker(checker, p, classes, depth + 1, parameters));
    const bad = converted.find((c): c is { reason: string } => "reason" in c);
    if (bad) return bad;
    const types = converted.map((c) => (c as { type: ValueType }).type);
    const first = types[0];
    // A union of primitives of different kinds, or with null, is a JSON value (support/json.ts).
    const primitives = types.every(
      (t) => t.kind === "number" || t.kind === "string" || t.kind === "boolean" || t.kind === "json",
    );
    if ((hasNull || !types.every((t) => first && sameType(t, first))) && primitives) return { type: JSON_VALUE };
    if (hasNull) return { reason: "'null' is supported with strings, numbers and booleans only; use 'undefined'" };
    if (!first) return { reason: "a value that is always 'undefined' is not supported" };
    if (!types.every((t) => sameType(t, first)))
      return { reason: `union type '${checker.typeToString(type)}' is not supported; use one type` };
    return { type: defined.length < parts.length ? optional(first) : first };
  }
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    const inner = fromChecker(checker, element!, classes, depth + 1, parameters);
    if ("reason" in inner) return inner;
    if (inner.type.kind === "optional" || inner.type.kind === "void")
      return { reason: "arrays of values that may be undefined are not supported" };
    return { type: { kind: "array", element: inner.type } };
  }
  const symbol = type.getSymbol();
  const name = symbol?.getName();
  if (checker.isTupleType(type)) {
    const target = (type as ts.TypeReference).target as ts.TupleType;
    if (target.elementFlags.some((f) => !(f & ts.ElementFlags.Required)))
      return { reason: "tuples with optional or rest elements are not supported; use an array or an object" };
    const converted = checker
      .getTypeArguments(type as ts.TypeReference)
      .slice(0, target.elementFlags.length)
      .map((a) => fromChecker(checker, a, classes, depth + 1));
    const bad = converted.find((c): c is { reason: string } => "reason" in c);
    if (bad) return bad;
    return { type: classes.tuple(converted.map((c) => (c as { type: ValueType }).type)) };
  }
  if (
    (name === "IterableIterator" || name === "Iterable" || name === "IteratorObject") &&
    symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))
  )
    return {
      reason:
        "an iterator is used only directly: `for (const x of m.keys())`, `[...m.keys()]` or `Array.from(m.keys())`",
    };
  if (
    (name === "Map" || name === "Set") &&
    symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))
  ) {
    const args = checker.getTypeArguments(type as ts.TypeReference);
    const converted = args.map((a) => fromChecker(checker, a, classes, depth + 1, parameters));
    const bad = converted.find((c): c is { reason: string } => "reason" in c);
    if (bad) return bad;
    const [a, b] = converted.map((c) => (c as { type: ValueType }).type);
    for (const t of [a, b])
      if (t && (t.kind === "optional" || t.kind === "void"))
        return { reason: `${name} entries that may be undefined are not supported` };
    if (a && a.kind !== "number" && a.kind !== "string" && a.kind !== "boolean" && name === "Map")
      return { reason: "Map keys must be numbers, strings or booleans" };
    if (a && a.kind !== "number" && a.kind !== "string" && a.kind !== "boolean" && name === "Set")
      return { reason: "Set elements must be numbers, strings or booleans" };
    return name === "Map" ? { type: { kind: "map", key: a!, value: b! } } : { type: { kind: "set", element: a! } };
  }
  const userClass = symbol && classes.userClasses.get(symbol);
  if (userClass) return { type: { kind: "object", shape: userClass } };
  if (name === "Error") return { type: { kind: "error" } };
  if (name === "Date" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
    return { type: { kind: "date" } };
  if (name === "ArrayWithHoles")
    return {
      reason:
        "`new Array(n)` holds holes: write `new Array(n).fill(value)` or `Array.from({ length: n }, (_, i) => ...)`",
    };
  // Plugin modules (lib/plugin.ts): a promise is its value, since every one is awaited where it is made.
  if (name === "Promise" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))) {
    const [inner] = checker.getTypeArguments(type as ts.TypeReference);
    return inner ? fromChecker(checker, inner, classes, depth + 1) : { reason: "a promise of nothing" };
  }
  if (
    flags & ts.TypeFlags.Object ||
    (type.isIntersection() && type.types.every((t) => t.flags & ts.TypeFlags.Object))
  ) {
    if (type.getCallSignatures().length > 0)
      return functionFromChecker(checker, type, classes.functions, (t) =>
        fromChecker(checker, t, classes, depth + 1, parameters),
      );
    const indexInfos = checker.getIndexInfosOfType(type);
    if (indexInfos.length > 0) return dictionaryOf(checker, type, indexInfos, classes, depth, parameters);
    const fields: { name: string; type: ValueType }[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (
        !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(property.name) ||
        property.name.startsWith("__ice") ||
        property.name === "__proto__"
      )
        return { reason: `property name '${property.name}' is not supported` };
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      const converted = fromChecker(checker, propertyType, classes, depth + 1, parameters);
      if ("reason" in converted) return converted;
      const optionalProperty = (property.flags & ts.SymbolFlags.Optional) !== 0;
      fields.push({ name: property.name, type: optionalProperty ? optional(converted.type) : converted.type });
    }
    // `{}` (an empty object type, or `unknown` narrowed to non-nullish): any JSON value but null and undefined.
    if (fields.length === 0) return { type: JSON_VALUE };
    return { type: { kind: "object", shape: classes.shape(fields) } };
  }
  return { reason: `type '${checker.typeToString(type)}' is not supported` };
}

/** A type parameter (or `T & {}`, a narrowed one) bound in the instance being printed. */
function typeParameter(type: ts.Type, parameters: TypeParameters | undefined): ValueType | undefined {
  if (!parameters) return undefined;
  if (type.flags & ts.TypeFlags.TypeParameter) return parameters(type);
  if (type.isIntersection()) {
    const params = type.types.filter((t) => t.flags & ts.TypeFlags.TypeParameter);
    const rest = type.types.filter((t) => !(t.flags & ts.TypeFlags.TypeParameter));
    if (params.length === 1 && rest.every((t) => t.flags & ts.TypeFlags.Object && t.getProperties().length === 0))
      return parameters(params[0]!);
  }
  return undefined;
}
