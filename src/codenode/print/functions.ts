/**
 * @fileoverview Functions inside a body (declarations, `const f = (...) => ...`, callbacks passed
 * to array methods): each is lifted to a top-level AssemblyScript function whose first parameter
 * is the environment object of the function that defines it. Variables a nested function reads
 * or writes live in their owner's environment (a generated class, `up` linking to the enclosing
 * one), so closures see and update the same variables as in JavaScript. Function values never
 * escape (they can only be called or passed straight to an array method), so one environment per
 * call of the owner is exact. `return` in a callback returns from the callback.
 */
import { ts } from "ts-morph";
import { asType, NUMBER, optional, sameType, type ValueType, VOID, zeroValue } from "../types.js";
import { type FunctionState, isFunctionLike, type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { printTo } from "./expressions.js";
import { printStatements } from "./statements.js";

type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** Finds nested functions and the variables they capture, before anything is printed. */
export function analyze(ctx: PrintContext, root: ts.FunctionDeclaration): void {
  const owners = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (node !== root && isFunctionLike(node)) {
      const definer = ctx.functionOf(node);
      ctx.lifted.set(node, { name: ctx.fresh("f"), definer });
      owners.add(definer);
    }
    if (ts.isIdentifier(node)) {
      const symbol = ctx.symbolOf(node);
      if (
        symbol &&
        ctx.isLocal(symbol) &&
        symbol.flags & (ts.SymbolFlags.Variable | ts.SymbolFlags.FunctionScopedVariable)
      ) {
        const declaration = symbol.valueDeclaration;
        if (
          declaration &&
          !(ts.isVariableDeclaration(declaration) && declaration.initializer && isFunctionLike(declaration.initializer))
        ) {
          const owner = ctx.functionOf(declaration);
          if (ctx.functionOf(node) !== owner && !(ts.isParameter(declaration) && declaration === node.parent)) {
            ctx.captured.add(symbol);
            owners.add(owner);
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  ctx.envOwners = owners;
}

/** The state of a function about to be printed. */
export function enter(ctx: PrintContext, node: ts.Node, name: string, returnType: ValueType): FunctionState {
  const state: FunctionState = {
    node,
    parent: ctx.states.get(ctx.functionOf(node)),
    name,
    returnType,
    env: ctx.envOwners.has(node) ? { name: ctx.fresh("Env"), fields: [] } : undefined,
    temps: [],
  };
  ctx.states.set(node, state);
  return state;
}

/** Environment class declarations, once every function has been printed. */
export function environmentClasses(ctx: PrintContext): string {
  const out: string[] = [];
  for (const state of ctx.states.values()) {
    if (!state.env) continue;
    const fields = [...ctx.captured]
      .filter((s) => ctx.functionOf(s.valueDeclaration!) === state.node)
      .map((s) => {
        const type = ctx.declaredType(s, s.valueDeclaration!);
        return `  ${ctx.nameOf(s)}: ${asType(type)} = ${zeroValue(type)};`;
      });
    const up = state.parent?.env
      ? `  up: ${state.parent.env.name} | null;\n  constructor(up: ${state.parent.env.name} | null) { this.up = up; }`
      : "  constructor(up: i32) {}";
    out.push(`class ${state.env.name} {\n${fields.join("\n")}\n${up}\n}`);
  }
  return out.join("\n");
}

/** Prologue of a function: its temporaries, its environment and the captured parameters moved in. */
export function prologue(ctx: PrintContext, state: FunctionState, params: readonly ts.ParameterDeclaration[]): string {
  const lines: string[] = [ctx.tempDeclarations(state)];
  if (state.env) {
    lines.push(`const __ice_e = new ${state.env.name}(${state.parent?.env ? "__ice_pe" : "0"});`);
    for (const p of params) {
      const symbol = ctx.symbolOf(p.name);
      if (symbol && ctx.captured.has(symbol)) lines.push(`__ice_e.${ctx.nameOf(symbol)} = ${ctx.nameOf(symbol)};`);
    }
  }
  return lines.filter(Boolean).join("\n");
}

function declarationOf(symbol: ts.Symbol): FunctionNode | undefined {
  const declaration = symbol.valueDeclaration;
  if (declaration && ts.isFunctionDeclaration(declaration)) return declaration;
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = stripParens(declaration.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

interface Signature {
  readonly params: readonly {
    readonly name: string;
    readonly type: ValueType;
    readonly node: ts.ParameterDeclaration;
  }[];
  readonly returnType: ValueType;
}

function signatureOf(ctx: PrintContext, node: FunctionNode): Signature {
  const params = node.parameters.map((p) => {
    if (!ts.isIdentifier(p.name)) ctx.refuse(p, "a destructured parameter", "take the object and read its fields");
    if (p.initializer || p.questionToken || p.dotDotDotToken)
      ctx.refuse(p, "optional, default or rest parameters", "pass every argument explicitly");
    const symbol = ctx.symbolOf(p.name)!;
    // A parameter that is always undefined (`_` of `Array.from({ length: n }, (_, i) => ...)`)
    // takes an empty box; reading it is refused where it is read.
    const always = ctx.checker.getTypeOfSymbolAtLocation(symbol, p).flags & ts.TypeFlags.Undefined;
    const type = always ? optional(NUMBER) : ctx.declaredType(symbol, p);
    return { name: ctx.nameOf(symbol), type, node: p };
  });
  const signature = ctx.checker.getSignatureFromDeclaration(node)!;
  const returnType = ctx.typeOf(node, ctx.checker.getReturnTypeOfSignature(signature));
  return { params, returnType };
}

const printed = new WeakMap<ts.Node, Signature>();

/** Lifts (once) and returns the signature of a nested function. */
export function lift(ctx: PrintContext, node: FunctionNode): Signature {
  const done = printed.get(node);
  if (done) return done;
  const signature = signatureOf(ctx, node);
  printed.set(node, signature);
  const { name, definer } = ctx.lifted.get(node)!;
  const outer = ctx.current;
  const state = enter(ctx, node, name, signature.returnType);
  ctx.current = state;
  try {
    let body: string;
    if (ts.isBlock(node.body!)) body = printStatements(ctx, node.body.statements) + fallOff(signature.returnType);
    else if (signature.returnType.kind === "void") body = `${printTo(ctx, node.body!, VOID)};`;
    else body = `return ${printTo(ctx, node.body!, signature.returnType)};`;
    const definerEnv = ctx.states.get(definer)?.env?.name ?? "i32";
    const params = [`__ice_pe: ${definerEnv}`, ...signature.params.map((p) => `${p.name}: ${asType(p.type)}`)];
    ctx.hoisted.push(
      `function ${name}(${params.join(", ")}): ${asType(signature.returnType)} {\n${prologue(ctx, state, node.parameters)}\n${body}\n}`,
    );
  } finally {
    ctx.current = outer;
  }
  return signature;
}

/** A call of a function declared in the body. */
export function callLifted(ctx: PrintContext, call: ts.CallExpression, symbol: ts.Symbol): Printed {
  const node = declarationOf(symbol);
  if (!node) return ctx.refuse(call, `calling '${symbol.name}'`, "call functions declared in the body");
  const signature = lift(ctx, node);
  if (call.arguments.length !== signature.params.length)
    return ctx.refuse(call, "a call with a different number of arguments than parameters", "pass every parameter");
  const args = call.arguments.map((a, i) => printTo(ctx, a, signature.params[i]!.type));
  const { name, definer } = ctx.lifted.get(node)!;
  return { text: `${name}(${[ctx.envOf(definer), ...args].join(", ")})`, type: signature.returnType };
}

/** What an array helper needs to call a callback: a function name, an environment and its type. */
export interface Callback {
  readonly name: string;
  readonly env: string;
  readonly envType: string;
}

/**
 * The callback `arg` adapted to a helper's signature: `(env, ...leading, index, array)` for
 * array methods (`leading` the values it receives), `(env, a, b)` for comparators.
 */
export function callbackFor(
  ctx: PrintContext,
  arg: ts.Expression,
  _arity: number,
  leading: readonly ValueType[],
  result: ValueType,
  comparator = false,
  _reducer = false,
): Callback {
  const inner = stripParens(arg);
  let node: FunctionNode | undefined;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) node = inner;
  else if (ts.isIdentifier(inner)) {
    const symbol = ctx.symbolOf(inner);
    if (symbol && ctx.isLocal(symbol)) node = declarationOf(symbol);
  }
  if (!node)
    return ctx.refuse(arg, "this callback", "pass an arrow function or the name of a function declared in the body");
  const signature = lift(ctx, node);
  const { name, definer } = ctx.lifted.get(node)!;
  const envType = ctx.states.get(definer)?.env?.name ?? "i32";
  const arrayType: ValueType | undefined = comparator
    ? undefined
    : { kind: "array", element: leading[leading.length - 1]! };
  const expected: ValueType[] = comparator ? [...leading] : [...leading, { kind: "number" }, arrayType!];
  if (signature.params.length > expected.length)
    ctx.refuse(arg, "a callback with more parameters than it is given", "remove the extra parameters");
  signature.params.forEach((p, i) => {
    if (!sameType(p.type, expected[i]!))
      ctx.refuse(
        p.node,
        "a callback parameter of another type than the value it receives",
        "leave the parameter's type to inference",
      );
  });
  const adapter = ctx.fresh("a");
  const names = expected.map((_, i) => `p${i}`);
  const params = [`e: ${envType}`, ...expected.map((t, i) => `${names[i]}: ${asType(t)}`)];
  const callText = `${name}(${["e", ...names.slice(0, signature.params.length)].join(", ")})`;
  let body: string;
  if (result.kind === "void") body = `${callText};`;
  else if (signature.returnType.kind === "void")
    return ctx.refuse(arg, "a callback that returns nothing", "return a value");
  else body = `return ${coerce(ctx, { text: callText, type: signature.returnType }, result, arg)};`;
  ctx.hoisted.push(`function ${adapter}(${params.join(", ")}): ${asType(result)} { ${body} }`);
  return { name: adapter, env: envOfDefiner(ctx, definer), envType };
}

function envOfDefiner(ctx: PrintContext, definer: ts.Node): string {
  return ctx.states.get(definer)?.env ? ctx.envOf(definer) : "0";
}

/**
 * What ends a block body that falls off its end: nothing for void, undefined for an optional
 * return type; otherwise the checker proved every path returns (AssemblyScript may not see it,
 * e.g. after a lowered switch), so the end is unreachable.
 */
function fallOff(type: ValueType): string {
  if (type.kind === "void") return "";
  if (type.kind === "optional") return `\nreturn __ice_none<${asType(type)}>();`;
  return '\nthrow new Error("unreachable: the function ended without returning");';
}
