/**
 * @fileoverview The .ice parser: a chevrotain CST parser, rules as class properties, error
 * recovery on (a bad node is skipped up to the next statement keyword, so the rest of the file
 * still reports). Code bodies and condition expressions are captured as balanced groups of
 * tokens; the front end takes their text from the source. One instance, reused via `.input`.
 *
 *   workflow      : 'workflow' key params? '{' statement* '}'
 *   statement     : (node | output | toolDecl | meta) ';'?
 *   output        : 'output' key '=' value
 *   meta          : 'meta' key '=' value          (what the workflow says about itself: id, tags, ...)
 *   toolDecl      : 'declare' 'tool' key params? returnType? clause*
 *   node          : toolNode | codeNode | conditionNode | loopNode | parallelNode | workflowNode | llmNode | agentNode
 *                 | recursiveNode
 *   toolNode      : 'tool' Name '=' key arguments returnType? clause*
 *   workflowNode  : 'workflow' Name '=' key arguments returnType? clause*
 *   codeNode      : 'code' Name params returnType? clause* codeBody
 *   conditionNode : 'condition' Name group returnType? clause*
 *   loopNode      : 'loop' Name '(' Name 'of' value ')' returnType? (clause | 'parallel' Number?)* nodeBlock
 *   parallelNode  : 'parallel' Name returnType? clause* '{' ('branch' nodeBlock)* '}'
 *   llmNode       : 'llm' Name arguments? returnType? clause* prompt
 *   agentNode     : 'agent' Name arguments? returnType? clause* prompt
 *   recursiveNode : 'recursive' Name arguments? returnType? clause* ('until' group)? prompt
 *   nodeBlock     : '{' (node ';'?)* '}'
 *   clause        : Identifier (value | Duration) | ('input_schema' | 'output_schema') objectType
 *   params        : '(' (param (',' param)* ','?)? ')'          param    : key '?'? (':' type)? ('=' value)?
 *   arguments     : '(' (argument (',' argument)* ','?)? ')'    argument : key ':' value
 *   returnType    : ':' type
 *   type          : (Identifier | objectType | '(' type ')') ('[' ']')*
 *   objectType    : '{' (typeField ((',' | ';') typeField)* (',' | ';')?)? '}'    typeField : key '?'? ':' type
 *   value         : path | literal | Template | objectValue | arrayValue
 *   path          : Name ('.' (Name | Number))*
 *   objectValue   : '{' (argument (',' argument)* ','?)? '}'
 *   arrayValue    : '[' (value (',' value)* ','?)? ']'
 *   literal       : String | '-'? Number | 'true' | 'false' | 'null'
 *   key           : Name | String
 *   codeBody      : '{' (codeBody | NotCurly)* '}'
 *   group         : '(' (group | NotParen)* ')'
 */
import { CstParser, type IParserErrorMessageProvider, type TokenType } from "chevrotain";
import * as t from "./tokens.js";
import { ValueRules } from "./valueRules.js";

/** chevrotain's recovery hook, which its type declarations do not list. */
interface SingleTokenInsertion {
  canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean;
}

/** Syntax errors after which the parser gives up (recovery costs time per error). */
export const MAX_SYNTAX_ERRORS = 100;

/** Thrown out of a parse that reached MAX_SYNTAX_ERRORS; `errors` holds those found. */
export class TooManySyntaxErrors extends Error {}

export class IceParser extends ValueRules {
  constructor(errorMessageProvider?: IParserErrorMessageProvider) {
    super([...t.ALL_TOKENS], {
      recoveryEnabled: true,
      maxLookahead: 3,
      ...(errorMessageProvider && { errorMessageProvider }),
    });
    this.performSelfAnalysis();
    // chevrotain's error hook (not in its type declarations): stop once the file is clearly not
    // .ice, since recovery costs time per error.
    const engine = this as unknown as { SAVE_ERROR(error: unknown): unknown };
    const save = engine.SAVE_ERROR.bind(this);
    engine.SAVE_ERROR = (error) => {
      const saved = save(error);
      if (this.errors.length >= MAX_SYNTAX_ERRORS) throw new TooManySyntaxErrors();
      return saved;
    };
  }

  workflow = this.RULE("workflow", () => {
    this.CONSUME(t.Workflow);
    this.SUBRULE(this.key);
    this.OPTION(() => this.SUBRULE(this.params));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(t.RCurly);
  });

  statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.node) },
      { ALT: () => this.SUBRULE(this.output) },
      { ALT: () => this.SUBRULE(this.toolDecl) },
      { ALT: () => this.SUBRULE(this.meta) },
    ]);
    this.OPTION(() => this.CONSUME(t.Semicolon));
  });

  output = this.RULE("output", () => {
    this.CONSUME(t.Output);
    this.SUBRULE(this.key);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.value);
  });

  meta = this.RULE("meta", () => {
    this.CONSUME(t.Meta);
    this.SUBRULE(this.key);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.value);
  });

  toolDecl = this.RULE("toolDecl", () => {
    this.CONSUME(t.Declare);
    this.CONSUME(t.Tool);
    this.SUBRULE(this.key);
    this.OPTION(() => this.SUBRULE(this.params));
    this.OPTION2(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
  });

  node = this.RULE("node", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.toolNode) },
      { ALT: () => this.SUBRULE(this.codeNode) },
      { ALT: () => this.SUBRULE(this.conditionNode) },
      { ALT: () => this.SUBRULE(this.loopNode) },
      { ALT: () => this.SUBRULE(this.parallelNode) },
      { ALT: () => this.SUBRULE(this.workflowNode) },
      { ALT: () => this.SUBRULE(this.llmNode) },
      { ALT: () => this.SUBRULE(this.agentNode) },
      { ALT: () => this.SUBRULE(this.recursiveNode) },
    ]);
  });

  toolNode = this.RULE("toolNode", () => this.callNode(t.Tool));

  workflowNode = this.RULE("workflowNode", () => this.callNode(t.Workflow));

  codeNode = this.RULE("codeNode", () => {
    this.CONSUME(t.Code);
    this.CONSUME(t.Name);
    this.SUBRULE(this.params);
    this.OPTION(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
    this.SUBRULE(this.codeBody);
  });

  conditionNode = this.RULE("conditionNode", () => {
    this.CONSUME(t.Condition);
    this.CONSUME(t.Name);
    this.SUBRULE(this.group);
    this.OPTION(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
  });

  loopNode = this.RULE("loopNode", () => {
    this.CONSUME(t.Loop);
    this.CONSUME(t.Name);
    this.CONSUME(t.LParen);
    this.CONSUME2(t.Name);
    this.CONSUME(t.Of);
    this.SUBRULE(this.value);
    this.CONSUME(t.RParen);
    this.OPTION(() => this.SUBRULE(this.returnType));
    this.MANY(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.clause) }, { ALT: () => this.SUBRULE(this.parallelClause) }]),
    );
    this.SUBRULE(this.nodeBlock);
  });

  parallelClause = this.RULE("parallelClause", () => {
    this.CONSUME(t.Parallel);
    this.OPTION(() => this.CONSUME(t.NumberLiteral));
  });

  parallelNode = this.RULE("parallelNode", () => {
    this.CONSUME(t.Parallel);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
    this.CONSUME(t.LCurly);
    this.MANY2(() => this.SUBRULE(this.branch));
    this.CONSUME(t.RCurly);
  });

  branch = this.RULE("branch", () => {
    this.CONSUME(t.Branch);
    this.SUBRULE(this.nodeBlock);
  });

  llmNode = this.RULE("llmNode", () => this.modelNode(t.Llm));

  agentNode = this.RULE("agentNode", () => this.modelNode(t.Agent));

  recursiveNode = this.RULE("recursiveNode", () => {
    this.CONSUME(t.Recursive);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.arguments));
    this.OPTION2(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
    this.OPTION3(() => {
      this.CONSUME(t.Until);
      this.SUBRULE(this.group);
    });
    this.SUBRULE(this.prompt);
  });

  nodeBlock = this.RULE("nodeBlock", () => {
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.node);
      this.OPTION(() => this.CONSUME(t.Semicolon));
    });
    this.CONSUME(t.RCurly);
  });

  /**
   * Never pretend a missing `{` or `(` was there: the balanced group it opens would swallow the
   * rest of the file. The statement is skipped instead (re-sync at the next node keyword).
   */
  canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean {
    if (expected === t.LCurly || expected === t.LParen) return false;
    return (CstParser.prototype as unknown as SingleTokenInsertion).canRecoverWithSingleTokenInsertion.call(
      this,
      expected,
      follows,
    );
  }

  /** `kind Name '=' key arguments returnType? clause*` (tool and workflow nodes). */
  private callNode(kind: TokenType): void {
    this.CONSUME(kind);
    this.CONSUME(t.Name);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.key);
    this.SUBRULE(this.arguments);
    this.OPTION(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
  }

  /** `kind Name arguments? returnType? clause* prompt` (llm and agent nodes). */
  private modelNode(kind: TokenType): void {
    this.CONSUME(kind);
    this.CONSUME(t.Name);
    this.OPTION(() => this.SUBRULE(this.arguments));
    this.OPTION2(() => this.SUBRULE(this.returnType));
    this.MANY(() => this.SUBRULE(this.clause));
    this.SUBRULE(this.prompt);
  }
}
