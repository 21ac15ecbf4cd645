/**
 * @fileoverview `break` and `continue`, labelled or not, with JavaScript's targets, lowered for
 * AssemblyScript, which has no labels and in which a lowered `switch` is a `do { } while (false)`
 * (so a `continue` there would leave the switch, not reach the loop). A jump to the innermost
 * breakable construct is printed as it is; any other sets a flag of its target and breaks out
 * of the innermost construct, and after each construct it crosses, a check breaks further out or,
 * at the target, performs the break or continue there. A labelled statement that is not a loop
 * is printed as `do { } while (false)` so that `break label` can leave it.
 */
import { ts } from "../typescript.js";
import { NUMBER } from "../types.js";
import type { PrintContext } from "./context.js";
import { perContext } from "./perContext.js";

const BREAK = 1;
const CONTINUE = 2;

interface Pending {
  readonly target: ts.Node;
  readonly flag: string;
}

interface JumpState {
  readonly flags: Map<ts.Node, string>;
  /** Construct -> the targets whose jumps cross it (checked after it). */
  readonly crossed: Map<ts.Node, Pending[]>;
  /** Target -> the kinds of jump that reach it through a flag. */
  readonly kinds: Map<ts.Node, Set<number>>;
}

const states = perContext<JumpState>(() => ({ flags: new Map(), crossed: new Map(), kinds: new Map() }));

function state(ctx: PrintContext): JumpState {
  return states.of(ctx);
}

function isLoop(node: ts.Node): boolean {
  return ts.isIterationStatement(node, false);
}

/** A construct `break` leaves in the printed code: a loop, a switch, or a labelled non-loop statement. */
function isBreakable(node: ts.Node): boolean {
  if (isLoop(node) || ts.isSwitchStatement(node)) return true;
  return ts.isLabeledStatement(node) && !ts.isLabeledStatement(node.statement) && !isLoop(node.statement);
}

/** The construct a statement prints as (labels resolved), if it is breakable. */
function constructOf(statement: ts.Node): ts.Node | undefined {
  let s = statement;
  while (ts.isLabeledStatement(s) && ts.isLabeledStatement(s.statement)) s = s.statement;
  if (ts.isLabeledStatement(s) && isLoop(s.statement)) return s.statement;
  return isBreakable(s) ? s : undefined;
}

/** The construct a jump goes to, as JavaScript defines it. */
function targetOf(node: ts.BreakOrContinueStatement): ts.Node | undefined {
  const label = node.label?.text;
  for (let p = node.parent; p && !ts.isFunctionLike(p); p = p.parent) {
    if (label !== undefined) {
      if (ts.isLabeledStatement(p) && p.label.text === label) return constructOf(p);
      continue;
    }
    if (isLoop(p) || (ts.isSwitchStatement(p) && ts.isBreakStatement(node))) return p;
  }
  return undefined;
}

/** A `break` or `continue` statement. */
export function printJump(ctx: PrintContext, node: ts.BreakOrContinueStatement): string {
  const kind = ts.isBreakStatement(node) ? BREAK : CONTINUE;
  const plain = kind === BREAK ? "break;" : "continue;";
  const target = targetOf(node);
  if (!target) return ctx.refuse(node, "this jump", "break out of a loop or switch in the same function");
  const crossed: ts.Node[] = [];
  for (let p = node.parent; p && p !== target; p = p.parent)
    if (isBreakable(p) && constructOf(p) === p) crossed.push(p);
  if (crossed.length === 0) return plain;
  const s = state(ctx);
  let flag = s.flags.get(target);
  if (!flag) {
    flag = ctx.temp(NUMBER);
    s.flags.set(target, flag);
  }
  let kinds = s.kinds.get(target);
  if (!kinds) {
    kinds = new Set();
    s.kinds.set(target, kinds);
  }
  kinds.add(kind);
  for (const c of crossed) {
    const list = s.crossed.get(c) ?? [];
    if (!list.some((x) => x.target === target)) list.push({ target, flag });
    s.crossed.set(c, list);
  }
  return `{ ${flag} = ${kind}.0; break; }`;
}

/** What follows a printed statement: the checks of the jumps that crossed the construct it is. */
export function afterJumps(ctx: PrintContext, statement: ts.Statement): string {
  const construct = constructOf(statement);
  if (!construct) return "";
  const pending = states.peek(ctx)?.crossed.get(construct);
  if (!pending) return "";
  let outer: ts.Node | undefined;
  for (let p = construct.parent; p && !ts.isFunctionLike(p); p = p.parent)
    if (isBreakable(p) && constructOf(p) === p) {
      outer = p;
      break;
    }
  const lines: string[] = [];
  for (const { target, flag } of pending) {
    if (outer !== target) {
      lines.push(`if (${flag} != 0.0) break;`);
      continue;
    }
    const kinds = state(ctx).kinds.get(target)!;
    if (kinds.has(BREAK)) lines.push(`if (${flag} == ${BREAK}.0) { ${flag} = 0.0; break; }`);
    if (kinds.has(CONTINUE)) lines.push(`if (${flag} == ${CONTINUE}.0) { ${flag} = 0.0; continue; }`);
  }
  return `\n${lines.join("\n")}`;
}

/** A labelled statement: a loop as itself, anything else as a block `break` can leave. */
export function printLabeled(
  ctx: PrintContext,
  node: ts.LabeledStatement,
  print: (statement: ts.Statement) => string,
): string {
  const inner = node.statement;
  if (ts.isLabeledStatement(inner) || isLoop(inner)) return print(inner);
  if (ts.isFunctionDeclaration(inner)) return ctx.refuse(node, "a labelled function", "remove the label");
  return `do {\n${print(inner)}\n} while (false);`;
}
