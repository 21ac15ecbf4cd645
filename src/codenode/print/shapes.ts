/**
 * @fileoverview Data-shape idioms on fixed-shape objects (generated classes) and tuples: object
 * spread `{ ...a, b: 1 }`, `Object.assign` into a shape, the order of a shape's keys (for
 * `Object.keys/values/entries`, `for...in`, spreading into a dictionary: JavaScript enumerates
 * the keys in the order the object was created with, which the compiler knows when the object
 * comes from a literal it can see), tuples (`[k, v]` pairs of `Object.entries`), object rest
 * `const { a, ...rest } = o` and array rest and defaults `const [x, y = 0, ...more] = xs`.
 */
import { ts } from "../typescript.js";
import { classKeyOrder, keysMayGrow } from "./classKeys.js";
import { asType, isBoxed, optional, type ValueType } from "../types.js";
import { type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { recordOrder, type WrittenKey } from "./jsonConvert.js";
import { refuseUnionSource, unionSpreadFields } from "./unions.js";

type Shape = Extract<ValueType, { kind: "object" }>;

/** True for values that are objects in JavaScript (assigning one to "__proto__" sets the prototype). */
export function objectLike(t: ValueType): boolean {
  const inner = t.kind === "optional" ? t.inner : t;
  return inner.kind !== "number" && inner.kind !== "boolean" && inner.kind !== "string" && inner.kind !== "void";
}

/** A field that may be left out (`T | undefined`); a `T | null` field is always there (print/nullable.ts). */
function mayBeAbsent(t: ValueType): boolean {
  return t.kind === "optional" && t.absent !== "null";
}

function hasOptionalProperty(ctx: PrintContext, node: ts.Node): boolean {
  return ctx.checker
    .getPropertiesOfType(ctx.checker.getTypeAtLocation(node))
    .some((p) => (p.flags & ts.SymbolFlags.Optional) !== 0);
}

/**
 * The own keys of a fixed-shape object in JavaScript's order, when the compiler can see how it
 * was created (an object literal, a `const` holding one, a rest of one, `Object.assign` into a
 * literal) and no key can come or go (no optional fields). Otherwise undefined.
 */
export function knownKeys(ctx: PrintContext, node: ts.Expression, shape: Shape): string[] | undefined {
  if (shape.shape.union) return undefined;
  // A body class's instances: every field is an own key from construction on (classKeys.ts).
  const ofClass = classKeyOrder(ctx, shape.shape);
  // (`new C(...)` is a C itself; any other value of type C may be an instance of a subclass.)
  const made = madeByNew(ctx, node);
  if (ofClass) return Array.isArray(ofClass) && (made || !keysMayGrow(ctx, shape.shape)) ? ofClass : undefined;
  if (shape.shape.fields.some((f) => mayBeAbsent(f.type)) || hasOptionalProperty(ctx, node)) return undefined;
  const keys = keysOf(ctx, node, 0);
  if (!keys) return undefined;
  const names = shape.shape.fields.map((f) => f.name);
  if (keys.length !== names.length || !keys.every((k) => names.includes(k))) return undefined;
  return keys;
}

/** `new C(...)`, or a `const` holding one: an instance of exactly C. */
function madeByNew(ctx: PrintContext, node: ts.Expression): boolean {
  const inner = stripParens(node);
  if (ts.isNewExpression(inner)) return true;
  const d = ts.isIdentifier(inner) ? ctx.symbolOf(inner)?.valueDeclaration : undefined;
  return (
    !!d &&
    ts.isVariableDeclaration(d) &&
    !!(d.parent.flags & ts.NodeFlags.Const) &&
    !!d.initializer &&
    ts.isNewExpression(stripParens(d.initializer))
  );
}

function keysOf(ctx: PrintContext, node: ts.Expression, depth: number): string[] | undefined {
  if (depth > 20) return undefined;
  const inner = stripParens(node);
  if (ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) return keysOf(ctx, inner.expression, depth + 1);
  if (ts.isObjectLiteralExpression(inner)) {
    const keys: string[] = [];
    const add = (k: string) => {
      if (!keys.includes(k)) keys.push(k);
    };
    for (const p of inner.properties) {
      if (ts.isShorthandPropertyAssignment(p)) add(p.name.text);
      else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) add(p.name.text);
      else if (ts.isGetAccessorDeclaration(p) && ts.isIdentifier(p.name)) add(p.name.text);
      else if (ts.isSpreadAssignment(p)) {
        if (hasOptionalProperty(ctx, p.expression)) return undefined;
        const more = keysOf(ctx, p.expression, depth + 1);
        if (!more) return undefined;
        more.forEach(add);
      } else return undefined;
    }
    return keys;
  }
  if (ts.isIdentifier(inner)) {
    const symbol = ctx.symbolOf(inner);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration || !ctx.isLocal(symbol)) return undefined;
    if (ts.isVariableDeclaration(declaration)) {
      if (!(declaration.parent.flags & ts.NodeFlags.Const) || !declaration.initializer) return undefined;
      return keysOf(ctx, declaration.initializer, depth + 1);
    }
    if (
      ts.isBindingElement(declaration) &&
      declaration.dotDotDotToken &&
      ts.isObjectBindingPattern(declaration.parent)
    ) {
      const holder = declaration.parent.parent;
      if (!ts.isVariableDeclaration(holder) || !holder.initializer || !(holder.parent.flags & ts.NodeFlags.Const))
        return undefined;
      const all = keysOf(ctx, holder.initializer, depth + 1);
      if (!all) return undefined;
      const taken = declaration.parent.elements
        .filter((e) => !e.dotDotDotToken)
        .map((e) => {
          const key = e.propertyName ?? e.name;
          return ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
        });
      if (taken.some((k) => k === undefined)) return undefined;
      return all.filter((k) => !taken.includes(k));
    }
    return undefined;
  }
  if (
    ts.isCallExpression(inner) &&
    ts.isPropertyAccessExpression(inner.expression) &&
    ts.isIdentifier(inner.expression.expression) &&
    inner.expression.expression.text === "Object" &&
    inner.expression.name.text === "assign" &&
    inner.arguments.length > 0 &&
    ts.isObjectLiteralExpression(stripParens(inner.arguments[0]!))
  ) {
    const keys: string[] = [];
    for (const a of inner.arguments) {
      const more = keysOf(ctx, a, depth + 1);
      if (!more || hasOptionalProperty(ctx, a)) return undefined;
      for (const k of more) if (!keys.includes(k)) keys.push(k);
    }
    return keys;
  }
  return undefined;
}

/** True when an object's optional fields hold undefined only by being absent (JSON inputs, or a literal seen here). */
function absentMeansUndefined(ctx: PrintContext, node: ts.Expression): boolean {
  let inner = stripParens(node);
  while (ts.isPropertyAccessExpression(inner) || ts.isNonNullExpression(inner)) inner = stripParens(inner.expression);
  if (ts.isIdentifier(inner) && inner.text === "inputs") {
    const symbol = ctx.symbolOf(inner);
    return !symbol || !ctx.isLocal(symbol);
  }
  return false;
}

/** One part of an object being built: a field's value, or the fields of a spread source. */
type Part = { readonly name: string; readonly value: ts.Expression } | { readonly spread: ts.Expression };

/** Builds a shape from parts in order (later parts win, as in JavaScript); optional fields of a spread copy only when present. */
function buildShape(ctx: PrintContext, at: ts.Node, parts: readonly Part[], target: Shape): Printed {
  const fields = target.shape.fields;
  const current = new Map<string, string>();
  const steps: string[] = [];
  const written: WrittenKey[] = [];
  /** Optional fields of spreads so far: written later, an absent one's key would land at the end. */
  const mayBeAbsent = new Set<string>();
  let order: readonly WrittenKey[] | "unknown" = written;
  for (const part of parts) {
    if ("name" in part) {
      if (mayBeAbsent.has(part.name)) order = "unknown";
      written.push(part.name);
      const field = fields.find((f) => f.name === part.name);
      if (!field) return ctx.refuse(at, `the property '${part.name}'`, "this object's declared type has no such field");
      const t = ctx.temp(field.type);
      steps.push(`${t} = ${printTo(ctx, part.value, field.type)}`);
      current.set(field.name, t);
      continue;
    }
    const source = printExpr(ctx, part.spread);
    if (source.type.kind === "dict")
      return ctx.refuse(
        part.spread,
        `spreading the dictionary '${shortText(part.spread)}' into an object with named fields (TypeScript's type of the result drops the dictionary's keys)`,
        "declare the result as a dictionary: const o: Record<string, T> = { ...a, k: v }",
      );
    if (source.type.kind !== "object")
      return ctx.refuse(
        part.spread,
        `spreading '${shortText(part.spread)}' here`,
        "spread an object with known fields",
      );
    const s = ctx.temp(source.type);
    steps.push(`${s} = ${source.text}`);
    if (source.type.shape.union) {
      // A union value (print/unions.ts): the fields of its own layout, in an order known at run time.
      const spread = unionSpreadFields(ctx, part.spread, source.type.shape, s, fields);
      steps.push(spread.check);
      order = "unknown";
      for (const [name, value] of spread.fields) {
        if (mayBeAbsent.has(name)) order = "unknown";
        current.set(name, coerce(ctx, value, fields.find((f) => f.name === name)!.type, part.spread));
      }
      continue;
    }
    const properties = ctx.checker.getPropertiesOfType(ctx.checker.getTypeAtLocation(part.spread));
    written.push({ spread: source.type.shape });
    for (const from of source.type.shape.fields) if (mayBeAbsent.has(from.name)) order = "unknown";
    for (const from of source.type.shape.fields)
      if (
        from.type.kind === "optional" ||
        properties.some((p) => p.name === from.name && p.flags & ts.SymbolFlags.Optional)
      )
        mayBeAbsent.add(from.name);
    for (const from of source.type.shape.fields) {
      const field = fields.find((f) => f.name === from.name);
      if (!field)
        return ctx.refuse(
          part.spread,
          `the field '${from.name}' of this spread`,
          "spread objects whose fields the result has",
        );
      const value: Printed = { text: `${s}.${from.name}`, type: from.type };
      const optionalProperty = properties.some((p) => p.name === from.name && p.flags & ts.SymbolFlags.Optional);
      const previous = current.get(field.name);
      if (optionalProperty && previous !== undefined) {
        if (!absentMeansUndefined(ctx, part.spread))
          return ctx.refuse(
            part.spread,
            `spreading '${shortText(part.spread)}', whose optional field '${from.name}' replaces an earlier value (JavaScript copies it even when it holds undefined)`,
            `write the field explicitly: ${from.name}: ${shortText(part.spread)}.${from.name} ?? ...`,
          );
        const present =
          field.type.kind === "optional"
            ? value.text
            : coerce(
                ctx,
                { text: unwrap(value), type: from.type.kind === "optional" ? from.type.inner : from.type },
                field.type,
                at,
              );
        current.set(field.name, `(${value.text} !== null ? ${present} : ${previous})`);
      } else current.set(field.name, coerce(ctx, value, field.type, part.spread));
    }
  }
  const args = fields.map((f) => {
    const value = current.get(f.name);
    if (value !== undefined) return value;
    if (f.type.kind === "optional") return `__ice_none<${asType(f.type)}>()`;
    return ctx.refuse(at, `an object without its field '${f.name}'`, "give every required field a value");
  });
  recordOrder(ctx, target.shape, order);
  const construct = `new ${target.shape.name}(${args.join(", ")})`;
  return { text: steps.length > 0 ? `(${steps.join(", ")}, ${construct})` : construct, type: target };
}

/** An object literal with spreads, built as a shape. */
export function printShapeSpread(ctx: PrintContext, node: ts.ObjectLiteralExpression, target: Shape): Printed {
  const parts: Part[] = node.properties.map((p) => {
    if (ts.isSpreadAssignment(p)) return { spread: p.expression };
    if (ts.isShorthandPropertyAssignment(p)) return { name: p.name.text, value: p.name };
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
      return { name: p.name.text, value: p.initializer };
    return ctx.refuse(p, "this kind of object property (method, computed name)", "write `name: value` for each field");
  });
  return buildShape(ctx, node, parts, target);
}

/** `Object.assign(target, ...sources)` whose result is a shape. */
export function printShapeAssign(ctx: PrintContext, node: ts.CallExpression, type: Shape): Printed {
  const [target, ...sources] = node.arguments;
  const literal = stripParens(target!);
  if (ts.isObjectLiteralExpression(literal)) {
    // A fresh target: the same as a spread of the sources into it.
    const parts: Part[] = [];
    for (const p of literal.properties) {
      if (ts.isShorthandPropertyAssignment(p)) parts.push({ name: p.name.text, value: p.name });
      else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
        parts.push({ name: p.name.text, value: p.initializer });
      else if (ts.isSpreadAssignment(p)) parts.push({ spread: p.expression });
      else return ctx.refuse(p, "this kind of object property", "write `name: value` for each field");
    }
    for (const s of sources) parts.push({ spread: s });
    return buildShape(ctx, node, parts, type);
  }
  // An existing object: its fields are set from each source (which must not add fields).
  const object = printExpr(ctx, target!);
  refuseUnionSource(ctx, node, object.type, "Object.assign into");
  if (object.type.kind !== "object" || object.type.shape !== type.shape)
    return ctx.refuse(node, "Object.assign adding fields to an existing object", "build a new object: { ...a, ...b }");
  const t = ctx.temp(object.type);
  const steps = [`${t} = ${object.text}`];
  for (const s of sources) {
    const source = printExpr(ctx, s);
    refuseUnionSource(ctx, s, source.type, "Object.assign from");
    if (source.type.kind !== "object") return ctx.refuse(s, "this source", "assign from objects with known fields");
    if (source.type.shape.fields.some((f) => mayBeAbsent(f.type)) || hasOptionalProperty(ctx, s))
      return ctx.refuse(s, "assigning from an object with optional fields", "assign the fields one by one");
    const st = ctx.temp(source.type);
    steps.push(`${st} = ${source.text}`);
    for (const f of source.type.shape.fields) {
      const field = type.shape.fields.find((g) => g.name === f.name)!;
      steps.push(`${t}.${f.name} = ${coerce(ctx, { text: `${st}.${f.name}`, type: f.type }, field.type, s)}`);
    }
  }
  return { text: `(${steps.join(", ")}, ${t})`, type };
}

/** The value of the element `i` of an array being destructured (`temp` holds the array). */
export function arrayPatternElement(
  ctx: PrintContext,
  element: ts.BindingElement,
  temp: string,
  source: ValueType,
  i: number,
): { text: string; type: ValueType } {
  if (source.kind === "tuple") {
    if (element.dotDotDotToken) return ctx.refuse(element, "a rest element of a tuple", "name each element");
    if (i >= source.elements.length) return ctx.refuse(element, "an element past the end of the tuple", "remove it");
    return { text: `${temp}._${i}`, type: source.elements[i]! };
  }
  if (source.kind !== "array") return ctx.refuse(element, "destructuring this value", "destructure arrays only");
  const T = source.element;
  if (element.dotDotDotToken) return { text: `__ice_slice<${asType(T)}>(${temp}, ${i}.0, Infinity)`, type: source };
  // Past the end the element is undefined: a default applies, an optional local holds it.
  if (T.kind === "json") return { text: `__ice_a_at_j(${temp}, ${i}.0)`, type: T };
  return {
    text: `__ice_a_at${isBoxed(T) ? "_box" : ""}<${asType(T)}>(${temp}, ${i}.0)`,
    type: optional(T),
  };
}

/** `const { a, ...rest } = o`: the rest object (fields of `rest`'s type, from `temp`), or a dictionary without the named keys. */
export function objectRest(
  ctx: PrintContext,
  element: ts.BindingElement,
  temp: string,
  source: ValueType,
  taken: readonly string[],
  restType: ValueType,
): string {
  if (source.kind === "dict")
    return `__ice_dict_rest<${asType(source.value)}>(${temp}, <Array<string>>[${taken.map((k) => stringLiteral(k)).join(", ")}])`;
  refuseUnionSource(ctx, element, source, "a rest element of");
  refuseUnionSource(ctx, element, restType, "a rest element of");
  if (source.kind !== "object" || restType.kind !== "object")
    return ctx.refuse(element, "a rest element here", "read the fields you need");
  const args = restType.shape.fields.map((f) => {
    const from = source.shape.fields.find((g) => g.name === f.name);
    if (!from) return ctx.refuse(element, `the field '${f.name}'`, "read the fields you need");
    return coerce(ctx, { text: `${temp}.${f.name}`, type: from.type }, f.type, element);
  });
  // The rest has the source's keys but the taken ones, in the source's order (for JSON); a rest
  // of the source's own shape has its keys in its order already.
  if (restType.shape.name !== source.shape.name)
    recordOrder(ctx, restType.shape, [{ spread: source.shape, without: taken }]);
  return `new ${restType.shape.name}(${args.join(", ")})`;
}
