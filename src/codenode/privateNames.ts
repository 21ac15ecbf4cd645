/**
 * @fileoverview Class members with private names (`#count`, `#tokens()`, `static #made`). Once
 * TypeScript has checked the body as written (so every use obeys JavaScript's rules: a `#name`
 * only inside the class declaring it, on values of that class), each `#name` is respelled
 * `$name`, one character for one so that every position in the file stays put, and the body is
 * typed again; the printer then treats them as plain members, which the keys of a class's
 * instances leave out (JSON.stringify, Object.keys, spreads, for...in: print/classKeys.ts), as
 * JavaScript does. Left as written, and so refused: a body already spelling a `$name` this would
 * make, a name two classes declare (a subclass's `#x` is a slot of its own, not the base's), and
 * `#x in obj` (a brand check, not a property).
 */
import { ts } from "./typescript.js";

/** The body's file with private names respelled, and the names they became. */
export interface Respelled {
  readonly text: string;
  readonly names: ReadonlySet<string>;
}

/** Respells the private names of `file`, or undefined when it has none or they must stay refused. */
export function respellPrivateNames(file: ts.SourceFile): Respelled | undefined {
  const uses: ts.PrivateIdentifier[] = [];
  const declaredBy = new Map<string, ts.Node>();
  let keep = false;
  const visit = (node: ts.Node): void => {
    if (keep) return;
    if (ts.isPrivateIdentifier(node)) {
      const parent = node.parent;
      if (ts.isBinaryExpression(parent) && parent.left === node) keep = true;
      if (ts.isClassElement(parent) && parent.name === node) {
        const owner = declaredBy.get(node.text);
        // A getter and its setter share the name; two classes (or two members) do not.
        if (owner && owner !== parent.parent && !(ts.isAccessor(parent) && owner === parent.parent)) keep = true;
        declaredBy.set(node.text, parent.parent);
      }
      uses.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (keep || uses.length === 0) return undefined;
  const names = new Set<string>();
  for (const n of declaredBy.keys()) {
    const respelled = `$${n.slice(1)}`;
    if (file.text.includes(respelled)) return undefined;
    names.add(respelled);
  }
  const chars = file.text.split("");
  for (const u of uses) chars[u.getStart(file)] = "$";
  return { text: chars.join(""), names };
}
