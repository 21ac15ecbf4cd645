/**
 * @fileoverview Object literals of an interface that body classes implement (protocols.ts): a tool
 * registry mixing `new Echo()` with `{ name: "upper", run: (s) => s.toUpperCase() }`, both typed
 * `Tool`. Such a literal is an instance of a generated class `__ice_L_*` extending the interface's
 * stub, one per interface: its properties are fields read through the stub's `__ice_get_<p>()`,
 * and each method of the interface is a function-valued field (the literal's arrow, function or
 * method, closures.ts) that the class's override of the method calls. So `t.run(x)` dispatches
 * alike on class instances and literals, and the literal stays one object (identity, Map keys).
 * `this` in a literal's method is refused by closures.ts, as for every object literal.
 */
import { ts } from "../typescript.js";
import { asType, type ClassShape, sameType, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { perContext } from "./perContext.js";
import { declareProtocol, type ProtocolInfo, protocolMethod } from "./protocols.js";
import { printObjectLiteral } from "./literals.js";

/** The literal class of each protocol, by protocol. */
const literalClasses = perContext(() => new Map<ProtocolInfo, ValueType & { kind: "object" }>());

/** An object literal whose type is the protocol `info` (`target`): an instance of its literal class. */
export function printProtocolLiteral(
  ctx: PrintContext,
  node: ts.ObjectLiteralExpression,
  info: ProtocolInfo,
  target: ValueType,
): Printed {
  for (const p of node.properties)
    if (ts.isSpreadAssignment(p))
      ctx.refuse(p, `a spread in an object literal of the interface '${info.node.name.text}'`, "write each member");
  const literal = literalClass(ctx, info, node);
  return { text: printObjectLiteral(ctx, node, literal).text, type: target };
}

/** The shape literals of `info` are printed as (properties, then methods as function fields), declared once. */
function literalClass(ctx: PrintContext, info: ProtocolInfo, at: ts.Node): ValueType & { kind: "object" } {
  const made = literalClasses.of(ctx);
  const found = made.get(info);
  if (found) return found;
  declareProtocol(ctx, info);
  const name = ctx.fresh(`L_${info.node.name.text}_`);
  const methods = info.methods.map((m) => {
    const method = (m.name as ts.Identifier).text;
    const symbol = ctx.checker.getSymbolAtLocation(m.name)!;
    return { name: method, type: ctx.typeOf(m, ctx.checker.getTypeOfSymbolAtLocation(symbol, m)) };
  });
  const shape: ClassShape = { name, fields: [...info.shape.fields, ...methods] };
  const type = { kind: "object" as const, shape };
  made.set(info, type);
  const storage = (f: { name: string }, i: number) => (i < info.shape.fields.length ? f.name : `__ice_m_${f.name}`);
  const members = shape.fields.map((f, i) => `  ${storage(f, i)}: ${asType(f.type)};`);
  const params = shape.fields.map((f, i) => `p${i}: ${asType(f.type)}`);
  const sets = shape.fields.map((f, i) => `    this.${storage(f, i)} = p${i};`);
  members.push(`  constructor(${params.join(", ")}) {\n    super();\n${sets.join("\n")}\n  }`);
  for (const f of info.shape.fields)
    members.push(`  __ice_get_${f.name}(): ${asType(f.type)} {\n    return this.${f.name};\n  }`);
  for (const m of methods) members.push(methodOverride(ctx, info, m, at));
  ctx.hoisted.push(`class ${name} extends ${info.name} {\n${members.join("\n")}\n}`);
  return type;
}

/** `m(a0, ...): R { return this.__ice_m_m.__ice_invoke(a0, ...); }`: the interface's method calls the literal's function. */
function methodOverride(
  ctx: PrintContext,
  info: ProtocolInfo,
  field: { name: string; type: ValueType },
  at: ts.Node,
): string {
  const { params, returnType } = protocolMethod(ctx, info, field.name)!;
  if (field.type.kind !== "function")
    return ctx.refuse(
      at,
      `the method '${field.name}' of '${info.node.name.text}' as a value`,
      "declare it as a method",
    );
  const fn = field.type.shape;
  const list = params.map((p, i) => `__ice_a${i}: ${asType(p.type)}`);
  const args = fn.params.map((p, i) => coerce(ctx, { text: `__ice_a${i}`, type: params[i]!.type }, p.type, at));
  const call = `this.__ice_m_${field.name}.__ice_invoke(${args.join(", ")})`;
  const body =
    returnType.kind === "void"
      ? `${call};`
      : `return ${sameType(fn.result, returnType) ? call : coerce(ctx, { text: call, type: fn.result }, returnType, at)};`;
  return `  ${field.name}(${list.join(", ")}): ${asType(returnType)} {\n    ${body}\n  }`;
}
