/**
 * @fileoverview The signature of a function lifted out of a body (functions.ts): its parameters
 * with the types they are passed as (a defaulted parameter as an optional, bound on entry in
 * JavaScript's order; a destructured one as a plain parameter destructured on entry) and its
 * return type.
 */
import { ts } from "../typescript.js";
import { neverDefaulted } from "./nullable.js";
import { asType, NUMBER, optional, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printTo, variableAccess } from "./expressions.js";
import { destructure } from "./statements.js";
import type { FunctionNode } from "./functions.js";
import { callbackResultFromContext } from "./emptyArrayResults.js";
import { checkedDefault } from "./defaultParameters.js";

/** A parameter of a lifted function: defaulted ones are passed as optional and bound in the prologue. */
export interface Param {
  /** The lifted function's parameter name. */
  readonly name: string;
  /** The type it is passed as. */
  readonly type: ValueType;
  readonly node: ts.ParameterDeclaration;
  readonly rest: boolean;
}

export interface Signature {
  readonly params: readonly Param[];
  readonly returnType: ValueType;
}

export function signatureOf(ctx: PrintContext, node: FunctionNode): Signature {
  const params = node.parameters.map((p): Param => {
    if (!ts.isIdentifier(p.name)) {
      // A destructured parameter (`([k, v]) => ...`): a plain parameter, destructured on entry;
      // with a default (`({ a = 1 }: Opts = {})`), passed as optional and defaulted first.
      if (p.dotDotDotToken) ctx.refuse(p, "a rest on a destructured parameter", "destructure inside the function");
      const name = patternParameters.get(p) ?? ctx.fresh("pp");
      patternParameters.set(p, name);
      const declared = ctx.typeOf(p);
      if (p.initializer && neverDefaulted(declared, p.initializer))
        ctx.refuse(
          p,
          "a default on a parameter that may be null (JavaScript applies it to undefined only)",
          "give the parameter the type 'T | undefined', or no default and pass null",
        );
      return { name, type: p.initializer ? optional(declared) : declared, node: p, rest: false };
    }
    const symbol = ctx.symbolOf(p.name)!;
    // A parameter that is always undefined (`_` of `Array.from({ length: n }, (_, i) => ...)`)
    // takes an empty box; reading it is refused where it is read.
    const always = ctx.checker.getTypeOfSymbolAtLocation(symbol, p).flags & ts.TypeFlags.Undefined;
    const declared = always ? optional(NUMBER) : ctx.declaredType(symbol, p);
    if (p.initializer && neverDefaulted(declared, p.initializer))
      ctx.refuse(
        p,
        "a default on a parameter that may be null (JavaScript applies it to undefined only)",
        "give the parameter the type 'T | undefined', or no default and pass null",
      );
    if (p.initializer) return { name: ctx.fresh("p"), type: optional(declared), node: p, rest: false };
    return { name: ctx.nameOf(symbol), type: declared, node: p, rest: !!p.dotDotDotToken };
  });
  const signature = ctx.checker.getSignatureFromDeclaration(node)!;
  const returnType = ctx.typeOf(
    node,
    callbackResultFromContext(ctx, node) ?? ctx.checker.getReturnTypeOfSignature(signature),
  );
  return { params, returnType };
}

/**
 * The parameters bound on entry, in order (JavaScript's evaluation): `let x = p !== undefined ? p :
 * default` for each defaulted one, and each destructured one unpacked (from its default when it is
 * undefined).
 */
export function bindParameters(ctx: PrintContext, signature: Signature): string {
  const lines: string[] = [];
  for (const p of signature.params) {
    if (!ts.isIdentifier(p.node.name)) {
      let source: Printed = { text: p.name, type: p.type };
      if (p.node.initializer) {
        const declared = ctx.typeOf(p.node);
        const present = coerce(
          ctx,
          { text: unwrap(source), type: (p.type as { inner: ValueType }).inner },
          declared,
          p.node,
        );
        source = {
          text: `(${p.name} !== null ? ${present} : ${printTo(ctx, p.node.initializer, declared)})`,
          type: declared,
        };
      }
      lines.push(destructure(ctx, p.node.name, source, p.node));
      continue;
    }
    if (!p.node.initializer) continue;
    const symbol = ctx.symbolOf(p.node.name)!;
    const declared = ctx.declaredType(symbol, p.node);
    const given: Printed = { text: p.name, type: p.type };
    const target = ctx.captured.has(symbol) ? variableAccess(ctx, symbol) : ctx.nameOf(symbol);
    // A default that may throw (`name = d.user.name` of an 'any' d, in a function a try calls):
    // its reads hoisted and checked, on the path that evaluates it (defaultParameters.ts).
    const checked = checkedDefault(ctx, p.node, given, declared, target);
    if (checked) {
      lines.push(checked);
      continue;
    }
    // `fallback: unknown = null`: a JSON value holds undefined itself (no box around it).
    const value =
      p.type.kind === "json"
        ? `!__ice_j_is_undef(${p.name}) ? ${coerce(ctx, given, declared, p.node)} : ${printTo(ctx, p.node.initializer, declared)}`
        : `${p.name} !== null ? ${coerce(
            ctx,
            { text: unwrap(given), type: (p.type as { inner: ValueType }).inner },
            declared,
            p.node,
          )} : ${printTo(ctx, p.node.initializer, declared)}`;
    lines.push(
      ctx.captured.has(symbol)
        ? `${variableAccess(ctx, symbol)} = ${value};`
        : `let ${ctx.nameOf(symbol)}: ${asType(declared)} = ${value};`,
    );
  }
  return lines.join("\n");
}

/** The names given to destructured parameters. */
const patternParameters = new WeakMap<ts.ParameterDeclaration, string>();
