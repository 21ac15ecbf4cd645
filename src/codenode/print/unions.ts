/**
 * @fileoverview Values of unions of object types (src/codenode/unions.ts has their classes): an
 * object literal builds one with the keys it writes, in its order, as its layout (`__ice_k`, an
 * index into the class's key lists); a spread `{ ...e, done: true }` of a union value gets its
 * layout at run time from the source's (the key lists are complete once the body is printed, so
 * the layout tables, key lists and key masks are generated at the end: unionTables.ts). What reads
 * the keys uses the value's own layout: `JSON.stringify` (jsonWrite.ts, jsonConvert.ts),
 * `Object.keys`, `for...in`, `'key' in e`. What would add or remove a key (assigning an optional field,
 * `delete`) is refused, as are the object idioms that copy fields without their presence.
 */
import { ts } from "../typescript.js";
import { asType, type ClassShape, type ValueType, zeroValue } from "../types.js";
import { membersOf } from "../unions.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { isPure } from "./operators.js";
import { closureOf } from "./closures.js";
import { knownKeys } from "./shapes.js";
import { layoutOf, type SpreadSite, unionState as state } from "./unionTables.js";

type Shape = Extract<ValueType, { kind: "object" }>;

/** Whether a value of a union class has the slot `name` in its own layout (its key mask). */
export function hasSlot(ctx: PrintContext, shape: ClassShape, value: string, name: string): string {
  state(ctx).masks.add(shape);
  const i = shape.fields.findIndex((f) => f.name === name);
  return `((__ice_um_${shape.name}(${value}.__ice_k) >> ${i}) & 1) != 0`;
}

/** A slot the value does not have (never read: its type says so, or its layout does). */
function absent(t: ValueType): string {
  return zeroValue(t);
}

type Part =
  | { readonly name: string; readonly value: ts.Expression | ts.MethodDeclaration }
  | { readonly spread: ts.Expression };

/** An object literal built as a value of a union class (with or without spreads). */
export function printUnionLiteral(ctx: PrintContext, node: ts.ObjectLiteralExpression, target: Shape): Printed {
  const shape = target.shape;
  const parts: Part[] = node.properties.map((p) => {
    if (ts.isSpreadAssignment(p)) return { spread: p.expression };
    if (ts.isShorthandPropertyAssignment(p)) return { name: p.name.text, value: p.name };
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
      return { name: p.name.text, value: p.initializer };
    if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name) && !p.asteriskToken)
      return { name: p.name.text, value: p };
    return ctx.refuse(
      p,
      "this kind of object property (computed name, accessor)",
      "write `name: value` for each field",
    );
  });
  const slot = (name: string, at: ts.Node) =>
    shape.fields.find((f) => f.name === name) ??
    ctx.refuse(at, `the property '${name}'`, `no member of the union type '${shape.union!.text}' has this field`);
  // Values in the order written; a spread of a union value copies the fields its layout has.
  const current = new Map<string, string>();
  const steps: string[] = [];
  const statics: string[] = [];
  let dynamic: { source: ClassShape; temp: string; before: string[]; after: string[] } | undefined;
  const add = (list: string[], k: string) => {
    if (!list.includes(k)) list.push(k);
  };
  const pure = parts.every((p) => "name" in p && (ts.isMethodDeclaration(p.value) || isPure(p.value)));
  for (const part of parts) {
    if ("name" in part) {
      const field = slot(part.name, node);
      const value = ts.isMethodDeclaration(part.value)
        ? closureOf(ctx, part.value, part.value, field.type).text
        : printTo(ctx, part.value, field.type);
      if (pure) current.set(field.name, value);
      else {
        const t = ctx.temp(field.type);
        steps.push(`${t} = ${value}`);
        current.set(field.name, t);
      }
      if (dynamic) dynamic.after.push(part.name);
      else add(statics, part.name);
      continue;
    }
    const source = printExpr(ctx, part.spread);
    if (source.type.kind !== "object")
      return ctx.refuse(
        part.spread,
        `spreading '${shortText(part.spread)}' here`,
        "spread an object with known fields",
      );
    const s = ctx.temp(source.type);
    steps.push(`${s} = ${source.text}`);
    if (source.type.shape.union) {
      if (dynamic)
        return ctx.refuse(
          part.spread,
          "spreading two values of union types into one object",
          "spread one and write the other's fields",
        );
      const from = source.type.shape;
      dynamic = { source: from, temp: s, before: [...statics], after: [] };
      for (const f of from.fields) {
        const field = slot(f.name, part.spread);
        const value = coerce(ctx, { text: `${s}.${f.name}`, type: f.type }, field.type, part.spread);
        const previous = current.get(field.name);
        // A slot every member of the source has is in every layout of it.
        const always = (f.type.kind !== "optional" || f.type.absent === "null") && f.type.kind !== "json";
        // TypeScript types `{ seq: 0, ...e }` as keeping 0 when `e.seq` is optional; JavaScript copies undefined.
        if (!always && previous !== undefined)
          return ctx.refuse(
            part.spread,
            `spreading '${shortText(part.spread)}', whose optional field '${f.name}' replaces an earlier value (JavaScript copies it even when it holds undefined)`,
            `write the field after the spread: ${f.name}: ${shortText(part.spread)}.${f.name} ?? ...`,
          );
        current.set(
          field.name,
          always ? value : `(${hasSlot(ctx, from, s, f.name)} ? ${value} : ${previous ?? absent(field.type)})`,
        );
      }
      continue;
    }
    const keys = knownKeys(ctx, part.spread, source.type);
    if (!keys)
      return ctx.refuse(
        part.spread,
        `spreading '${shortText(part.spread)}' into a value of a union type (the order of its keys is not known here)`,
        "write its fields one by one",
      );
    for (const k of keys) {
      const field = slot(k, part.spread);
      const from = source.type.shape.fields.find((f) => f.name === k)!;
      current.set(field.name, coerce(ctx, { text: `${s}.${k}`, type: from.type }, field.type, part.spread));
      if (dynamic) dynamic.after.push(k);
      else add(statics, k);
    }
  }
  let layout: string;
  if (dynamic) {
    const { before, after, source } = dynamic;
    const site: SpreadSite = {
      name: `__ice_usp_${state(ctx).sites.length}`,
      target: shape,
      source,
      keys: (sourceKeys) => {
        const keys = [...before];
        for (const k of sourceKeys) add(keys, k);
        for (const k of after) add(keys, k);
        return keys;
      },
    };
    state(ctx).sites.push(site);
    layout = `${site.name}(${dynamic.temp}.__ice_k)`;
  } else {
    checkMember(ctx, node, shape, statics);
    layout = String(layoutOf(shape, statics));
  }
  const args = shape.fields.map((f) => current.get(f.name) ?? absentOrMissing(ctx, node, f));
  const construct = `new ${shape.name}(${[layout, ...args].join(", ")})`;
  return { text: steps.length > 0 ? `(${steps.join(", ")}, ${construct})` : construct, type: target };
}

function absentOrMissing(ctx: PrintContext, node: ts.Node, f: { name: string; type: ValueType }): string {
  if (f.type.kind === "optional" || f.type.kind === "json") return absent(f.type);
  return ctx.refuse(node, `an object without its field '${f.name}'`, "give every required field a value");
}

/**
 * A literal's keys must make a member of the union (TypeScript has checked it, unless a cast
 * says otherwise): a later write to a field the literal left out would add a key in JavaScript.
 */
function checkMember(ctx: PrintContext, node: ts.Node, shape: ClassShape, keys: readonly string[]): void {
  const members = membersOf(ctx.classes, shape);
  const fits = members.some((m) => {
    const properties = ctx.checker.getPropertiesOfType(m);
    return (
      keys.every((k) => properties.some((p) => p.name === k)) &&
      properties.every((p) => p.flags & ts.SymbolFlags.Optional || keys.includes(p.name))
    );
  });
  if (!fits)
    ctx.refuse(
      node,
      `an object literal that is no member of the union type '${shape.union!.text}'`,
      "write every field of one member",
    );
}

/** `'key' in e` for a value of a union class, or undefined. */
export function unionIn(ctx: PrintContext, node: ts.BinaryExpression, object: Printed): Printed | undefined {
  if (object.type.kind !== "object" || !object.type.shape.union) return undefined;
  const left = stripParens(node.left);
  if (!ts.isStringLiteral(left) && !ts.isNoSubstitutionTemplateLiteral(left))
    return ctx.refuse(
      node,
      "'in' with a computed key on a value of a union type",
      "test with a literal key: 'key' in e",
    );
  const shape = object.type.shape;
  if (!shape.fields.some((f) => f.name === left.text))
    return { text: `(${object.text}, __ice_proto_key(${stringLiteral(left.text)}))`, type: { kind: "boolean" } };
  const t = ctx.temp(object.type);
  return { text: `(${t} = ${object.text}, ${hasSlot(ctx, shape, t, left.text)})`, type: { kind: "boolean" } };
}

/** `Object.keys(e)` of a value of a union class (its own layout's keys, a new array each time). */
export function unionObjectCall(
  ctx: PrintContext,
  node: ts.CallExpression,
  method: string,
  source: Printed & { type: Shape },
  type: ValueType,
): Printed {
  if (method === "values" || method === "entries") return unionValues(ctx, node, method, source, type);
  if (method !== "keys")
    return ctx.refuse(
      node,
      `Object.${method} of a value of a union type`,
      "read the fields of the narrowed value, or use Object.keys(e)",
    );
  return { text: unionKeys(ctx, source.type.shape, source.text), type };
}

/**
 * `Object.values(e)` / `Object.entries(e)` of a value of a union class: its own layout's fields,
 * in its order, each as the result's element (a function per call site, one branch per layout,
 * made by finishUnions once the layouts are known).
 */
function unionValues(
  ctx: PrintContext,
  node: ts.CallExpression,
  method: "values" | "entries",
  source: Printed & { type: Shape },
  type: ValueType,
): Printed {
  if (type.kind !== "array") return ctx.refuse(node, `Object.${method} here`, "give the result a type");
  const element = type.element;
  const shape = source.type.shape;
  const items = new Map<string, string>();
  for (const f of shape.fields) {
    const value: Printed = { text: `v.${f.name}`, type: f.type };
    if (method === "values") items.set(f.name, coerce(ctx, value, element, node));
    else {
      if (element.kind !== "tuple") return ctx.refuse(node, "Object.entries here", "give the result a type");
      items.set(
        f.name,
        `new ${element.shape.name}(${stringLiteral(f.name)}, ${coerce(ctx, value, element.elements[1]!, node)})`,
      );
    }
  }
  // An element needing a temporary of the body's function cannot move into the generated one.
  if ([...items.values()].some((t) => /\b__ice_t\d/.test(t)))
    return ctx.refuse(
      node,
      `Object.${method} of a value of a union type here`,
      "read the fields of the narrowed value",
    );
  const s = state(ctx);
  const name = `__ice_uval_${s.valueSites.length}`;
  s.valueSites.push({ name, shape, items, type: asType(type), element: asType(element) });
  return { text: `${name}(${source.text})`, type };
}

/** A new array of the keys of a union value (`value`, printed), in its layout's order. */
export function unionKeys(ctx: PrintContext, shape: ClassShape, value: string): string {
  state(ctx).keyLists.add(shape);
  return `__ice_ukeys_${shape.name}((${value}).__ice_k)`;
}

/** Refuses a write to a field of a union value that may add a key (a field some member of the receiver's type lacks or has optional). */
export function checkUnionFieldWrite(ctx: PrintContext, access: ts.PropertyAccessExpression, object: ValueType): void {
  if (object.kind !== "object" || !object.shape.union) return;
  const name = access.name.text;
  const receiver = ctx.checker.getTypeAtLocation(access.expression);
  const parts = receiver.isUnion() ? receiver.types : [receiver];
  const always = parts.every((p) => {
    const property = ctx.checker.getPropertyOfType(p, name);
    return property && !(property.flags & ts.SymbolFlags.Optional);
  });
  if (!always)
    ctx.refuse(
      access,
      `assigning the optional field '${name}' of a value of a union type (JavaScript adds the key when it was absent)`,
      "build a new object: { ...e, field: value }",
    );
}

/**
 * The fields a spread of a union value (held in `temp`) gives an object of a plain shape
 * (`if (e.kind === "a") { const c = { ...e, extra: 1 }; }`): each of its slots the result has, by
 * field name, when every such field is required there (the narrowed member has it), with the
 * statement checking at run time that the value's own layout holds those keys and no other (a cast
 * could make it otherwise: the node stops rather than drop or invent a key). The result's key
 * order is the value's, known only at run time (its JSON is refused: jsonConvert.ts).
 */
export function unionSpreadFields(
  ctx: PrintContext,
  at: ts.Expression,
  source: ClassShape,
  temp: string,
  target: readonly { readonly name: string; readonly type: ValueType }[],
): { check: string; fields: Map<string, Printed> } {
  let required = 0n;
  let forbidden = 0n;
  const fields = new Map<string, Printed>();
  source.fields.forEach((slot, i) => {
    const field = target.find((f) => f.name === slot.name);
    if (!field) {
      forbidden |= 1n << BigInt(i);
      return;
    }
    if (field.type.kind === "optional" && field.type.absent !== "null")
      ctx.refuse(
        at,
        `spreading '${shortText(at)}', whose field '${slot.name}' may be absent, into an object of another type`,
        `write the field explicitly: ${slot.name}: ${shortText(at)}.${slot.name}`,
      );
    required |= 1n << BigInt(i);
    fields.set(slot.name, { text: `${temp}.${slot.name}`, type: slot.type });
  });
  state(ctx).masks.add(source);
  const mask = `__ice_um_${source.name}(${temp}.__ice_k)`;
  return {
    check: `__ice_usp_check(${mask}, <u64>0x${required.toString(16)}, <u64>0x${forbidden.toString(16)})`,
    fields,
  };
}

/** Refusals for the object idioms that copy a union value's fields without their presence. */
export function refuseUnionSource(ctx: PrintContext, at: ts.Node, type: ValueType, what: string): void {
  if (type.kind === "object" && type.shape.union)
    ctx.refuse(at, `${what} a value of the union type '${type.shape.union.text}'`, "read the fields you need");
}
