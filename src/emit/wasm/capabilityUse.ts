/**
 * @fileoverview Finds, in a parsed code body, what needs a capability (`Math.random`, `Date.now`,
 * `console.log`, `Math.*`...) and what tries to reach the host directly (`declare`d functions,
 * decorators such as `@external`). The compiled module's imports are checked again afterwards
 * (importCheck.ts); this pass gives the precise source position.
 */
import { ts } from "ts-morph";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";
import { bodyOffset } from "./syntax.js";

const MATH_OBJECTS = new Set(["Math", "Mathf", "NativeMath", "NativeMathf"]);

/** The capability a property access needs, if any. */
function capabilityOf(object: string, property: string): string | undefined {
  if (MATH_OBJECTS.has(object)) return property === "random" ? "random" : "math";
  if (object === "Date" && property === "now") return "time";
  if (object === "console") return "log";
  return undefined;
}

/**
 * Reports capabilities used but not granted (ICE3002, once per distinct use) and host-reaching
 * declarations (ICE3003). Returns the capabilities reported, so import checks do not repeat them.
 */
export function checkCapabilityUse(
  block: ts.Block,
  map: BodyMap,
  granted: readonly string[],
): { diagnostics: Diagnostic[]; reported: Set<string> } {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const seen = new Set<string>();
  const at = (node: ts.Node) => map.spanOf(bodyOffset(node.getStart()), bodyOffset(node.getEnd()));

  const use = (node: ts.Node, what: string, capability: string) => {
    if (granted.includes(capability) || seen.has(what)) return;
    seen.add(what);
    reported.add(capability);
    diagnostics.push(createDiagnostic(Diagnostics.CapabilityNotGranted, at(node), [what, capability]));
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const object = node.expression.text;
      const capability = capabilityOf(object, node.name.text);
      if (capability) use(node, `${object}.${node.name.text}`, capability);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "trace") {
      use(node.expression, "trace", "log");
    }
    // Raw modifiers: the parser keeps decorators there even where they are not valid.
    const modifiers = (node as ts.Node & { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
    const decorators = modifiers?.filter(ts.isDecorator);
    if (decorators?.length || modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
      const name = (node as ts.Node & { name?: ts.Node }).name;
      const what = decorators?.length
        ? decorators.map((d) => d.getText()).join(" ")
        : `declare ${name ? name.getText() : ""}`.trim();
      diagnostics.push(createDiagnostic(Diagnostics.ForbiddenImport, at(node), [what]));
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return { diagnostics, reported };
}
