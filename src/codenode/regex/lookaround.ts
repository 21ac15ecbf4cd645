/**
 * @fileoverview Lookaround assertions for the compiler (compile.ts): their numbering and the
 * reversed bodies of lookaheads. The sandbox's VM (support/regexLook.ts) decides each lookaround
 * at every position of the subject once, as a table: for a lookbehind it runs the body forward,
 * from left to right, starting a thread at every position (the body matches [j, p) for some j:
 * the table holds true at p); for a lookahead it runs the reversed body from right to left in the
 * same way (the body matches [p, q) for some q). Without captures only existence matters, which
 * any correct engine decides alike, so the tables are exactly JavaScript's assertions, in time
 * linear in the subject. A positive lookahead with capture groups also runs its forward body
 * anchored where it holds, with priority, for the capture values JavaScript's backtracking finds.
 */
import type { Node } from "./parse.js";

export type Look = Extract<Node, { kind: "look" }>;

/**
 * Numbers every lookaround, inner ones first (the VM computes the tables in this order, so a
 * lookaround inside another one is known when the outer one's body runs).
 */
export function lookIds(root: Node): Map<Look, number> {
  const ids = new Map<Look, number>();
  const visit = (n: Node): void => {
    switch (n.kind) {
      case "seq":
        n.items.forEach(visit);
        return;
      case "alt":
        n.options.forEach(visit);
        return;
      case "group":
      case "repeat":
        visit(n.body);
        return;
      case "look":
        visit(n.body);
        ids.set(n, ids.size);
        return;
      default:
        return;
    }
  };
  visit(root);
  return ids;
}

/**
 * The node matching the reversed strings (read from right to left), without its capture groups:
 * sequences in reverse order. Assertions and lookarounds test a position, whichever way it is
 * reached, so they stay as they are (the same objects, so they keep their numbers).
 */
export function reversed(n: Node): Node {
  switch (n.kind) {
    case "seq":
      return { kind: "seq", items: n.items.map(reversed).reverse() };
    case "alt":
      return { kind: "alt", options: n.options.map(reversed) };
    case "group":
      return reversed(n.body);
    case "repeat":
      return { ...n, body: reversed(n.body) };
    default:
      return n;
  }
}
