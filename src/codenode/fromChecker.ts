/**
 * @fileoverview The value type of a TypeScript type, as the checker gives it (types.ts has the
 * value types and their AssemblyScript spelling): primitives, unions with undefined, arrays,
 * tuples, Maps, Sets, dictionaries, object shapes, functions, regular expressions, dates, JSON
 * values, and the type parameters of the generic instance being printed; or why the type has no
 * representation in the sandbox.
 */
import { commonClass } from "./classUnions.js";
import { ERROR_SUBCLASSES } from "./lib/exceptions.js";
import { ts } from "./typescript.js";
import { regexValueType } from "./regex/types.js";
import { functionFromChecker } from "./functionTypes.js";
import { convertShape, mentionsProvisional, pendingShape } from "./recursiveShapes.js";
import { absentElement, nullableOf } from "./nullable.js";
import { registerObjectUnion } from "./unions.js";
import { iteratorResultType } from "./iteratorResults.js";
import {
  BOOLEAN,
  type ClassRegistry,
  isKeyType,
  JSON_VALUE,
  NUMBER,
  optional,
  sameType,
  STRING,
  VOID,
  type ValueType,
} from "./types.js";

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
  // `Record<string, unknown>` (or `any`) is a JSON value: an `any` narrowed to it by a type guard,
  // or cast to it, stays the same object, as in JavaScript (a dictionary would be a copy).
  if (value.type.kind === "json") return { type: JSON_VALUE };
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
  if (depth > 40) return { reason: "this type nests too deeply (a type that grows as it recurses)" };
  const flags = type.flags;
  if (flags & ts.TypeFlags.TypeParameter || type.isIntersection()) {
    const bound = typeParameter(type, parameters);
    if (bound) return { type: bound };
  }
  const deferred = libraryConditional(checker, type, parameters);
  if (deferred) return fromChecker(checker, deferred, classes, depth + 1, parameters);
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
  // An intersection of object types (`Doc & { score: number }`, `Object.assign`'s result) is the
  // object of all their fields (below); any other (`string & {}`, a brand) a JSON value.
  if (type.isIntersection() && !type.types.every((t) => t.flags & ts.TypeFlags.Object)) return { type: JSON_VALUE };
  if (flags & ts.TypeFlags.BigInt) return { reason: "bigint is not supported" };
  const result = iteratorResultType(checker, type, classes, (t) =>
    fromChecker(checker, t, classes, depth + 1, parameters),
  );
  if (result) return result;
  if (type.isUnion()) {
    // A union of object types: its class, which each member converts to (unions.ts).
    const objectUnion = registerObjectUnion(checker, type, classes, depth, parameters);
    if (objectUnion) return { reason: objectUnion };
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
    if (hasNull) return nullableOf(checker, type, types);
    if (!first) return { reason: "a value that is always 'undefined' is not supported" };
    if (!types.every((t) => sameType(t, first))) {
      // Instances of classes with a common base or interface: values of that type (classUnions.ts).
      const common = commonClass(checker, defined, classes);
      if (!common) return { reason: `union type '${checker.typeToString(type)}' is not supported; use one type` };
      const value: ValueType = { kind: "object", shape: common };
      return { type: defined.length < parts.length ? optional(value) : value };
    }
    return { type: defined.length < parts.length ? optional(first) : first };
  }
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    const inner = fromChecker(checker, element!, classes, depth + 1, parameters);
    if ("reason" in inner) return inner;
    const absent = absentElement(inner.type, "arrays of values");
    if (absent) return { reason: absent };
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
      .map((a) => fromChecker(checker, a, classes, depth + 1, parameters));
    const bad = converted.find((c): c is { reason: string } => "reason" in c);
    if (bad) return bad;
    if (converted.some((c) => "type" in c && mentionsProvisional(classes, c.type)))
      return { reason: "a tuple inside a recursive type is not supported; use an object with named fields" };
    const elements = converted.map((c) => (c as { type: ValueType }).type);
    // A readonly tuple of one element type (`[...] as const`) is read like an array, and a
    // JavaScript array it is: an array lets it use every array method (`ROLES.includes(x)`).
    const [first] = elements;
    if (
      target.readonly &&
      first &&
      first.kind !== "optional" &&
      first.kind !== "void" &&
      elements.every((e) => sameType(e, first))
    )
      return { type: { kind: "array", element: first } };
    return { type: classes.tuple(elements) };
  }
  if (
    (name === "IterableIterator" || name === "IteratorObject") &&
    symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))
  ) {
    // An iterator kept as a value (print/iterators.ts).
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    const inner = element && fromChecker(checker, element, classes, depth + 1, parameters);
    if (inner && "type" in inner) return { type: { kind: "iterator", element: inner.type } };
    if (inner) return inner;
  }
  if (name === "Iterable" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
    return {
      reason:
        "declare an array instead (`values: readonly number[]`) and pass a Set or an iterator as `[...s]`; an iterator is used only directly: `for (const x of m.keys())`, `[...m.keys()]` or `Array.from(m.keys())`",
    };
  const collection =
    name === "Map" || name === "WeakMap" ? "Map" : name === "Set" || name === "WeakSet" ? "Set" : undefined;
  if (collection && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib."))) {
    const args = checker.getTypeArguments(type as ts.TypeReference);
    const converted = args.map((a) => fromChecker(checker, a, classes, depth + 1, parameters));
    const bad = converted.find((c): c is { reason: string } => "reason" in c);
    if (bad) return bad;
    const [a, b] = converted.map((c) => (c as { type: ValueType }).type);
    for (const t of [a, b]) {
      const absent = t && absentElement(t, `${name} entries`);
      if (absent) return { reason: absent };
    }
    if (a?.kind === "function")
      return {
        reason: `a function as ${collection === "Map" ? "a Map key" : "a Set element"} (keyed by its identity) is not supported; key the entries by a name: \`Map<string, Handler>\``,
      };
    if (a && !isKeyType(a))
      return {
        reason: `${collection === "Map" ? "Map keys" : "Set elements"} must be numbers, strings, booleans or objects of a declared type (records, classes, arrays, Maps, ...), not 'any', 'object' or a value that may be undefined`,
      };
    return collection === "Map"
      ? { type: { kind: "map", key: a!, value: b! } }
      : { type: { kind: "set", element: a! } };
  }
  const userClass = symbol && classes.userClasses.get(symbol);
  if (userClass) return { type: { kind: "object", shape: userClass } };
  const genericClass = symbol && classes.genericClasses.get(symbol);
  if (genericClass) return genericClass(type, (t) => fromChecker(checker, t, classes, depth + 1, parameters));
  const unionClass = classes.unionClasses.get(type);
  if (unionClass) return { type: { kind: "object", shape: unionClass } };
  if (
    name === "Error" ||
    (name &&
      ERROR_SUBCLASSES.includes(name) &&
      symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
  )
    return { type: { kind: "error" } };
  if (name === "Date" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
    return { type: { kind: "date" } };
  if (name === "URL" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
    return { type: { kind: "url" } };
  if (name === "URLSearchParams" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
    return { type: { kind: "urlParams" } };
  if (name === "NumberFormat" && symbol?.declarations?.every((d) => d.getSourceFile().fileName.includes("lib.")))
    return { type: { kind: "numberFormat" } };
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
      return functionFromChecker(checker, type, classes.functions, (t) => {
        const converted = fromChecker(checker, t, classes, depth + 1, parameters);
        return "type" in converted && mentionsProvisional(classes, converted.type)
          ? { reason: "a function type inside a recursive type is not supported; use a method of a class" }
          : converted;
      });
    const indexInfos = checker.getIndexInfosOfType(type);
    if (indexInfos.length > 0) return dictionaryOf(checker, type, indexInfos, classes, depth, parameters);
    // Keys that are not names (`{ "Content-Type": ... }`): a dictionary (below).
    const odd = checker.getPropertiesOfType(type).find((p) => !NAME.test(p.name));
    if (odd) return oddKeysDictionary(checker, type, classes, depth, parameters, odd.name);
    // A type met again while its fields are converted: a recursive type (recursiveShapes.ts).
    const back = pendingShape(classes, type);
    if (back) return { type: back };
    return convertShape(classes, type, () => objectFields(checker, type, classes, depth, parameters));
  }
  return { reason: `type '${checker.typeToString(type)}' is not supported` };
}

/** The fields of an object type, or why one has no representation. */
function objectFields(
  checker: ts.TypeChecker,
  type: ts.Type,
  classes: ClassRegistry,
  depth: number,
  parameters: TypeParameters | undefined,
): { name: string; type: ValueType }[] | { reason: string } {
  {
    const fields: { name: string; type: ValueType }[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      if (!NAME.test(property.name) || property.name.startsWith("__ice") || property.name === "__proto__")
        return { reason: `property name '${property.name}' is not supported` };
      const converted = fromChecker(checker, typeOfProperty(checker, property), classes, depth + 1, parameters);
      if ("reason" in converted) return converted;
      const optionalProperty = (property.flags & ts.SymbolFlags.Optional) !== 0;
      // An absent `toString?` reads Object.prototype's member in JavaScript, not undefined.
      if (optionalProperty && INHERITED.has(property.name))
        return {
          reason: `optional property '${property.name}' (when absent, JavaScript reads Object.prototype's ${property.name})`,
        };
      fields.push({ name: property.name, type: optionalProperty ? optional(converted.type) : converted.type });
    }
    // No fields: `{}` (an empty object type, or `unknown` narrowed to non-nullish) is any JSON
    // value but null and undefined (convertShape).
    return fields;
  }
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Object.prototype's members: an object without its own such key reads them. */
const INHERITED = new Set([
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/** The type of a property of an object type, as declared. */
function typeOfProperty(checker: ts.TypeChecker, property: ts.Symbol): ts.Type {
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  return declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getTypeOfSymbol(property);
}

/**
 * An object type with keys that are not names (`{ "Content-Type": string; "X-Id": string }`,
 * `{ "&": "&amp;" } as const`): a dictionary, whose keys are any text in JavaScript's order, when
 * every field is present and of one type; otherwise why not.
 */
function oddKeysDictionary(
  checker: ts.TypeChecker,
  type: ts.Type,
  classes: ClassRegistry,
  depth: number,
  parameters: TypeParameters | undefined,
  oddName: string,
): Converted {
  let value: ValueType | undefined;
  for (const property of checker.getPropertiesOfType(type)) {
    if (property.name.startsWith("__ice") || property.name === "__proto__")
      return { reason: `property name '${property.name}' is not supported` };
    const converted = fromChecker(checker, typeOfProperty(checker, property), classes, depth + 1, parameters);
    if ("reason" in converted) return converted;
    const optionalProperty = (property.flags & ts.SymbolFlags.Optional) !== 0;
    if (optionalProperty || converted.type.kind === "optional" || (value && !sameType(value, converted.type)))
      return {
        reason: `property name '${oddName}' is supported only in objects whose fields are all present and of one type (a dictionary)`,
      };
    value = converted.type;
  }
  return value ? { type: { kind: "dict", value } } : { type: JSON_VALUE };
}

/**
 * The library's `unknown extends T ? <any form> : <T form>` (lib/objects.ts: `Object.values` and
 * `entries` of an 'any' give 'any' elements) left unresolved inside a generic helper, where `T` is
 * the helper's type parameter (`mapValues<V>(o: Record<string, V>)`): its false branch. The two
 * branches differ only where `T` is `unknown`/`any`, and those are one JSON value here, so the false
 * branch with `T` bound is the instance's type either way.
 */
function libraryConditional(
  checker: ts.TypeChecker,
  type: ts.Type,
  parameters: TypeParameters | undefined,
): ts.Type | undefined {
  if (!parameters || !(type.flags & ts.TypeFlags.Conditional)) return undefined;
  const conditional = type as ts.ConditionalType;
  if (!(conditional.checkType.flags & ts.TypeFlags.Unknown)) return undefined;
  if (!(conditional.extendsType.flags & ts.TypeFlags.TypeParameter)) return undefined;
  // The checker resolves the false branch (instantiated for this use) when it computes the
  // constraint; `resolvedFalseType` is where it keeps it.
  checker.getBaseConstraintOfType(type);
  return conditional.resolvedFalseType;
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
