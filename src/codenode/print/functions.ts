/**
 * @fileoverview Functions inside a body (declarations, `const f = (...) => ...`, callbacks passed
 * to array methods): each is lifted to a top-level AssemblyScript function whose first parameter
 * is the environment object of the function that defines it. Variables a nested function reads
 * or writes live in their owner's environment (a generated class, `up` linking to the enclosing
 * one), so closures see and update the same variables as in JavaScript. Function values never
 * escape (they can only be called or passed straight to an array method), so one environment per
 * call of the owner is exact. `return` in a callback returns from the callback. The lifted
 * function's parameters are in signatures.ts, adapters for the library's helpers in callbacks.ts.
 */
import { ts } from "../typescript.js";
import { asType, typeKey, type ValueType, VOID, zeroValue } from "../types.js";
import { type FunctionState, isFunctionLike, type PrintContext, type Printed, stripParens } from "./context.js";
import { instantiation } from "./generics.js";
import { printArguments } from "./parameters.js";
import { printStatements } from "./statements.js";
import { expressionBody } from "./exceptions.js";
import { entryGuard } from "./throwAnalysis.js";
import { isKeptFunctionValue, keepConstFunctionValues } from "./functionIdentity.js";
import { bindParameters, type Signature, signatureOf } from "./signatures.js";

export type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/**
 * `const f = (...) => ...`: a function that is lifted and called directly, made as an object where
 * its name is used as a value; not one kept as a variable holding one object (functionIdentity.ts).
 */
export function isLiftedConstDeclaration(node: ts.Node): boolean {
  return isConstArrow(node) && !isKeptFunctionValue(node);
}

function isConstArrow(node: ts.Node): boolean {
  if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name) || !node.initializer) return false;
  if (!ts.isVariableDeclarationList(node.parent) || !(node.parent.flags & ts.NodeFlags.Const)) return false;
  const init = stripParens(node.initializer);
  return ts.isArrowFunction(init) || ts.isFunctionExpression(init);
}

/** Finds nested functions and the variables they capture, before anything is printed. */
export function analyze(ctx: PrintContext, root: ts.FunctionDeclaration): void {
  keepConstFunctionValues(ctx, isConstArrow);
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
        if (declaration && !isLiftedConstDeclaration(declaration)) {
          const owner = ctx.functionOf(declaration);
          if (ctx.functionOf(node) !== owner && !(ts.isParameter(declaration) && declaration === node.parent))
            ctx.captured.add(symbol);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  for (const symbol of ctx.captured) {
    const scope = scopeOf(ctx, symbol.valueDeclaration!);
    ctx.owner.set(symbol, scope);
    if (isFunctionLike(scope)) owners.add(scope);
    else ctx.blockScopes.add(scope);
  }
  ctx.envOwners = owners;
}

/**
 * The scope whose environment holds a captured variable: its block or loop (JavaScript makes a
 * new binding each time a block runs, and one per iteration for `for (let ...)` and `for...of`),
 * or its function (parameters, the function's own block, and the rare `catch`/`for...in`
 * bindings).
 */
function scopeOf(ctx: PrintContext, declaration: ts.Node): ts.Node {
  const fn = ctx.functionOf(declaration);
  if (ts.isParameter(declaration)) return fn;
  let node: ts.Node = declaration;
  while (
    ts.isBindingElement(node) ||
    ts.isObjectBindingPattern(node) ||
    ts.isArrayBindingPattern(node) ||
    ts.isVariableDeclaration(node)
  )
    node = node.parent;
  if (!ts.isVariableDeclarationList(node)) return fn;
  const holder = node.parent;
  if (ts.isForStatement(holder) || ts.isForOfStatement(holder)) return holder;
  if (!ts.isVariableStatement(holder)) return fn;
  const block = holder.parent;
  // Blocks whose printing makes their environment (statements.ts); any other falls back to the
  // function's environment, exact unless a closure outlives one run of the block.
  if (ts.isBlock(block) && PRINTED_BLOCK_PARENTS.has(block.parent.kind)) return block;
  if (ts.isCaseClause(block) || ts.isDefaultClause(block)) return block.parent;
  return fn;
}

const PRINTED_BLOCK_PARENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Block,
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.DefaultClause,
  ts.SyntaxKind.LabeledStatement,
]);

/** The state of a function about to be printed (its return type is set once known). */
export function enter(
  ctx: PrintContext,
  node: ts.Node,
  name: string,
  returnType: ValueType,
  parent: FunctionState | undefined = ctx.stateFor(ctx.functionOf(node)),
  typeArgs?: ReadonlyMap<ts.Symbol, ValueType>,
): FunctionState {
  const state: FunctionState = {
    node,
    parent,
    name,
    returnType,
    env: ctx.envOwners.has(node) ? { name: ctx.fresh("Env"), fields: [] } : undefined,
    temps: [],
    blockEnvs: new Map(),
    ...(typeArgs && { typeArgs }),
  };
  ctx.states.set(node, state);
  ctx.stateList.push(state);
  return state;
}

/** Environment class declarations (functions' and block scopes'), once every function has been printed. */
export function environmentClasses(ctx: PrintContext): string {
  const out: string[] = [];
  const outer = ctx.current;
  const declare = (scope: ts.Node, name: string, state: FunctionState, copy: boolean): void => {
    ctx.current = state;
    const fields = [...ctx.captured]
      .filter((s) => ctx.owner.get(s) === scope)
      .map((s) => {
        const type = ctx.declaredType(s, s.valueDeclaration!);
        return { name: ctx.nameOf(s), text: `  ${ctx.nameOf(s)}: ${asType(type)} = ${zeroValue(type)};` };
      });
    // Fields that are no variable of the body (a method's `this`: capturedThis.ts), null until set.
    if (scope === state.node)
      for (const f of state.env?.fields ?? [])
        fields.push({ name: f.name, text: `  ${f.name}: ${asType(f.type)} | null = null;` });
    const enclosing = ctx.enclosingScope(scope);
    const upClass = enclosing ? ctx.scopeClass(enclosing, state) : undefined;
    const up = upClass
      ? `  up: ${upClass} | null;\n  constructor(up: ${upClass} | null) { super(); this.up = up; }`
      : "  constructor(up: i32) { super(); }";
    const copies = copy
      ? `\n  __ice_copy(): ${name} { const c = new ${name}(${upClass ? "this.up" : "0"}); ${fields.map((f) => `c.${f.name} = this.${f.name};`).join(" ")} return c; }`
      : "";
    out.push(`class ${name} extends __ice_Env {\n${fields.map((f) => f.text).join("\n")}\n${up}${copies}\n}`);
  };
  try {
    for (const state of ctx.stateList) {
      if (state.env) declare(state.node, state.env.name, state, false);
      for (const [scope, env] of state.blockEnvs ?? []) declare(scope, env.name, state, ts.isForStatement(scope));
    }
  } finally {
    ctx.current = outer;
  }
  return out.join("\n");
}

/** The statement that makes a block scope's environment, run each time the block (or iteration) starts. */
export function blockEnvEntry(ctx: PrintContext, scope: ts.Node): string {
  if (!ctx.blockScopes.has(scope)) return "";
  const env = ctx.blockEnv(scope);
  const enclosing = ctx.enclosingScope(scope);
  return `${env.local} = new ${env.name}(${enclosing ? ctx.envOf(enclosing) : "0"});\n`;
}

/** The environment of the scope a function is defined in, as the lifted function's first argument. */
export function definerEnv(ctx: PrintContext, node: ts.Node): string {
  const scope = ctx.enclosingScope(node);
  return scope ? ctx.envOf(scope) : "0";
}

/**
 * Prologue of a function: its temporaries, block environment locals, its environment, the
 * captured parameters moved in, then `bindings` (default values of parameters).
 */
export function prologue(
  ctx: PrintContext,
  state: FunctionState,
  params: readonly ts.ParameterDeclaration[],
  bindings = "",
): string {
  const lines: string[] = [ctx.tempDeclarations(state)];
  // Null until its block runs: a use before that traps instead of writing through a null reference.
  for (const env of state.blockEnvs?.values() ?? []) lines.push(`let ${env.local}: ${env.name} | null = null;`);
  if (state.env) {
    lines.push(`const __ice_e = new ${state.env.name}(${ctx.enclosingScope(state.node) ? "__ice_pe" : "0"});`);
    for (const p of params) {
      const symbol = ctx.symbolOf(p.name);
      if (symbol && ctx.captured.has(symbol) && !p.initializer)
        lines.push(`__ice_e.${ctx.nameOf(symbol)} = ${ctx.nameOf(symbol)};`);
    }
  }
  lines.push(bindings);
  return lines.filter(Boolean).join("\n");
}

/** The function a local symbol names: a declaration, `const f = (...) => ...`, or a named function expression. */
export function declarationOf(symbol: ts.Symbol): FunctionNode | undefined {
  const declaration = symbol.valueDeclaration;
  if (declaration && (ts.isFunctionDeclaration(declaration) || ts.isFunctionExpression(declaration)))
    return declaration;
  if (declaration && isLiftedConstDeclaration(declaration)) {
    const init = stripParens((declaration as ts.VariableDeclaration).initializer!);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** The body's function an argument is: an arrow or function expression, or the name of a local function. */
export function functionArgument(ctx: PrintContext, arg: ts.Expression): FunctionNode | undefined {
  const inner = stripParens(arg);
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return inner;
  if (!ts.isIdentifier(inner)) return undefined;
  const symbol = ctx.symbolOf(inner);
  return symbol && ctx.isLocal(symbol) ? declarationOf(symbol) : undefined;
}

/** A lifted function: its name (one per generic instance) and signature. */
export interface Lifted {
  readonly name: string;
  readonly signature: Signature;
}

const printed = new WeakMap<ts.Node, Map<string, Lifted>>();

/** What distinguishes the instances of generic functions along a chain of states. */
function instanceKey(state: FunctionState | undefined): string {
  let key = "";
  for (let s = state; s; s = s.parent)
    if (s.typeArgs) key += `<${[...s.typeArgs.values()].map((t) => typeKey(t)).join(",")}>`;
  return key;
}

/** Lifts (once per instance) a nested function; `typeArgs` instantiates a generic one. */
/** What to write instead of overload signatures. */
export const OVERLOADS = "declare one signature (a union parameter, or one function per case)";

export function lift(ctx: PrintContext, node: FunctionNode, typeArgs?: ReadonlyMap<ts.Symbol, ValueType>): Lifted {
  // An overload signature: its calls take their types from it, the body from the implementation.
  if (!node.body) ctx.refuse(node, "a function overload", OVERLOADS);
  if (node.asteriskToken)
    ctx.refuse(
      node.name ?? node,
      "a generator function (function*; JavaScript runs its body lazily, a step at each next())",
      "build and return an array",
    );
  const { definer } = ctx.lifted.get(node)!;
  const parent = ctx.stateFor(definer);
  const key = instanceKey(parent) + (typeArgs ? `<${[...typeArgs.values()].map((t) => typeKey(t)).join(",")}>` : "");
  let instances = printed.get(node);
  if (!instances) {
    instances = new Map();
    printed.set(node, instances);
  }
  const done = instances.get(key);
  if (done) return done;
  const name = instances.size === 0 ? ctx.lifted.get(node)!.name : ctx.fresh("f");
  const outer = ctx.current;
  const state = enter(ctx, node, name, VOID, parent, typeArgs);
  ctx.current = state;
  try {
    const signature = signatureOf(ctx, node);
    state.returnType = signature.returnType;
    const lifted = { name, signature };
    instances.set(key, lifted);
    const bindings = bindParameters(ctx, signature);
    let body: string;
    if (ts.isBlock(node.body!)) body = printStatements(ctx, node.body.statements) + fallOff(signature.returnType);
    else body = expressionBody(ctx, node.body!, signature.returnType);
    body = entryGuard(ctx, node, signature.returnType) + body;
    const scope = ctx.enclosingScope(node);
    const peType = scope ? ctx.scopeClass(scope, parent) : "i32";
    const params = [`__ice_pe: ${peType}`, ...signature.params.map((p) => `${p.name}: ${asType(p.type)}`)];
    ctx.hoisted.push(
      `function ${name}(${params.join(", ")}): ${asType(signature.returnType)} {\n${prologue(ctx, state, node.parameters, bindings)}\n${body}\n}`,
    );
    return lifted;
  } finally {
    ctx.current = outer;
  }
}

/** The class of the environment a lifted function takes first (`i32` when it needs none). */
export function definerEnvClass(ctx: PrintContext, node: ts.Node): string {
  const scope = ctx.enclosingScope(node);
  return scope ? ctx.scopeClass(scope, ctx.stateFor(ctx.lifted.get(node)!.definer)) : "i32";
}

/** A call of a function declared in the body. */
export function callLifted(ctx: PrintContext, call: ts.CallExpression, symbol: ts.Symbol): Printed {
  const node = declarationOf(symbol);
  if (!node) return ctx.refuse(call, `calling '${symbol.name}'`, "call functions declared in the body");
  const lifted = lift(ctx, node, instantiation(ctx, call, node));
  const args = printArguments(ctx, call.arguments, lifted.signature.params, call);
  return { text: `${lifted.name}(${[definerEnv(ctx, node), ...args].join(", ")})`, type: lifted.signature.returnType };
}

/**
 * What ends a block body that falls off its end: nothing for void, undefined for an optional
 * return type; otherwise the checker proved every path returns (AssemblyScript may not see it,
 * e.g. after a lowered switch), so the end is unreachable.
 */
function fallOff(type: ValueType): string {
  if (type.kind === "void") return "";
  if (type.kind === "optional") return `\nreturn __ice_none<${asType(type)}>();`;
  if (type.kind === "json") return "\nreturn __ice_j_undef();";
  return '\nthrow new Error("unreachable: the function ended without returning");';
}
