/**
 * @fileoverview Recursive object types (`type Node = { v: number; kids: Node[] }`, `interface L
 * { head: string; next?: L }`): fromChecker.ts converts an object type's fields one by one, and a
 * field may lead back to a type still being converted. Such a type gets its class (a provisional
 * shape, named at once, fields filled when they are known) before its fields are converted; the
 * shapes that refer to a provisional one are provisional too (their structural key would name a
 * class that may yet be replaced). When the outermost type of the cycle is done, the cycle is
 * closed: its structure, written with back references in place of the repeated types (`^1`), is
 * its canonical key, so the same recursive structure converted again (another conversion of the
 * same alias, a generic instance, a structurally equal declaration) gives the same classes.
 * Function and tuple types that would take a provisional shape are refused by fromChecker.ts.
 */
import type { ts } from "ts-morph";
import type { ClassRegistry, ClassShape, ValueType } from "./types.js";

type Field = { name: string; type: ValueType };
type MutableShape = { name: string; fields: Field[] };

interface Pending {
  readonly shape: MutableShape;
  used: boolean;
}

interface State {
  /** Object types being converted (their fields are not all known yet). */
  readonly pending: Map<ts.Type, Pending>;
  /** Provisional shapes: being converted, or referring to one that is. */
  readonly open: Set<ClassShape>;
  /** Canonical key of a closed cycle's shape -> its class. */
  readonly canonical: Map<string, ClassShape>;
  counter: number;
}

const STATES = new WeakMap<ClassRegistry, State>();

function state(classes: ClassRegistry): State {
  let s = STATES.get(classes);
  if (!s) {
    s = { pending: new Map(), open: new Set(), canonical: new Map(), counter: 0 };
    STATES.set(classes, s);
  }
  return s;
}

/** The provisional class of an object type being converted (a reference back into it), or undefined. */
export function pendingShape(classes: ClassRegistry, type: ts.Type): ValueType | undefined {
  const s = STATES.get(classes);
  const pending = s?.pending.get(type);
  if (!s || !pending) return undefined;
  pending.used = true;
  s.open.add(pending.shape);
  return { kind: "object", shape: pending.shape };
}

/**
 * Converts the fields of an object type (`fields` gives them, or a reason), with the type marked
 * as being converted meanwhile; the value type of the object, or the reason.
 */
export function convertShape(
  classes: ClassRegistry,
  type: ts.Type,
  fields: () => Field[] | { reason: string },
): { type: ValueType } | { reason: string } {
  const s = state(classes);
  const pending: Pending = { shape: { name: `__ice_R${s.counter++}`, fields: [] }, used: false };
  s.pending.set(type, pending);
  let converted: Field[] | { reason: string };
  try {
    converted = fields();
  } finally {
    s.pending.delete(type);
  }
  if (!Array.isArray(converted)) return converted;
  if (converted.length === 0) return { type: { kind: "json" } };
  const sorted = [...converted].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!pending.used && !sorted.some((f) => mentionsOpen(s, f.type)))
    return { type: { kind: "object", shape: classes.shape(sorted) } };
  const shape = pending.shape;
  shape.fields = sorted;
  s.open.add(shape);
  // The provisional shapes this one reaches; it stays provisional while one of them is still being converted.
  const reached = reachable(s, shape);
  const pendingShapes = new Set([...s.pending.values()].map((p) => p.shape as ClassShape));
  if ([...reached].some((r) => pendingShapes.has(r))) return { type: { kind: "object", shape } };
  for (const r of reached) s.open.delete(r);
  const found = s.canonical.get(canonicalKey(s, shape, reached));
  if (found) return { type: { kind: "object", shape: found } };
  for (const r of reached) {
    s.canonical.set(canonicalKey(s, r, reached), r);
    classes.adopt(r);
  }
  return { type: { kind: "object", shape } };
}

/** True when a value type refers to a provisional shape (not looking into other shapes). */
export function mentionsProvisional(classes: ClassRegistry, t: ValueType): boolean {
  const s = STATES.get(classes);
  return !!s && s.open.size > 0 && mentionsOpen(s, t);
}

function mentionsOpen(s: State, t: ValueType): boolean {
  let found = false;
  parts(t, (shape) => {
    if (s.open.has(shape)) found = true;
  });
  return found;
}

/** Calls `visit` with the object shapes a value type holds directly (through arrays, optionals, ...). */
function parts(t: ValueType, visit: (shape: ClassShape) => void): void {
  switch (t.kind) {
    case "object":
      visit(t.shape);
      return;
    case "array":
    case "set":
      parts(t.element, visit);
      return;
    case "optional":
      parts(t.inner, visit);
      return;
    case "map":
      parts(t.key, visit);
      parts(t.value, visit);
      return;
    case "dict":
      parts(t.value, visit);
      return;
    case "tuple":
      for (const e of t.elements) parts(e, visit);
      return;
    case "function":
      for (const p of t.shape.params) parts(p.type, visit);
      parts(t.shape.result, visit);
      return;
    default:
      return;
  }
}

/** The provisional shapes reachable from `from` (itself included). */
function reachable(s: State, from: ClassShape): Set<ClassShape> {
  const out = new Set<ClassShape>();
  const visit = (shape: ClassShape): void => {
    if (out.has(shape) || !s.open.has(shape)) return;
    out.add(shape);
    for (const f of shape.fields) parts(f.type, visit);
  };
  visit(from);
  return out;
}

/** The structure of a cycle's shape, with `^n` for a reference to the n-th enclosing shape. */
function canonicalKey(s: State, root: ClassShape, members: ReadonlySet<ClassShape>): string {
  const stack: ClassShape[] = [];
  const shapeKey = (shape: ClassShape): string => {
    const at = stack.lastIndexOf(shape);
    if (at >= 0) return `^${stack.length - 1 - at}`;
    if (!members.has(shape)) return shape.name;
    stack.push(shape);
    const key = `{${shape.fields.map((f) => `${f.name}:${typeText(f.type)}`).join(";")}}`;
    stack.pop();
    return key;
  };
  const typeText = (t: ValueType): string => {
    switch (t.kind) {
      case "object":
        return shapeKey(t.shape);
      case "array":
      case "set":
        return `${t.kind}<${typeText(t.element)}>`;
      case "optional":
        return `${typeText(t.inner)}?`;
      case "map":
        return `map<${typeText(t.key)},${typeText(t.value)}>`;
      case "dict":
        return `dict<${typeText(t.value)}>`;
      case "tuple":
        return `[${t.elements.map(typeText).join(",")}]`;
      case "function":
        return t.shape.name;
      default:
        return t.kind;
    }
  };
  void s;
  return `rec:${shapeKey(root)}`;
}
