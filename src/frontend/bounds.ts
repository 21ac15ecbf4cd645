/**
 * @fileoverview Bounds every front end enforces before the recursive parts of the compiler see
 * an input, so that no workflow file can exhaust the stack, the heap or the clock: the size of a
 * file, how deeply values, types, code bodies and expressions nest, and how far YAML aliases
 * expand (billion laughs). Each bound is reported as a located diagnostic (ICE1018/ICE1019).
 *
 * The numbers (limits.ts) are far above what a hand-written workflow needs and far below what the
 * recursive passes (checker, lowering, emitters, TypeScript and AssemblyScript) survive.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { createDiagnostic, type Diagnostic, Diagnostics, span, type SourceFile } from "../diagnostics/index.js";
import type { EmbeddedSource } from "../plan/index.js";
import { embeddedSpan } from "./embedded.js";
import { FRONT_END_LIMITS } from "./limits.js";
import { nodeSpan } from "./yaml/positions.js";

export { FRONT_END_LIMITS } from "./limits.js";

/** ICE1018 when the file is larger than a workflow file may be. */
export function checkSourceSize(file: SourceFile): Diagnostic | undefined {
  if (file.text.length <= FRONT_END_LIMITS.sourceChars) return undefined;
  return createDiagnostic(Diagnostics.InputTooLarge, span(file, 0, 0), [
    "this workflow file",
    `${file.text.length} characters; the limit is ${FRONT_END_LIMITS.sourceChars}`,
  ]);
}

/** ICE1019 for `what` nested deeper than the limit, at `at`. */
export function tooDeep(file: SourceFile, start: number, end: number, what: string): Diagnostic {
  return createDiagnostic(Diagnostics.NestedTooDeeply, span(file, start, end), [what, FRONT_END_LIMITS.nesting]);
}

/**
 * Where YAML flow collections (`[`, `{`) first nest deeper than the limit, skipping quoted
 * scalars and comments, or undefined. Run before the YAML library, which is slow on (and may
 * overflow its stack in) deep flow nesting.
 */
export function yamlFlowOverflow(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      for (i++; i < text.length && text[i] !== "'"; i++);
    } else if (c === "[" || c === "{") {
      if (++depth > FRONT_END_LIMITS.nesting) return i;
    } else if (c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    } else if (c === "\n" && depth > 0 && /^\S/.test(text.slice(i + 1, i + 2))) {
      depth = 0; // a line starting at column 0 ends any flow collection
    }
  }
  return undefined;
}

/**
 * Checks a parsed YAML document: nesting depth (without following aliases) and the number of
 * nodes it holds with every alias expanded. Returns the first problem, or undefined.
 */
export function checkYamlBounds(file: SourceFile, document: Document): Diagnostic | undefined {
  const root = document.contents as Node | null;
  if (!root) return undefined;
  // Depth, iteratively: the document may be deeper than the stack.
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > FRONT_END_LIMITS.nesting) {
      const at = nodeSpan(file, node as Node, span(file, 0, 0));
      return tooDeep(file, at.start, at.end, "this YAML value");
    }
    for (const child of children(node)) stack.push({ node: child, depth: depth + 1 });
  }
  // Expanded size, with each node counted once per path that reaches it (memoised per node).
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const limit = FRONT_END_LIMITS.yamlExpandedNodes;
  let offending: unknown;
  const size = (node: unknown): number => {
    const target = isAlias(node) ? node.resolve(document) : node;
    if (target === undefined || target === null) return 1;
    const known = sizes.get(target);
    if (known !== undefined) return known;
    if (inProgress.has(target)) {
      offending ??= node;
      return limit + 1;
    }
    inProgress.add(target);
    let total = 1;
    for (const child of children(target)) {
      total += size(child);
      if (total > limit) break;
    }
    inProgress.delete(target);
    sizes.set(target, total);
    if (total > limit && isAlias(node)) offending ??= node;
    return total;
  };
  if (size(root) <= limit) return undefined;
  const at = nodeSpan(file, (offending ?? root) as Node, span(file, 0, 0));
  return createDiagnostic(Diagnostics.InputTooLarge, at, [
    "this YAML document",
    `its aliases expand to more than ${limit} values`,
  ]);
}

function children(node: unknown): unknown[] {
  if (isMap(node) || isSeq(node))
    return (node.items as unknown[]).flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));
  if (isPair(node)) return [node.key, node.value];
  if (isScalar(node) || isAlias(node)) return [];
  return [];
}

/** ICE1019 when a code body nests brackets or prefix operators deeper than the limit. */
export function checkCodeBody(source: EmbeddedSource): Diagnostic | undefined {
  const overflow = nestingOverflow(source.text);
  if (overflow === undefined) return undefined;
  const at = embeddedSpan(source, overflow.at, overflow.at + 1);
  return createDiagnostic(Diagnostics.NestedTooDeeply, at, [overflow.what, overflow.limit]);
}

/**
 * Where TypeScript-like text (a code body) first nests brackets, chains prefix operators
 * (`!!!!x`) or strings binary operators (`a*a*a...`) beyond the limits, skipping strings,
 * template text and comments; undefined if it never does.
 */
export function nestingOverflow(text: string): { at: number; what: string; limit: number } | undefined {
  const brackets = (at: number) => ({ at, what: "this code", limit: FRONT_END_LIMITS.nesting });
  let depth = 0;
  let prefixRun = 0;
  let operators = 0;
  let lastSignificant = "";
  const templates: number[] = []; // brace depth at which each open `${` resumes its template
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c && text[i] !== "\n"; i++) if (text[i] === "\\") i++;
    } else if (c === "`" || (c === "}" && templates.at(-1) === depth)) {
      if (c === "}") {
        templates.pop();
        depth--;
      }
      // template text up to the closing backtick or the next `${`
      for (i++; i < text.length; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "`") break;
        else if (text[i] === "$" && text[i + 1] === "{") {
          i++;
          depth++;
          templates.push(depth);
          if (depth > FRONT_END_LIMITS.nesting) return brackets(i);
          break;
        }
      }
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
      if (depth > FRONT_END_LIMITS.nesting) return brackets(i);
    } else if (c === ")" || c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    }
    if (c === "!" || c === "-" || c === "+" || c === "~") {
      if (++prefixRun > FRONT_END_LIMITS.nesting) return brackets(i);
    } else if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") prefixRun = 0;
    // Operators in one statement: each binary operator or member access is a level of the tree
    // the compilers walk recursively (`a*a*a*...`).
    if (c === ";" || c === "{" || c === "}") operators = 0;
    else if ("*/%&|^<>.?".includes(c) || ((c === "+" || c === "-") && /[\w)\]]/.test(lastSignificant))) {
      if (++operators > FRONT_END_LIMITS.expressionOperators)
        return { at: i, what: "this statement's chain of operators", limit: FRONT_END_LIMITS.expressionOperators };
    }
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") lastSignificant = c;
  }
  return undefined;
}
