/**
 * @fileoverview The .ice front end's entry point: lex, parse (with recovery), report syntax
 * errors, and build the plan from the CST. Like the YAML front end, reading goes on after
 * errors so that one run reports everything, and the plan is returned only when there are none.
 */
import type { IToken } from "chevrotain";
import { TooManySyntaxErrors, iceLexer, iceParser, type WorkflowCstNode } from "../../../grammar/index.js";
import { sortDiagnostics, type Diagnostic, type SourceFile } from "../../diagnostics/index.js";
import type { Workflow } from "../../plan/index.js";
import { checkSourceSize, FRONT_END_LIMITS, tooDeep } from "../bounds.js";
import { checkWorkflowNames } from "../names.js";
import { IceContext } from "./context.js";
import { PlanBuilder } from "./nodeVisitor.js";
import { errorOffset, syntaxDiagnostics } from "./syntaxErrors.js";

/** The result of reading one .ice file. */
export interface IceParseResult {
  /** The plan; undefined when any error was reported. */
  readonly workflow: Workflow | undefined;
  readonly diagnostics: Diagnostic[];
  /** The plan as far as it could be read, also with errors (for editors: completion, symbols). */
  readonly partial?: Workflow;
}

const OPENING = new Set(["LCurly", "LParen", "LBracket"]);
const CLOSING = new Set(["RCurly", "RParen", "RBracket"]);

/** The first bracket token nested deeper than the limit, if any. */
function deepestBracket(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const token of tokens) {
    const name = token.tokenType.name;
    if (OPENING.has(name) && ++depth > FRONT_END_LIMITS.nesting) return token;
    if (CLOSING.has(name)) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Parses an .ice workflow file into the plan. */
export function parseIceWorkflow(file: SourceFile): IceParseResult {
  const tooLarge = checkSourceSize(file);
  if (tooLarge) return { workflow: undefined, diagnostics: [tooLarge] };
  const lexed = iceLexer.tokenize(file.text);
  // The parser and every pass after it recurse on nesting: refuse deep brackets up front.
  const deep = deepestBracket(lexed.tokens);
  if (deep)
    return { workflow: undefined, diagnostics: [tooDeep(file, deep.startOffset, deep.endOffset! + 1, "this bracket")] };
  iceParser.input = lexed.tokens;
  let cst: WorkflowCstNode | undefined;
  try {
    cst = iceParser.workflow() as WorkflowCstNode | undefined;
  } catch (error) {
    if (!(error instanceof TooManySyntaxErrors)) throw error;
    cst = undefined; // the first MAX_SYNTAX_ERRORS errors are reported
  }
  const errors = [...iceParser.errors];
  const syntax = syntaxDiagnostics(file, errors, cst);
  const ice = new IceContext(
    file,
    errors.map((e) => errorOffset(file, e)),
  );
  ice.bag.addAll(syntax);
  const workflow = cst ? new PlanBuilder(ice).workflow(cst.children, ice.node(cst)) : undefined;
  if (workflow) checkWorkflowNames(workflow, ice.bag);
  const diagnostics = sortDiagnostics(ice.bag.all);
  return { workflow: ice.bag.hasErrors ? undefined : workflow, diagnostics, ...(workflow && { partial: workflow }) };
}
