/**
 * @fileoverview Array and object literals, built as the type the checker gives them (or the type
 * the context asks for). Part of the expression printer (expressions.ts).
 */
import { protocolOfShape } from "./protocols.js";
import { printProtocolLiteral } from "./protocolLiterals.js";
import { classOfShape } from "./classShapes.js";
import { ts } from "../typescript.js";
import { asType, type ValueType, zeroValue } from "../types.js";
import { checkLiteralGetter, getterValue } from "./literalGetters.js";
import { Refused, type PrintContext, type Printed } from "./context.js";
import { printTo } from "./expressions.js";
import { isPure } from "./operators.js";
import { collect } from "./iteration.js";
import { closureOf } from "./closures.js";
import { printDictLiteral } from "./objects.js";
import { printShapeSpread } from "./shapes.js";
import { printJsonArray, printJsonObject } from "./json.js";
import { recordOrder } from "./jsonConvert.js";
import { printUnionLiteral } from "./unions.js";

export function printArrayLiteral(ctx: PrintContext, node: ts.ArrayLiteralExpression, hint?: ValueType): Printed {
  // The `[]` of `s.match(re) ?? []` (print/regex.ts).
  if (hint?.kind === "match" && node.elements.length === 0) return { text: "__ice_m_empty()", type: hint };
  if (hint?.kind === "json") return printJsonArray(ctx, node);
  const type =
    hint && (hint.kind === "array" || hint.kind === "tuple")
      ? hint
      : hint?.kind === "optional" && hint.inner.kind === "array"
        ? hint.inner
        : ctx.typeOf(node);
  if (type.kind === "tuple") {
    if (node.elements.length !== type.elements.length || node.elements.some((e) => ts.isSpreadElement(e)))
      return ctx.refuse(node, "this tuple literal", "write every element of the tuple");
    const items = node.elements.map((e, i) => printTo(ctx, e, type.elements[i]!));
    return { text: `new ${type.shape.name}(${items.join(", ")})`, type };
  }
  if (type.kind === "json") return printJsonArray(ctx, node);
  if (type.kind !== "array") return ctx.refuse(node, "this array literal", "declare the array's type");
  const element = type.element;
  if (node.elements.length === 0) return { text: `new Array<${asType(element)}>()`, type };
  // Runs of plain elements become literals, spread arrays copies; joined with concat, in order.
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) parts.push(`(<${asType(type)}>[${run.join(", ")}])`);
    run = [];
  };
  for (const e of node.elements) {
    if (ts.isOmittedExpression(e)) ctx.refuse(e, "holes in an array literal", "write every element");
    if (ts.isSpreadElement(e)) {
      flush();
      parts.push(collect(ctx, e.expression, element));
    } else run.push(printTo(ctx, e, element));
  }
  flush();
  return { text: parts.length === 1 ? parts[0]! : `${parts[0]}.concat(${parts.slice(1).join(").concat(")})`, type };
}

export function printObjectLiteral(ctx: PrintContext, node: ts.ObjectLiteralExpression, hint?: ValueType): Printed {
  if (hint?.kind === "json") return printJsonObject(ctx, node);
  const target =
    hint?.kind === "object" || hint?.kind === "dict"
      ? hint
      : hint?.kind === "optional" && (hint.inner.kind === "object" || hint.inner.kind === "dict")
        ? hint.inner
        : ctx.typeOf(node);
  if (target.kind === "dict") return printDictLiteral(ctx, node, target);
  if (target.kind === "object" && target.shape.union) return printUnionLiteral(ctx, node, target);
  // JavaScript makes a plain object, which is no instance of the class (instanceof, methods).
  if (target.kind === "object" && classOfShape(ctx, target))
    return ctx.refuse(node, "an object literal where a class instance is expected", "create it with 'new'");
  // An object literal of an interface classes implement: an instance of its literal class (protocolLiterals.ts).
  const protocol = protocolOfShape(ctx, target);
  if (protocol) return printProtocolLiteral(ctx, node, protocol, target);
  if (target.kind === "object" && node.properties.some(ts.isSpreadAssignment))
    return printShapeSpread(ctx, node, target);
  if (target.kind === "json") return printJsonObject(ctx, node);
  if (target.kind !== "object") return ctx.refuse(node, "this object literal", "declare its type");
  const values = new Map<string, ts.Expression>();
  const written: string[] = [];
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      values.set(property.name.text, property.initializer);
      written.push(property.name.text);
    } else if (ts.isShorthandPropertyAssignment(property)) {
      values.set(property.name.text, property.name);
      written.push(property.name.text);
    } else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name) && !property.asteriskToken) {
      // `{ inc() { n++; } }`: a function-valued field (closures.ts); `this` in it is refused.
      values.set(property.name.text, property as unknown as ts.Expression);
      written.push(property.name.text);
    } else if (ts.isGetAccessorDeclaration(property) && ts.isIdentifier(property.name)) {
      // `get total() { return this.a * 2; }`: computed once the object is made (literalGetters.ts).
      const dataField = (n: string) =>
        node.properties.some(
          (p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name.getText() === n,
        )
          ? target.shape.fields.find((f) => f.name === n)?.type
          : undefined;
      checkLiteralGetter(ctx, property, dataField);
      values.set(property.name.text, property as unknown as ts.Expression);
      written.push(property.name.text);
    } else if (ts.isSetAccessorDeclaration(property)) {
      ctx.refuse(property, "a setter in an object literal", "use a method: `setTotal(v: number) { ... }`");
    } else {
      ctx.refuse(
        property,
        "this kind of object property (spread, getter or setter, computed name)",
        "write `name: value` for each field",
      );
    }
  }
  const fields = target.shape.fields;
  for (const name of values.keys()) {
    if (!fields.some((f) => f.name === name))
      ctx.refuse(node, `the property '${name}'`, "this object's declared type has no such field");
  }
  const printed = new Map<string, string>();
  for (const name of written) {
    const field = fields.find((f) => f.name === name)!;
    const value = values.get(name)!;
    printed.set(
      name,
      ts.isGetAccessorDeclaration(value)
        ? zeroValue(field.type)
        : ts.isMethodDeclaration(value)
          ? closureOf(ctx, value, value, field.type).text
          : printTo(ctx, value, field.type),
    );
  }
  recordOrder(ctx, target.shape, written);
  const order = fields.map((f) => f.name).filter((n) => values.has(n));
  const reordered = order.some((n, i) => n !== written[i]);
  // A pure read must still happen before a later field's call or assignment changes what it reads.
  const impure = written.some((n) => {
    const v = values.get(n)!;
    return !ts.isMethodDeclaration(v) && !ts.isGetAccessorDeclaration(v) && !isPure(v);
  });
  const pre: string[] = [];
  if (reordered && impure) {
    for (const name of written) {
      const field = fields.find((f) => f.name === name)!;
      const temp = ctx.temp(field.type);
      pre.push(`${temp} = ${printed.get(name)}`);
      printed.set(name, temp);
    }
  }
  const args = fields.map(
    (f) =>
      printed.get(f.name) ??
      (f.type.kind === "optional"
        ? `__ice_none<${asType(f.type)}>()`
        : f.type.kind === "json"
          ? "__ice_j_undef()"
          : missing(ctx, node, f.name)),
  );
  let construct = `new ${target.shape.name}(${args.join(", ")})`;
  const getters = written
    .map((n) => values.get(n) as ts.Node)
    .filter((v): v is ts.GetAccessorDeclaration => ts.isGetAccessorDeclaration(v));
  if (getters.length > 0) {
    // The getters' values, once every field is set (literalGetters.ts).
    const self = ctx.temp(target);
    const sets = getters.map((g) => {
      const name = (g.name as ts.Identifier).text;
      const type = fields.find((f) => f.name === name)!.type;
      return `${self}.${name} = ${getterValue(ctx, g, { text: self, type: target }, type)}`;
    });
    construct = `(${self} = ${construct}, ${sets.join(", ")}, ${self})`;
  }
  return { text: pre.length > 0 ? `(${pre.join(", ")}, ${construct})` : construct, type: target };
}

function missing(ctx: PrintContext, node: ts.Node, name: string): never {
  return ctx.refuse(node, `an object without its field '${name}'`, "give every required field a value");
}

export { Refused };
