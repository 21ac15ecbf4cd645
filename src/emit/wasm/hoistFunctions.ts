/**
 * @fileoverview Recursive helper functions in a code body. AssemblyScript cannot call a nested
 * function from inside itself (`Cannot find name 'f'`), so when the body's own function
 * declarations call one another (or themselves), they move to module level, in front of the
 * wrapper. They cannot use the body's locals (the closure check rejects that first), so moving
 * them changes no meaning. Their text is blanked in place, newlines kept, so every other offset
 * of the body, and the diagnostics mapped through it, stay put.
 */
import { ts } from "ts-morph";

export interface HoistedBody {
  /** Function declarations to place at module level ("" when nothing moves). */
  readonly hoisted: string;
  /** Where each moved declaration sits in `hoisted` and where it came from in the body. */
  readonly moves: readonly { readonly at: number; readonly from: number; readonly length: number }[];
  /** The body with the moved declarations blanked. */
  readonly body: string;
}

const PREFIX = "function __ice_body() {\n";

export function hoistRecursiveFunctions(body: string): HoistedBody {
  const file = ts.createSourceFile("body.ts", `${PREFIX}${body}\n}`, ts.ScriptTarget.ES2022, true);
  const wrapper = file.statements[0];
  if (!wrapper || !ts.isFunctionDeclaration(wrapper) || !wrapper.body) return { hoisted: "", moves: [], body };
  const functions = wrapper.body.statements.filter(
    (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name !== undefined && s.body !== undefined,
  );
  const names = new Set(functions.map((f) => f.name!.text));
  const callsNested = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && names.has(node.text) && !ts.isFunctionDeclaration(node.parent)) ||
    ts.forEachChild(node, callsNested) === true;
  if (!functions.some((f) => callsNested(f.body!))) return { hoisted: "", moves: [], body };
  let blanked = body;
  let hoisted = "";
  const moves: { at: number; from: number; length: number }[] = [];
  for (const declaration of functions) {
    const start = declaration.getStart(file) - PREFIX.length;
    const end = declaration.getEnd() - PREFIX.length;
    moves.push({ at: hoisted.length, from: start, length: end - start });
    hoisted += `${body.slice(start, end)}\n`;
    blanked = blanked.slice(0, start) + body.slice(start, end).replace(/[^\n]/g, " ") + blanked.slice(end);
  }
  return { hoisted, moves, body: blanked };
}
