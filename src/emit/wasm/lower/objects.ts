/**
 * @fileoverview Object literal idioms: shorthand properties (`{ a }`), and object literals of a
 * known type (the returned object, checked against output_schema, and the objects it nests):
 * required fields present, values of integer fields checked at run time (`__ice_int`, which stops
 * the run on a fraction), presence flags set for optional numbers and booleans.
 */
import { ts } from "ts-morph";
import type { ObjectType, SchemaField, SchemaType } from "../../../../runtime/schema.js";
import { Diagnostics } from "../../../diagnostics/index.js";
import { hasFlag } from "../marshal.js";
import type { LowerContext } from "./context.js";
import { isPrimitive, type Kind } from "./kinds.js";
import { isNullish, isPure, skipParens } from "./predicates.js";

/** `{ a }` -> `{ a: a }`. */
export function shorthandProperty(cx: LowerContext, node: ts.ShorthandPropertyAssignment): boolean {
  const name = node.name;
  cx.gen(`${name.text}: `, node);
  cx.node(name);
  return true;
}

/** An object literal whose type is known (see ReturnedObjects); false for any other literal. */
export function typedObjectLiteral(cx: LowerContext, node: ts.ObjectLiteralExpression): boolean {
  const type = cx.objects.literalTypes.get(node);
  if (!type) return false;
  objectLiteral(cx, node, type);
  return true;
}

/** An object literal of a known type: presence flags, integer checks, missing fields. */
function objectLiteral(cx: LowerContext, node: ts.ObjectLiteralExpression, type: ObjectType): void {
  const given = new Set<string>();
  const parts: (() => void)[] = [];
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) {
      cx.unsupported(property, "spread (`...`) in the returned object", "list the fields: `{ a: o.a, b: o.b }`");
      continue;
    }
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) {
      parts.push(() => cx.node(property));
      continue;
    }
    const name = property.name.getText().replace(/^["']|["']$/g, "");
    given.add(name);
    const field = type.fields.find((f) => f.name === name);
    const value: ts.Expression = ts.isPropertyAssignment(property) ? property.initializer : property.name;
    if (field?.optional && isPrimitive(field.type) && isNullish(value)) continue;
    parts.push(() => typedProperty(cx, property, name, value, field));
  }
  for (const field of type.fields) {
    if (!field.optional && !given.has(field.name) && !node.properties.some(ts.isSpreadAssignment)) {
      cx.report(Diagnostics.OutputFieldMissing, node, [field.name, describe(field.type)]);
    }
  }
  cx.gen("{ ", node);
  parts.forEach((emit, index) => {
    if (index > 0) cx.gen(", ", node);
    emit();
  });
  cx.gen(" }", node);
}

/** One property of a typed literal: nested literals typed, `__ice_int(...)`, the presence flag. */
function typedProperty(
  cx: LowerContext,
  property: ts.ObjectLiteralElementLike,
  name: string,
  value: ts.Expression,
  field: SchemaField | undefined,
): void {
  cx.gen(`${name}: `, property);
  const inner = skipParens(value);
  if (field?.type.kind === "object" && ts.isObjectLiteralExpression(inner))
    cx.objects.literalTypes.set(inner, field.type);
  if (field?.type.kind === "array" && field.type.element.kind === "object" && ts.isArrayLiteralExpression(inner)) {
    for (const element of inner.elements)
      if (ts.isObjectLiteralExpression(element)) cx.objects.literalTypes.set(element, field.type.element);
  }
  const kind = cx.kindOf(value);
  if (field && kind && !accepts(field.type, kind))
    cx.report(Diagnostics.OutputFieldType, value, [name, describe(field.type), KIND_NAMES[kind]]);
  const asInteger = field?.type.kind === "integer" && kind !== "int";
  if (asInteger) cx.gen("__ice_int(", value);
  if (ts.isShorthandPropertyAssignment(property)) cx.node(property.name);
  else cx.node(value);
  if (asInteger) cx.gen(")", value);
  if (field?.optional && isPrimitive(field.type)) {
    const typed = cx.typed(inner);
    if (
      typed?.optional &&
      ts.isPropertyAccessExpression(inner) &&
      !inner.questionDotToken &&
      isPure(inner.expression)
    ) {
      cx.gen(`, ${hasFlag(name)}: `, property);
      cx.node(inner.expression);
      cx.gen(`.${hasFlag(inner.name.text)}`, property);
    } else cx.gen(`, ${hasFlag(name)}: true`, property);
  }
}

const KIND_NAMES: { readonly [kind in Kind]: string } = {
  int: "an integer",
  float: "a number",
  string: "a string",
  bool: "a boolean",
};

/** Whether a value of `kind` can fill a field of `type` (numbers fill either numeric type). */
function accepts(type: SchemaType, kind: Kind): boolean {
  switch (type.kind) {
    case "integer":
    case "number":
      return kind === "int" || kind === "float";
    case "string":
      return kind === "string";
    case "boolean":
      return kind === "bool";
    default:
      return false;
  }
}

/** A schema type as the missing-field diagnostic names it. */
function describe(type: SchemaType): string {
  switch (type.kind) {
    case "array":
      return `${describe(type.element)}[]`;
    case "object":
      return "an object";
    default:
      return type.kind;
  }
}
