/**
 * @fileoverview Names a code body may not use: the sandbox's own functions live in the same
 * program as the body, so a body that declared `abort` would replace the trap behind `throw`,
 * and one that called `__ice_rd_str()` would reach the codec's raw memory routines. Any
 * identifier that is, or starts with, one of these is refused where it is written.
 */
import { ts } from "../../codenode/typescript.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";

/** True when user code may not name `name`: `abort` and every name starting with `__`. */
export function isReservedName(name: string): boolean {
  return name === "abort" || name.startsWith("__");
}

/** One diagnostic per reserved name in `block`, at its first use (`offset` maps wrapper positions to the body). */
export function checkReservedNames(block: ts.Block, map: BodyMap, offset: (pos: number) => number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const visit = (node: ts.Node): void => {
    const name = ts.isIdentifier(node) ? node.text : undefined;
    if (name !== undefined && isReservedName(name) && !reported.has(name)) {
      reported.add(name);
      const start = offset(node.getStart());
      diagnostics.push(createDiagnostic(Diagnostics.ReservedName, map.spanOf(start, start + name.length), [name]));
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return diagnostics;
}
