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

/** Each closing bracket's opening one. */
const OPENER_OF: { readonly [closing: string]: string } = { RCurly: "LCurly", RParen: "LParen", RBracket: "LBracket" };
const OPENING = new Set(Object.values(OPENER_OF));

/**
 * The first bracket token nested deeper than the limit, if any. A closing bracket that does not
 * close the innermost open one closes nothing: `): {` repeated never gets deeper by the count of
 * all brackets, yet every `{` stays open for the parser, whose error recovery then recursed once
 * per line until the stack overflowed (fuzz finding ice-5151-57).
 */
function deepestBracket(tokens: readonly IToken[]): IToken | undefined {
  const open: string[] = [];
  for (const token of tokens) {
    const name = token.tokenType.name;
    if (OPENING.has(name)) {
      open.push(name);
      if (open.length > FRONT_END_LIMITS.nesting) return token;
    } else if (OPENER_OF[name] !== undefined && open.at(-1) === OPENER_OF[name]) open.pop();
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
