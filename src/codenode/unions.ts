/**
 * @fileoverview Unions of object types (`{ kind: 'click'; x: number } | { kind: 'key'; key: string }`,
 * `{ ok: true; value: T } | { ok: false; error: string }`): one generated class per union holding
 * every member's fields ("slots"), and every member type (what the checker gives a value narrowed
 * by `e.kind === 'key'`, `'key' in e`, `if (r.ok)`, a type guard) is that same class, so a value
 * never changes representation when it is narrowed or widened. A field several members have
 * shares one slot, which needs one value type (else the union is refused); a slot is optional
 * (`T | undefined`) unless every member requires it. Each value also carries the layout it was
 * built with (`__ice_k`: the index of its own key list, in JavaScript's order, print/unions.ts),
 * so `JSON.stringify`, `Object.keys` and `in` see exactly its own keys.
 *
 * Unions written as types in the body are registered before printing (registerUnions), those
 * sharing a member as one class; unions met only later (inferred from literals) are registered
 * when first converted. fromChecker.ts asks here in its union branch, and maps a registered
 * member type to its union's class in its object branch.
 */
import { ts } from "./typescript.js";
import { fromChecker, type TypeParameters } from "./fromChecker.js";
import { type ClassRegistry, type ClassShape, isNullable, optional, sameType, type ValueType } from "./types.js";

/** The most slots a union class may have (a value's keys are a 64-bit mask of them). */
const MAX_SLOTS = 64;

/** An object type a union class can hold: named fields only (no call or index signature, not a library or body class). */
function isPlainObject(checker: ts.TypeChecker, type: ts.Type, classes: ClassRegistry): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return false;
  if (type.getCallSignatures().length > 0 || checker.getIndexInfosOfType(type).length > 0) return false;
  const symbol = type.getSymbol();
  if (symbol && classes.userClasses.has(symbol)) return false;
  if (symbol?.declarations?.some((d) => d.getSourceFile().fileName.includes("lib."))) return false;
  return checker.getPropertiesOfType(type).length > 0;
}

const NULLISH = ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null;

/** The members of a union other than undefined and null. */
function definedMembers(type: ts.UnionType): ts.Type[] {
  return type.types.filter((p) => !(p.flags & NULLISH));
}

/** The object members of a union, when it has two or more and nothing else (but undefined/null). */
function objectMembers(checker: ts.TypeChecker, type: ts.UnionType, classes: ClassRegistry): ts.Type[] | undefined {
  const defined = definedMembers(type);
  if (defined.length < 2 || !defined.every((p) => isPlainObject(checker, p, classes))) return undefined;
  if (defined.every((p) => sameFields(checker, p, defined[0]!))) return undefined;
  return defined;
}

/**
 * True when two object types have the same fields, of the very same types (`Doc | typeof
 * inputs.docs[0]` spelled twice): one plain class holds both, as before unions had classes.
 */
function sameFields(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  const pa = checker.getPropertiesOfType(a);
  const pb = checker.getPropertiesOfType(b);
  if (pa.length !== pb.length) return false;
  return pa.every((p) => {
    const q = pb.find((x) => x.name === p.name);
    return (
      q !== undefined &&
      (p.flags & ts.SymbolFlags.Optional) === (q.flags & ts.SymbolFlags.Optional) &&
      checker.getTypeOfSymbol(p) === checker.getTypeOfSymbol(q)
    );
  });
}

/**
 * Registers the class of a union of object types before fromChecker converts its members (each
 * then converts to that class). A reason when the union has object members but no class.
 */
export function registerObjectUnion(
  checker: ts.TypeChecker,
  type: ts.UnionType,
  classes: ClassRegistry,
  depth: number,
  parameters?: TypeParameters,
): string | undefined {
  if (classes.unionClasses.has(type)) return undefined;
  const text = () => checker.typeToString(type);
  const members = objectMembers(checker, type, classes);
  if (!members) {
    const defined = definedMembers(type);
    const objects = defined.filter((p) => isPlainObject(checker, p, classes));
    if (objects.length > 0 && objects.length < defined.length)
      return `union type '${text()}' mixes object types with other types; use object types only, each with a field that tells them apart (\`{ kind: 'text'; text: string } | { kind: 'n'; n: number }\`)`;
    return undefined;
  }
  const known = members.map((m) => classes.unionClasses.get(m));
  const first = known[0];
  if (first && known.every((k) => k === first)) {
    classes.unionClasses.set(type, first);
    return undefined;
  }
  if (known.some((k) => k))
    return `union type '${text()}' shares some of its members with another union; write both as type aliases in the body`;
  return build(checker, [type], members, classes, depth, parameters, text());
}

/** Makes one class for these unions (their members together) and registers unions and members; or a reason. */
function build(
  checker: ts.TypeChecker,
  unions: readonly ts.Type[],
  members: readonly ts.Type[],
  classes: ClassRegistry,
  depth: number,
  parameters: TypeParameters | undefined,
  text: string,
): string | undefined {
  // The class is registered first: a field may lead back to the union (a recursive union).
  const shape = classes.provisionalUnion(text);
  for (const u of unions) classes.unionClasses.set(u, shape);
  for (const m of members) classes.unionClasses.set(m, shape);
  const unregister = () => {
    for (const [t, s] of classes.unionClasses) if (s === shape) classes.unionClasses.delete(t);
  };
  let done = false;
  try {
    const slots = new Map<string, { type: ValueType; count: number; optional: boolean }>();
    for (const member of members) {
      for (const property of checker.getPropertiesOfType(member)) {
        const name = property.name;
        if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || name.startsWith("__ice") || name === "__proto__")
          return `property name '${name}' is not supported`;
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        const propertyType = declaration
          ? checker.getTypeOfSymbolAtLocation(property, declaration)
          : checker.getTypeOfSymbol(property);
        const optionalProperty = (property.flags & ts.SymbolFlags.Optional) !== 0;
        // `b?: undefined`: how TypeScript marks a field another member of an inferred union has.
        if (optionalProperty && propertyType.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
        const converted = fromChecker(checker, propertyType, classes, depth + 1, parameters);
        if ("reason" in converted) return converted.reason;
        const t = converted.type;
        // `T | null` (nullable.ts) is a slot type of its own; `T | undefined` makes the slot optional.
        const undefinedToo = t.kind === "optional" && t.absent !== "null";
        const defined = undefinedToo ? t.inner : t;
        const slot = slots.get(name);
        if (slot && !sameType(slot.type, defined))
          return `the field '${name}' has different types in the members of union type '${text}'; give the fields different names`;
        if (slot) {
          slot.count++;
          slot.optional ||= optionalProperty || undefinedToo;
        } else slots.set(name, { type: defined, count: 1, optional: optionalProperty || undefinedToo });
      }
    }
    if (slots.size > MAX_SLOTS) return `union type '${text}' has more than ${MAX_SLOTS} fields in all`;
    for (const [name, s] of slots)
      if (isNullable(s.type) && (s.optional || s.count < members.length))
        return `the field '${name}' of union type '${text}' may be null in one member and missing in another; give every member the field, or use undefined instead of null`;
    const fields = [...slots].map(([name, s]) => ({
      name,
      type: s.optional || s.count < members.length ? optional(s.type) : s.type,
    }));
    const settled = classes.settleUnion(
      shape,
      fields,
      fields.some((f) => refersTo(f.type, shape, new Set())),
    );
    if (settled !== shape) {
      unregister();
      for (const u of unions) classes.unionClasses.set(u, settled);
      for (const m of members) classes.unionClasses.set(m, settled);
    }
    done = true;
    return undefined;
  } finally {
    if (!done) {
      unregister();
      classes.dropUnion(shape);
    }
  }
}

/**
 * Registers the unions of object types the body writes as types (`type Ev = A | B`, `(A | B)[]`),
 * before printing: unions sharing a member become one class (a member value is then the same
 * object whichever union it flows into). Unions that cannot have a class are left for
 * fromChecker, which refuses them where they are used.
 */
export function registerUnions(checker: ts.TypeChecker, root: ts.Node, classes: ClassRegistry): void {
  const unions: { type: ts.UnionType; members: ts.Type[] }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isUnionTypeNode(node)) {
      const type = checker.getTypeFromTypeNode(node);
      if (type.isUnion() && !classes.unionClasses.has(type)) {
        const members = objectMembers(checker, type, classes);
        if (members && !members.some((m) => classes.unionClasses.has(m))) unions.push({ type, members });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  // Groups of unions that share members (union-find over the unions).
  const parent = unions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  const owner = new Map<ts.Type, number>();
  unions.forEach((u, i) => {
    for (const m of u.members) {
      const j = owner.get(m);
      if (j === undefined) owner.set(m, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  unions.forEach((_, i) => {
    groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  });
  for (const group of groups.values()) {
    const types = group.map((i) => unions[i]!.type);
    const members = [...new Set(group.flatMap((i) => unions[i]!.members))];
    build(checker, types, members, classes, 0, undefined, types.map((t) => checker.typeToString(t)).join("' and '"));
  }
}

/** True when a value type reaches the class `shape` (through arrays, optionals, fields of other classes). */
function refersTo(t: ValueType, shape: ClassShape, seen: Set<ClassShape>): boolean {
  switch (t.kind) {
    case "object":
    case "tuple":
      if (t.shape === shape) return true;
      if (seen.has(t.shape)) return false;
      seen.add(t.shape);
      return t.shape.fields.some((f) => refersTo(f.type, shape, seen));
    case "array":
    case "set":
      return refersTo(t.element, shape, seen);
    case "optional":
      return refersTo(t.inner, shape, seen);
    case "map":
      return refersTo(t.key, shape, seen) || refersTo(t.value, shape, seen);
    case "dict":
      return refersTo(t.value, shape, seen);
    case "function":
      return true;
    default:
      return false;
  }
}

/** The member types of a union class (for checking a literal builds one of them). */
export function membersOf(classes: ClassRegistry, shape: ClassShape): ts.Type[] {
  return [...classes.unionClasses].filter(([t, s]) => s === shape && !t.isUnion()).map(([t]) => t);
}
