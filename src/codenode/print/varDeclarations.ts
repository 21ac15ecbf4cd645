/**
 * @fileoverview `var` in code bodies: printed as `let` where the two cannot differ, refused (with
 * where and what to write) where they can. A `var` is hoisted to its function and shared by every
 * pass of a loop; a `let` lives in its block, is new each pass, and cannot be read before its
 * declaration. They agree when the variable is declared once, in a block (or a for loop's head),
 * and every use is in that block after the declaration, not in a function declaration (hoisted, it
 * may run before the declaration), and, for a declaration in a loop, has a value each pass and is
 * not captured by a function (a closure would see one shared variable in JavaScript).
 */
import { ts } from "../typescript.js";
import type { PrintContext } from "./context.js";
import { isCodeUnit } from "./throwAnalysis.js";

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
    for (const ref of references(ctx, symbol, scope.parent ?? scope, d)) {
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
