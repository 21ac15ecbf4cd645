/**
 * @fileoverview `var` in code bodies: printed as `let` where the two cannot differ, refused (with
 * where and what to write) where they can. A `var` is hoisted to its function and shared by every
 * pass of a loop; a `let` lives in its block, is new each pass, and cannot be read before its
 * declaration. They agree when the variable is declared once, in a block (or a for loop's head),
 * and every use is in that block after the declaration, not in a function declaration (hoisted, it
 * may run before the declaration), and, for a declaration in a loop, has a value each pass and is
 * not captured by a function (a closure would see one shared variable in JavaScript).
 *
 * A `var` read after the block that declares it (`for (var i = 0; ...) {...} return i`, a `var`
 * set in a try whose catch returns or throws) is hoisted, as JavaScript hoists it: declared at
 * the top of its function and assigned where it is declared (`isHoistedVar`, statements.ts
 * `bind`). Only where every read outside the block is certain to come after the value was stored
 * (hoistedReach), since JavaScript reads `undefined` before that, which the variable's type cannot hold.
 */
import { ts } from "../typescript.js";
import type { PrintContext } from "./context.js";
import { isCodeUnit } from "./throwAnalysis.js";
import { perContext } from "./perContext.js";

/** Refuses a `var` list whose variables `let` would not reproduce; returns when it may print as `let`. */
export function checkVar(ctx: PrintContext, list: ts.VariableDeclarationList): void {
  if (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) return;
  const holder = list.parent;
  const scope =
    ts.isVariableStatement(holder) && (ts.isBlock(holder.parent) || ts.isSourceFile(holder.parent))
      ? holder.parent
      : (ts.isForStatement(holder) || ts.isForOfStatement(holder) || ts.isForInStatement(holder)) &&
          holder.initializer === list
        ? holder
        : undefined;
  if (!scope)
    ctx.refuse(list, "'var' outside a block (a case clause, an if without braces)", "use let or const in a block");
  const loop = inLoop(list);
  for (const d of list.declarations) {
    if (!ts.isIdentifier(d.name)) ctx.refuse(d, "'var' with a destructuring pattern", "use let or const");
    const symbol = ctx.symbolOf(d.name);
    if (!symbol || (symbol.declarations?.length ?? 0) !== 1)
      ctx.refuse(d, `'var ${d.name.text}' declared more than once`, "declare it once, with let");
    // Each pass of `for (...) { var x; ... }` keeps the last pass's value, where `let x;` starts
    // undefined (a for...of or for...in variable is assigned each pass).
    const assignedEachPass = !!d.initializer || ts.isForOfStatement(holder) || ts.isForInStatement(holder);
    if (loop && !assignedEachPass)
      ctx.refuse(d, `'var ${d.name.text}' without a value inside a loop`, "declare it with let before the loop");
    const reach = hoistedReach(d, holder);
    for (const ref of references(ctx, symbol, scope.parent ?? scope, d)) {
      if (
        reach &&
        !within(ref, scope) &&
        ref.pos >= reach.end &&
        !enclosingFunction(ref, d) &&
        !ctx.captured.has(symbol!)
      ) {
        HOISTED.of(ctx).add(symbol!);
        continue;
      }
      if (ref.pos < d.end || !within(ref, scope))
        ctx.refuse(
          ref,
          `'${d.name.text}' used ${ref.pos < d.end ? "before" : "outside the block of"} its 'var' declaration`,
          "declare it with let before its first use, in the block that holds every use",
        );
      const fn = enclosingFunction(ref, d);
      if (fn && ts.isFunctionDeclaration(fn))
        ctx.refuse(ref, `'var ${d.name.text}' read in a function declaration`, "declare it with let");
      if (fn && loop)
        ctx.refuse(
          ref,
          `'var ${d.name.text}' of a loop captured by a function (JavaScript shares one variable across passes)`,
          "declare it with let",
        );
    }
  }
}

/** `var` symbols declared at the top of their function (checkVar). */
const HOISTED = perContext(() => new Set<ts.Symbol>());

/** True when `symbol` is a `var` hoisted to the top of its function: its declaration assigns it. */
export function isHoistedVar(ctx: PrintContext, symbol: ts.Symbol): boolean {
  return HOISTED.of(ctx).has(symbol);
}

/**
 * The statement of the function's own body whose completion stores `d`'s value on every path
 * that goes on after it: `d` has a value and is declared by a statement (or a `for` head) reached
 * from it through plain blocks and try blocks whose catch ends in `return` or `throw` (no
 * `finally`). Undefined when there is none (loops, branches, `for...of`).
 */
function hoistedReach(d: ts.VariableDeclaration, holder: ts.Node): ts.Statement | undefined {
  if (!d.initializer || !(ts.isVariableStatement(holder) || ts.isForStatement(holder))) return undefined;
  let node: ts.Statement = holder;
  for (;;) {
    const block = node.parent;
    if (!ts.isBlock(block)) return undefined;
    const owner = block.parent;
    if (isCodeUnit(owner)) return node;
    if (ts.isBlock(owner)) node = block;
    else if (ts.isTryStatement(owner) && owner.tryBlock === block && !owner.finallyBlock && catchLeaves(owner))
      node = owner;
    else return undefined;
  }
}

/** The try's catch block ends in `return` or `throw`. */
function catchLeaves(t: ts.TryStatement): boolean {
  const last = t.catchClause?.block.statements.at(-1);
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/** True when `node` is inside a loop of its own function (a for loop's head counts). */
function inLoop(node: ts.Node): boolean {
  for (let p = node.parent; p && !isCodeUnit(p); p = p.parent) if (ts.isIterationStatement(p, false)) return true;
  return false;
}

function within(node: ts.Node, scope: ts.Node): boolean {
  for (let p: ts.Node | undefined = node; p; p = p.parent) if (p === scope) return true;
  return false;
}

/** The innermost function between `ref` and the declaration's own function, if any. */
function enclosingFunction(ref: ts.Node, d: ts.VariableDeclaration): ts.Node | undefined {
  let own: ts.Node | undefined;
  for (let p: ts.Node | undefined = d.parent; p; p = p.parent)
    if (isCodeUnit(p)) {
      own = p;
      break;
    }
  for (let p = ref.parent; p && p !== own; p = p.parent) if (isCodeUnit(p) || ts.isClassLike(p)) return p;
  return undefined;
}

/** Every identifier naming `symbol` under `root`, but the declaration's own name. */
function references(
  ctx: PrintContext,
  symbol: ts.Symbol | undefined,
  root: ts.Node,
  d: ts.VariableDeclaration,
): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isShorthandPropertyAssignment(n) && ctx.checker.getShorthandAssignmentValueSymbol(n) === symbol)
      out.push(n.name);
    else if (ts.isIdentifier(n) && n !== d.name && ctx.symbolOf(n) === symbol) out.push(n);
    ts.forEachChild(n, visit);
  };
  // A var's uses are anywhere in its function: search from the function (or the body) down.
  let top: ts.Node = root;
  while (top.parent && !isCodeUnit(top)) top = top.parent;
  visit(top);
  return out;
}
