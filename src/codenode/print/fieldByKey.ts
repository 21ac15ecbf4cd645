/**
 * @fileoverview `o[k]` of a fixed-shape object where TypeScript types the key as one of its field
 * names (`const W: Record<Level, number> = {...}; W[level]`, `W[k]` for `k: keyof typeof W`):
 * the field the key names, chosen at run time among those names. A key outside them (only
 * possible through a cast) stops the node with a message, where JavaScript would read some other
 * property. Writes too: `o[k] = v`, `o[k] += v`, `o[k]++` (the fields must have one type; the
 * object and key are evaluated once). Also `k in o` for an object whose creation the compiler sees
 * (shapes.ts knownKeys): its fields, and the names every object inherits.
 */
import { ts } from "../typescript.js";
import { asType, BOOLEAN, NUMBER, sameType, STRING, typeKey, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { COMPOUND, operate } from "./operators.js";
import { hoistOnce } from "./jsonConvert.js";
import { knownKeys } from "./shapes.js";
import { unionIn } from "./unions.js";

type ObjectType = Extract<ValueType, { kind: "object" }>;

/** The field names a key expression's type allows, when it is a string literal or a union of them. */
function literalKeys(ctx: PrintContext, key: ts.Expression): string[] | undefined {
  const type = ctx.checker.getTypeAtLocation(key);
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((p) => p.isStringLiteral())) return undefined;
  return parts.map((p) => (p as ts.StringLiteralType).value);
}

/** `o[k]` for a key typed as field names of `o`, or undefined when it is not one. */
export function fieldByKey(ctx: PrintContext, node: ts.ElementAccessExpression, object: Printed): Printed | undefined {
  if (object.type.kind !== "object") return undefined;
  const shape = object.type.shape;
  const names = literalKeys(ctx, node.argumentExpression);
  const fields = names?.map((n) => shape.fields.find((f) => f.name === n));
  if (!names || !fields || fields.some((f) => !f)) return undefined;
  const type = ctx.typeOf(node);
  if (ts.isStringLiteral(node.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(node.argumentExpression)) {
    const field = fields[0]!;
    return { text: coerce(ctx, { text: `${object.text}.${field.name}`, type: field.type }, type, node), type };
  }
  const name = `__ice_field_${shape.name}_${typeKey(type).replace(/\W/g, "_")}_${names.join("_").replace(/\W/g, "_")}`;
  hoistOnce(ctx, name, () => {
    const reads = fields.map(
      (f) =>
        `  if (k == ${stringLiteral(f!.name)}) return ${coerce(ctx, { text: `o.${f!.name}`, type: f!.type }, type, node)};`,
    );
    const stop = `  return __ice_no_field<${asType(type)}>(k);`;
    return `function ${name}(o: ${shape.name}, k: string): ${asType(type)} {\n${reads.join("\n")}\n${stop}\n}`;
  });
  return { text: `${name}(${object.text}, ${printTo(ctx, node.argumentExpression, { kind: "string" })})`, type };
}

/** `k in o` for a fixed-shape object whose keys are known, or undefined. */
export function inKnownObject(ctx: PrintContext, node: ts.BinaryExpression, object: Printed): Printed | undefined {
  if (object.type.kind !== "object") return undefined;
  const union = unionIn(ctx, node, object);
  if (union) return union;
  const keys = knownKeys(ctx, node.right, object.type as ObjectType);
  if (!keys) return undefined;
  const key = ctx.temp({ kind: "string" });
  const tests = keys.map((k) => `${key} == ${stringLiteral(k)}`);
  tests.push(`__ice_proto_key(${key})`);
  return {
    text: `((${key} = ${printTo(ctx, node.left, { kind: "string" })}), ${object.text}, ${tests.join(" || ")})`,
    type: BOOLEAN,
  };
}

/** The fields a `o[k]` target names, all of one type, or undefined when it is not such a target. */
function keyedTarget(ctx: PrintContext, target: ts.Expression) {
  const access = stripParens(target);
  if (!ts.isElementAccessExpression(access) || access.questionDotToken) return undefined;
  const objectType = ctx.typeOf(access.expression);
  if (objectType.kind !== "object" || objectType.shape.union) return undefined;
  const names = literalKeys(ctx, access.argumentExpression);
  const fields = names?.map((n) => objectType.shape.fields.find((f) => f.name === n));
  if (!names || !fields?.length || fields.some((f) => !f)) return undefined;
  const type = fields[0]!.type;
  if (fields.some((f) => !sameType(f!.type, type))) return undefined;
  const shape = objectType.shape;
  const suffix = `${shape.name}_${names.join("_").replace(/\W/g, "_")}`;
  const getter = `__ice_getf_${suffix}`;
  const setter = `__ice_setf_${suffix}`;
  const T = asType(type);
  hoistOnce(ctx, getter, () => {
    const reads = fields.map((f) => `  if (k == ${stringLiteral(f!.name)}) return o.${f!.name};`);
    return `function ${getter}(o: ${shape.name}, k: string): ${T} {\n${reads.join("\n")}\n  return __ice_no_field<${T}>(k);\n}`;
  });
  hoistOnce(ctx, setter, () => {
    const writes = fields.map((f) => `  if (k == ${stringLiteral(f!.name)}) { o.${f!.name} = v; return v; }`);
    return `function ${setter}(o: ${shape.name}, k: string, v: ${T}): ${T} {\n${writes.join("\n")}\n  return __ice_no_field<${T}>(k);\n}`;
  });
  const object = printExpr(ctx, access.expression);
  const key = printTo(ctx, access.argumentExpression, STRING);
  const o = ctx.temp(objectType);
  const k = ctx.temp(STRING);
  return { type, getter, setter, object, key, o, k };
}

/** `o[k] = v` and `o[k] op= v` where `k` names fields of `o` (one type), or undefined. */
export function keyedFieldAssignment(ctx: PrintContext, node: ts.BinaryExpression): Printed | undefined {
  const op = node.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsToken && COMPOUND[op] === undefined) return undefined;
  const t = keyedTarget(ctx, node.left);
  if (!t) return undefined;
  const head = `${t.o} = ${t.object.text}, ${t.k} = ${t.key}`;
  if (op === ts.SyntaxKind.EqualsToken)
    return { text: `(${head}, ${t.setter}(${t.o}, ${t.k}, ${printTo(ctx, node.right, t.type)}))`, type: t.type };
  const current: Printed = { text: `${t.getter}(${t.o}, ${t.k})`, type: t.type };
  const value = operate(ctx, node, COMPOUND[op]!, current, printExpr(ctx, node.right), t.type.kind === "string");
  return { text: `(${head}, ${t.setter}(${t.o}, ${t.k}, ${coerce(ctx, value, t.type, node)}))`, type: t.type };
}

/** `o[k]++`, `--o[k]` where `k` names number fields of `o`, or undefined. */
export function keyedFieldUpdate(
  ctx: PrintContext,
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  prefix: boolean,
  discarded: boolean,
): Printed | undefined {
  const t = keyedTarget(ctx, node.operand);
  if (t?.type.kind !== "number") return undefined;
  if (!prefix && !discarded)
    return ctx.refuse(node, "a postfix update of o[k] inside an expression", "write it as its own statement");
  const step = node.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-";
  return {
    text: `(${t.o} = ${t.object.text}, ${t.k} = ${t.key}, ${t.setter}(${t.o}, ${t.k}, ${t.getter}(${t.o}, ${t.k}) ${step} 1.0))`,
    type: NUMBER,
  };
}
