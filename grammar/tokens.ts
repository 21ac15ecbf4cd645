/**
 * @fileoverview Tokens of the .ice language and its lexer. The lexer never fails: any character
 * it does not know becomes an `Unknown` token, so that code bodies and condition expressions
 * (captured by the parser as balanced groups of tokens) may hold any TypeScript, and stray
 * characters elsewhere become parse errors with a position.
 *
 * Token categories: `Name` (identifiers and keywords, for ids, keys and paths), `NotCurly` and
 * `NotParen` (every token but braces, resp. parentheses: the content of balanced groups).
 */
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";
import { scanTemplate } from "./scanTemplate.js";

export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });
export const NotCurly = createToken({ name: "NotCurly", pattern: Lexer.NA });
export const NotParen = createToken({ name: "NotParen", pattern: Lexer.NA });

const ANY = [NotCurly, NotParen];

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /\s+/, group: Lexer.SKIPPED });
/** Comments are kept out of the parser's input, in the lexer result's `groups.comments` (for `fmt`). */
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: "comments",
  line_breaks: true,
});

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  label: "a name",
  categories: [Name, ...ANY],
});

function keyword(word: string, named = true): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1).replace(/_(.)/g, (_, c: string) => c.toUpperCase());
  return createToken({
    name,
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
    label: `'${word}'`,
    longer_alt: Identifier,
    categories: named ? [Name, ...ANY] : ANY,
  });
}

export const Workflow = keyword("workflow");
export const Tool = keyword("tool");
export const Code = keyword("code");
export const Condition = keyword("condition");
export const Loop = keyword("loop");
export const Parallel = keyword("parallel");
export const Llm = keyword("llm");
export const Agent = keyword("agent");
export const Recursive = keyword("recursive");
export const Until = keyword("until");
export const Meta = keyword("meta");
export const Branch = keyword("branch");
export const Output = keyword("output");
export const Declare = keyword("declare");
export const Of = keyword("of");
export const InputSchema = keyword("input_schema");
export const OutputSchema = keyword("output_schema");
export const True = keyword("true", false);
export const False = keyword("false", false);
export const Null = keyword("null", false);

const matchTemplate: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "`") return null;
  const end = scanTemplate(text, offset);
  if (end < 0) return null;
  return Object.assign([text.slice(offset, end)], { index: offset, input: text }) as unknown as RegExpExecArray;
};

export const Template = createToken({
  name: "Template",
  pattern: matchTemplate,
  line_breaks: true,
  start_chars_hint: ["`"],
  label: "a template (`...`)",
  categories: ANY,
});
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'/,
  label: "a string",
  categories: ANY,
});
/** Seconds: `30s`, `1.5s` (timeouts). */
export const Duration = createToken({
  name: "Duration",
  pattern: /\d[\d_]*(?:\.\d[\d_]*)?s(?![A-Za-z0-9_])/,
  label: "a duration (30s)",
  categories: ANY,
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/,
  label: "a number",
  categories: ANY,
});

/** Operators of code and conditions, longest first; `=`, `?`, `:` and `-` are tokens of their own. */
export const Operator = createToken({
  name: "Operator",
  pattern: /===|!==|==|!=|<=|>=|&&|\|\||=>|\+\+|--|\?\?|\?\.|[<>!+*/%&|^~]/,
  label: "an operator",
  categories: ANY,
});

export const LCurly = createToken({ name: "LCurly", pattern: "{", label: "'{'", categories: [NotParen] });
export const RCurly = createToken({ name: "RCurly", pattern: "}", label: "'}'", categories: [NotParen] });
export const LParen = createToken({ name: "LParen", pattern: "(", label: "'('", categories: [NotCurly] });
export const RParen = createToken({ name: "RParen", pattern: ")", label: "')'", categories: [NotCurly] });
export const LBracket = createToken({ name: "LBracket", pattern: "[", label: "'['", categories: ANY });
export const RBracket = createToken({ name: "RBracket", pattern: "]", label: "']'", categories: ANY });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "','", categories: ANY });
export const Colon = createToken({ name: "Colon", pattern: ":", label: "':'", categories: ANY });
export const Semicolon = createToken({ name: "Semicolon", pattern: ";", label: "';'", categories: ANY });
export const Dot = createToken({ name: "Dot", pattern: ".", label: "'.'", categories: ANY });
export const Equals = createToken({ name: "Equals", pattern: "=", label: "'='", categories: ANY });
export const Question = createToken({ name: "Question", pattern: "?", label: "'?'", categories: ANY });
export const Minus = createToken({ name: "Minus", pattern: "-", label: "'-'", categories: ANY });
/** Any other character: legal inside code bodies, an error anywhere else. */
// biome-ignore lint/correctness/noEmptyCharacterClassInRegex: `[^]` is "any character"; chevrotain's lexer optimisation reads it as such, and `[\s\S]` lexes differently
export const Unknown = createToken({ name: "Unknown", pattern: /[^]/, label: "a character", categories: ANY });

/** Every token type, in matching order. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  Template,
  StringLiteral,
  Duration,
  NumberLiteral,
  Workflow,
  Tool,
  Code,
  Condition,
  Loop,
  Parallel,
  Llm,
  Agent,
  Recursive,
  Until,
  Meta,
  Branch,
  Output,
  Declare,
  Of,
  InputSchema,
  OutputSchema,
  True,
  False,
  Null,
  Identifier,
  Operator,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Semicolon,
  Dot,
  Equals,
  Question,
  Minus,
  Unknown,
  Name,
  NotCurly,
  NotParen,
];

/** The .ice lexer (one instance, reused). */
export const iceLexer = new Lexer([...ALL_TOKENS], { positionTracking: "full", ensureOptimizations: false });
