/**
 * @fileoverview The compile-time half of the risk report (riskReport.ts): the loops and nested
 * functions of a parsed body, with their lines in the workflow file. It reads TypeScript's tree, so
 * it runs where bodies are parsed (the typer worker, typerWorker.ts).
 */
import { ts } from "../../codenode/typescript.js";
import type { BodyMap } from "./bodyMap.js";
import type { SourceRisk } from "./riskReport.js";
import { bodyOffset } from "./syntax.js";

/** Loops (including iterating callbacks) and nested functions of a parsed body. */
export function sourceRisks(block: ts.Block, map: BodyMap): { loops: SourceRisk[]; functions: SourceRisk[] } {
  const loops: SourceRisk[] = [];
  const functions: SourceRisk[] = [];
  const lineOf = (node: ts.Node): number => {
    const offset = map.fileOffset(bodyOffset(node.getStart()));
    return map.body.span.file.position(offset).line;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node))
      loops.push({ line: lineOf(node), what: ts.isForOfStatement(node) ? "for...of" : "for" });
    else if (ts.isWhileStatement(node)) loops.push({ line: lineOf(node), what: "while" });
    else if (ts.isDoStatement(node)) loops.push({ line: lineOf(node), what: "do...while" });
    else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ITERATING.has(node.expression.name.text) &&
      node.arguments.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))
    ) {
      loops.push({ line: lineOf(node), what: `.${node.expression.name.text}(...)` });
    } else if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
      const name = ts.isFunctionDeclaration(node) && node.name ? ` '${node.name.text}'` : "";
      if (
        !(
          ts.isCallExpression(node.parent) &&
          ts.isPropertyAccessExpression(node.parent.expression) &&
          ITERATING.has(node.parent.expression.name.text)
        )
      ) {
        functions.push({ line: lineOf(node), what: `function${name}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return { loops, functions };
}

const ITERATING = new Set([
  "forEach",
  "map",
  "filter",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "sort",
  "flatMap",
]);
