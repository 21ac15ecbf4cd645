/**
 * @fileoverview Exceptions without WebAssembly exception handling, and the workflow line of run-time
 * traps. `throw v` stores v in the support library's pending slot (support/exceptions.ts) and leaves
 * the current region: `break` out of the enclosing loop, switch or try region (each of which is
 * followed by a check that keeps unwinding), or `return` a placeholder from the function. A call
 * that may throw (a body function, method, constructor or accessor whose code may throw, or an
 * array method given such a callback; found by a fixpoint over the body's functions) is hoisted
 * out of its statement into a temporary and followed by the same check, so nothing after it in the
 * statement runs (refused where hoisting would reorder what JavaScript evaluates). `try` is a
 * `do { } while (false)` region; `catch` takes the pending value; `finally` runs on every way out
 * (normal, throw, return, break, continue: a completion code in `fk`, dispatched after it).
 * What catch never catches: the sandbox's limits (fuel, memory, time) and run-time traps (an index
 * out of range, a missing Map key asserted with `!`): they end the node with the workflow line.
 */
import { ts } from "../typescript.js";
import { asType, NUMBER, STRING, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { printTo } from "./expressions.js";
import {
  type Frame,
  state,
  frames,
  lineOf,
  throwAction,
  within,
  innermostTry,
  afterRegion,
  jump,
} from "./exceptionRegions.js";
import { isCodeUnit, mayThrow, runsBodyCode } from "./throwAnalysis.js";
import { immediateExpressions, hoist } from "./throwingCalls.js";

/** The value type of a caught value (`unknown` in TypeScript): any thrown value, boxed. */
export const THROWN: ValueType = { kind: "object", shape: { name: "__ice_Thrown", fields: [] } };

// ---- statements --------------------------------------------------------------------------

/**
 * Prints one statement with what exceptions and trap lines need around it: the line set first,
 * calls that may throw hoisted (each followed by its check), loops and switches as regions
 * followed by their check. `print` is the plain printer.
 */
export function withStatement(ctx: PrintContext, node: ts.Statement, print: () => string): string {
  const s = state(ctx);
  const before: string[] = [];
  const line = lineOf(ctx, node);
  const saved = s.line;
  s.line = line;
  try {
    if (!quiet(ctx, node)) before.push(`__ice_set_line(${line});`);
    for (const expr of immediateExpressions(ctx, node)) before.push(...hoist(ctx, expr, line));
    const region = regionKind(node);
    let text: string;
    if (region) {
      text = within(ctx, { kind: region }, print);
      if (containsThrowOrJump(ctx, node)) text += `\n${afterRegion(ctx)}`;
    } else text = print();
    return before.length > 0 ? `${before.join("\n")}\n${text}` : text;
  } finally {
    s.line = saved;
  }
}

function regionKind(node: ts.Statement): "loop" | "switch" | undefined {
  if (ts.isSwitchStatement(node)) return "switch";
  if (ts.isIterationStatement(node, false)) return "loop";
  return undefined;
}

/** True when a statement's own expressions cannot trap (no line needs setting). */
function quiet(ctx: PrintContext, node: ts.Node): boolean {
  if (ts.isBlock(node) || ts.isFunctionDeclaration(node) || ts.isEmptyStatement(node)) return true;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) return true;
  if (ts.isThrowStatement(node) || ts.isClassDeclaration(node)) return false;
  let noisy = false;
  const visit = (n: ts.Node): void => {
    if (noisy || (n !== node && isCodeUnit(n)) || ts.isClassLike(n)) return;
    if (ts.isBlock(n) || (ts.isStatement(n) && n !== node)) return;
    if (
      ts.isCallExpression(n) ||
      ts.isNewExpression(n) ||
      ts.isElementAccessExpression(n) ||
      ts.isNonNullExpression(n) ||
      ts.isAsExpression(n) ||
      ts.isTaggedTemplateExpression(n) ||
      ts.isBindingElement(n) ||
      (ts.isPropertyAccessExpression(n) && runsBodyCode(ctx, n))
    ) {
      noisy = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  if (ts.isExpression(node)) visit(node);
  else ts.forEachChild(node, visit);
  return !noisy;
}

/** True when a loop or switch contains a throw, a call that may throw, or a jump that may cross a try. */
function containsThrowOrJump(ctx: PrintContext, node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isCodeUnit(n) || ts.isClassLike(n)) return;
    if (ts.isThrowStatement(n) || mayThrow(ctx, n) || ts.isTryStatement(n)) {
      found = true;
      return;
    }
    if ((ts.isReturnStatement(n) || ts.isBreakStatement(n) || ts.isContinueStatement(n)) && innermostTry(frames(ctx))) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** An arrow function's expression body, as the statement that returns it. */
export function expressionBody(ctx: PrintContext, body: ts.Node, returnType: ValueType): string {
  const s = state(ctx);
  const line = lineOf(ctx, body);
  const saved = s.line;
  s.line = line;
  try {
    const before: string[] = [];
    if (!quiet(ctx, body)) before.push(`__ice_set_line(${line});`);
    before.push(...hoist(ctx, body as ts.Expression, line));
    const text =
      returnType.kind === "void"
        ? `${printTo(ctx, body as ts.Expression, returnType)};`
        : `return ${printTo(ctx, body as ts.Expression, returnType)};`;
    return [...before, text].join("\n");
  } finally {
    s.line = saved;
  }
}

// ---- throw, try, jumps -------------------------------------------------------------------

export function printThrow(ctx: PrintContext, node: ts.ThrowStatement, value: Printed): string {
  const line = lineOf(ctx, node);
  const t = value.type;
  let set: string;
  if (t === THROWN || (t.kind === "object" && t.shape.name === "__ice_Thrown")) set = `__ice_throw(${value.text});`;
  else if (t.kind === "string") set = `__ice_throw_str(${value.text}, ${line});`;
  else if (t.kind === "number") set = `__ice_throw_num(${value.text}, ${line});`;
  else if (t.kind === "boolean") set = `__ice_throw_bool(${value.text}, ${line});`;
  else if (t.kind === "error" || t.kind === "object") set = `__ice_throw_obj<${asType(t)}>(${value.text}, ${line});`;
  else
    return ctx.refuse(
      node.expression,
      "throwing this value",
      "throw an Error (or a class instance), a string, a number or a boolean",
    );
  return `${set}\n${throwAction(ctx)}`;
}

/**
 * \`return\` (through the finally blocks it leaves), or a \`break\`/\`continue\` that leaves a try
 * region (jumpLeavesTry): through the try's completion code.
 */
export function printExit(ctx: PrintContext, what: "return" | ts.BreakOrContinueStatement, value?: string): string {
  if (what === "return") return jump(ctx, "return", value);
  return jump(ctx, ts.isBreakStatement(what) ? "break" : "continue", undefined);
}

/**
 * True when a break or continue leaves a try region (printExit prints it; others are jumps.ts's).
 * Refused when it also needs jumps.ts: a label, or a continue from inside a switch.
 */
export function jumpLeavesTry(ctx: PrintContext, node: ts.BreakOrContinueStatement): boolean {
  const kind = ts.isBreakStatement(node) ? "break" : "continue";
  const f = frames(ctx);
  if (node.label && f.some((frame) => frame.kind === "try"))
    ctx.refuse(node, "a labelled jump inside a try block", "use a flag variable");
  let switches = false;
  for (let i = f.length - 1; i >= 0; i--) {
    const frame = f[i]!;
    if (kind === "break" && (frame.kind === "loop" || frame.kind === "switch")) return false;
    if (kind === "continue" && frame.kind === "loop") return false;
    if (frame.kind === "switch") switches = true;
    if (frame.kind === "try") {
      if (node.label || switches)
        ctx.refuse(node, "a labelled jump, or a continue inside a switch, out of a try block", "use a flag variable");
      return true;
    }
  }
  return false;
}

/**
 * `try { A } catch (e) { B } finally { C }`. `printBlock` prints a block's statements; `bindCatch`
 * declares the catch variable from a caught value's text.
 */
export function printTry(
  ctx: PrintContext,
  node: ts.TryStatement,
  printBlock: (block: ts.Block) => string,
  bindCatch: (declaration: ts.VariableDeclaration, value: string) => string,
): string {
  const outer = [...frames(ctx)];
  const fk = ctx.fresh("fk");
  const returnType = ctx.current.returnType;
  const hasFinally = !!node.finallyBlock;
  const fv = hasFinally && returnType.kind !== "void" ? ctx.temp(returnType) : undefined;
  const frame: Frame = { kind: "try", fk, fv, hasFinally, used: new Set() };
  const lines: string[] = [`let ${fk}: i32 = 0;`];
  lines.push(`do {\n${within(ctx, frame, () => printBlock(node.tryBlock))}\n} while (false);`);
  const clause = node.catchClause;
  if (clause) {
    const take = (): string => {
      const d = clause.variableDeclaration;
      const bound = d ? bindCatch(d, "__ice_catch()") : "__ice_catch();";
      return `${bound}\n${printBlock(clause.block)}`;
    };
    const body = hasFinally ? `do {\n${within(ctx, frame, take)}\n} while (false);` : take();
    lines.push(`if (${fk} == 0 && __ice_pending()) {\n${body}\n}`);
  }
  if (node.finallyBlock) {
    const saved = ctx.fresh("saved");
    lines.push(`const ${saved} = __ice_catch_any();`);
    lines.push(`{\n${printBlock(node.finallyBlock)}\n}`);
    lines.push(`if (${saved} !== null) { __ice_throw(${saved}!); ${throwAction(ctx, outer)} }`);
    if (frame.used.has(1)) lines.push(`if (${fk} == 1) ${jump(ctx, "return", fv, outer)}`);
  }
  if (frame.used.has(2)) lines.push(`if (${fk} == 2) ${jump(ctx, "break", undefined, outer)}`);
  if (frame.used.has(3)) {
    for (let i = outer.length - 1; i >= 0 && outer[i]!.kind !== "loop"; i--)
      if (outer[i]!.kind === "switch")
        ctx.refuse(node, "a continue out of a try block inside a switch", "use a flag variable");
    lines.push(`if (${fk} == 3) ${jump(ctx, "continue", undefined, outer)}`);
  }
  return `{\n${lines.join("\n")}\n}`;
}

/** The text of the caught value bound to a catch variable, read where the checker narrowed it. */
export function printCaught(ctx: PrintContext, node: ts.Identifier, storage: string): Printed {
  const type = ctx.checker.getTypeAtLocation(node);
  if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return { text: storage, type: THROWN };
  const here = ctx.typeOf(node, type);
  return { text: fromThrown(ctx, storage, here, node), type: here };
}

/** A caught value as a value of `to` (narrowed by the checker, or asserted with `as`). */
export function fromThrown(ctx: PrintContext, storage: string, to: ValueType, at: ts.Node): string {
  if (to.kind === "string") return `__ice_thrown_str(${storage})`;
  if (to.kind === "number") return `__ice_thrown_num(${storage})`;
  if (to.kind === "error" || to.kind === "object") return `__ice_thrown_as<${asType(to)}>(${storage})`;
  return ctx.refuse(at, "using the caught value as this type", "test it with `instanceof` first");
}

/** `String(e)`, templates and `+` of a caught value. */
export function thrownText(printed: Printed): string | undefined {
  if (printed.type === THROWN) return `__ice_thrown_text(${printed.text})`;
  if (printed.type.kind === "error") return `__ice_error_text(${printed.text})`;
  return undefined;
}

export { NUMBER, STRING };
