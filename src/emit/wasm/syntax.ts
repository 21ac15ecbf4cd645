/**
 * @fileoverview The cheap syntax check of a code body (used by `iceosc check` and before every
 * sandbox compile): the body, wrapped in its function, must parse as TypeScript and stay inside
 * that one function, and use no name the sandbox reserves (reservedNames.ts). Bodies that look like Python (iceOS's original language) say so.
 */
import { ts } from "../../codenode/typescript.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { EmbeddedSource } from "../../plan/node.js";
import { BodyMap } from "./bodyMap.js";
import { checkReservedNames } from "./reservedNames.js";

/** The wrapper the TypeScript parser sees; the body starts right after the prefix. */
const PARSE_PREFIX = "function __user(inputs: Input): Output {\n";
const PARSE_SUFFIX = "\n}\n";

/** A parsed body: the TypeScript AST of the wrapper and the user function's block. */
export interface ParsedBody {
  readonly map: BodyMap;
  readonly block: ts.Block | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Offset in the body text of a position in the parsed wrapper. */
export function bodyOffset(wrapperOffset: number): number {
  return wrapperOffset - PARSE_PREFIX.length;
}

/** Parses a body; `block` is set only when the body is valid and stays in its function. */
export function parseBody(body: EmbeddedSource): ParsedBody {
  const map = new BodyMap(body);
  const text = PARSE_PREFIX + body.text + PARSE_SUFFIX;
  let file: ts.SourceFile;
  try {
    file = ts.createSourceFile("body.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  } catch (error) {
    // The front ends bound nesting (src/frontend/bounds.ts); this is the last line behind them.
    if (!(error instanceof RangeError)) throw error;
    const at = map.spanOf(0, Math.min(1, body.text.length));
    return {
      map,
      block: undefined,
      diagnostics: [createDiagnostic(Diagnostics.CodeSyntax, at, ["it nests too deeply"])],
    };
  }
  const parseErrors = (file as unknown as { parseDiagnostics: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics;
  if (parseErrors.length > 0) return { map, block: undefined, diagnostics: reportSyntax(map, parseErrors) };

  const [first] = file.statements;
  const expectedEnd = PARSE_PREFIX.length + body.text.length + 2;
  if (file.statements.length === 1 && first && ts.isFunctionDeclaration(first) && first.body?.end === expectedEnd) {
    const reserved = checkReservedNames(first.body, map, bodyOffset);
    return { map, block: reserved.length === 0 ? first.body : undefined, diagnostics: reserved };
  }
  // The body closed the wrapper early: point at the brace that did it.
  const closing = first && ts.isFunctionDeclaration(first) && first.body ? bodyOffset(first.body.end - 1) : 0;
  const at = map.spanOf(closing, closing + 1);
  return {
    map,
    block: undefined,
    diagnostics: [
      createDiagnostic(Diagnostics.CodeSyntax, at, [
        "this '}' closes the code body's function; a body must stay inside it",
      ]),
    ],
  };
}

/** Syntax diagnostics for a code body (ICE1013, or ICE1014 when it looks like Python). */
export function checkCodeSyntax(body: EmbeddedSource): Diagnostic[] {
  return parseBody(body).diagnostics;
}

function reportSyntax(map: BodyMap, errors: readonly ts.DiagnosticWithLocation[]): Diagnostic[] {
  const firstMessage = ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n");
  const python = findPython(map.body.text);
  if (python) {
    return [
      createDiagnostic(
        Diagnostics.CodeLooksLikePython,
        map.lineSpan(python.line),
        [python.hint],
        [{ message: `the TypeScript parser says: ${firstMessage}`, span: spanOfError(map, errors[0]!) }],
      ),
    ];
  }
  return errors
    .slice(0, 3)
    .map((e) =>
      createDiagnostic(Diagnostics.CodeSyntax, spanOfError(map, e), [
        ts.flattenDiagnosticMessageText(e.messageText, "\n"),
      ]),
    );
}

function spanOfError(map: BodyMap, error: ts.DiagnosticWithLocation) {
  const start = bodyOffset(error.start);
  return map.spanOf(start, start + Math.max(1, error.length));
}

const PYTHON_SIGNS: readonly (readonly [RegExp, string])[] = [
  [/^\s*#/, "'#' starts a comment in Python; TypeScript comments start with '//'"],
  [/^\s*def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$/, "'def' defines a Python function; write 'function name(...) { ... }'"],
  [
    /^\s*(if|elif|else|for|while|try|except|finally|with|class)\b.*:\s*(#.*)?$/,
    "a line ending in ':' opens a Python block; TypeScript uses '{ ... }'",
  ],
  [
    /^\s*(import\s+\w+\s*$|from\s+[\w.]+\s+import\b)/,
    "Python imports are not available; grant capabilities with 'imports:' instead",
  ],
  [/^\s*print\s*\(/, "'print' is Python; use console.log (capability 'log')"],
  [/\b(True|False|None)\b/, "True/False/None are Python; TypeScript has true/false/null"],
  [/\bf"[^"]*\{/, "f-strings are Python; use a template literal `...${x}...`"],
];

/** The first line of `text` that looks like Python, with a hint. */
function findPython(text: string): { line: number; hint: string } | undefined {
  const lines = text.split("\n");
  for (let line = 0; line < lines.length; line++) {
    for (const [pattern, hint] of PYTHON_SIGNS) if (pattern.test(lines[line]!)) return { line, hint };
  }
  return undefined;
}
