/**
 * @fileoverview `const g = m.groups!` (or `m.groups` where TypeScript knows the match has named
 * groups): a local holding a match's named groups. Its type is the match's groups (regex.ts), not
 * the dictionary TypeScript gives it (`{ [key: string]: string }`), so `g.name` reads the group
 * as `m.groups!.name` does: exactly JavaScript's value, where a dictionary copy would not hold a
 * group that took no part in the match (JavaScript keeps it, as undefined). Other uses of such a
 * local (`g[k]`, `Object.keys(g)`, `k in g`) are refused with a located diagnostic.
 */
import { ts } from "../typescript.js";

/** True when `symbol` is a `const` bound to `<match>.groups` (possibly with `!`). */
export function isGroupsLocal(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  const d = symbol.valueDeclaration;
  if (!d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name) || !d.initializer) return false;
  if (!(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const)) return false;
  let init: ts.Expression = d.initializer;
  while (ts.isParenthesizedExpression(init) || ts.isNonNullExpression(init)) init = init.expression;
  if (!ts.isPropertyAccessExpression(init) || init.name.text !== "groups" || init.questionDotToken) return false;
  const owner = checker.getTypeAtLocation(init.expression);
  const match = (owner.isUnion() ? owner.types.find((t) => t.getSymbol()) : owner)?.getSymbol();
  return match?.getName() === "RegExpMatchArray" || match?.getName() === "RegExpExecArray";
}
