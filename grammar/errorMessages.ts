/**
 * @fileoverview Parse error messages for people: "expected ':' after the field name, found
 * 'string'" rather than chevrotain's token-sequence listings.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

/** How a token reads in a message. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "the end of the file";
  const image = token.image;
  if (token.tokenType.name === "Unknown") {
    if (image === '"' || image === "'") return "an unterminated string";
    if (image === "`") return "an unterminated template";
    return `the character '${image}'`;
  }
  return `'${image.length > 30 ? `${image.slice(0, 27)}...` : image.split("\n")[0]}'`;
}

function label(type: TokenType): string {
  return type.LABEL ?? `'${type.name}'`;
}

/** "a, b or c" of the first token of each expected path, without repeats. */
function oneOf(paths: readonly TokenType[][]): string {
  const labels = [...new Set(paths.map((p) => (p[0] ? label(p[0]) : "the end")))];
  if (labels.length <= 1) return labels[0] ?? "something else";
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

const WHAT: { readonly [rule: string]: string } = {
  statement: "a node, 'output' or 'declare tool'",
  node: "a node ('tool', 'code', 'condition', 'loop', 'parallel', 'workflow', 'llm' or 'agent')",
  value: "a value (a path, string, number, template, object or list)",
  literal: "a value",
  type: "a type",
  key: "a name",
  prompt: "a prompt (a `template` or a string)",
};

export const iceErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${label(expected)}, found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected the end of the file after the workflow, found ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const what = WHAT[ruleName] ?? oneOf(expectedPathsPerAlt.flat());
    return `expected ${what}, found ${describeToken(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const what = WHAT[ruleName] ?? oneOf(expectedIterationPaths);
    return `expected ${what}, found ${describeToken(actual[0]!)}`;
  },
};
