/**
 * @fileoverview Tokens of condition expressions: numbers, quoted strings, paths (`a.b.0`),
 * keywords (`true`, `false`, `and`, `or`, `not`), operators, parentheses and the `{{ }}` that may
 * wrap a path. Positions are indexes into the expression text.
 */

export type TokenKind = "number" | "string" | "path" | "keyword" | "operator" | "eof";

/** One token, `[start, end)` in the expression text. */
export interface Token {
  readonly kind: TokenKind;
  /** The text as written (for strings, the decoded value is in `value`). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Decoded value of number and string tokens; segments of path tokens. */
  readonly value?: number | string | readonly string[];
}

/** A lexing or parsing error at `[start, end)` of the expression text. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set(["true", "false", "and", "or", "not"]);
/** Longest first, so `===` wins over `==` and `=`. */
const OPERATORS = [
  "===",
  "!==",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "{{",
  "}}",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "!",
  "(",
  ")",
];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isIdentStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isIdentPart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** Splits an expression into tokens, ending with an `eof` token; throws ExpressionError. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (isDigit(c) || (c === "." && isDigit(text[i + 1]))) {
      const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: "number", text: match[0], start: i, end: i + match[0].length, value: Number(match[0]) });
      i += match[0].length;
      if (isIdentStart(text[i]))
        throw new ExpressionError(`'${match[0]}${text[i]}' is not a number or a name`, i - match[0].length, i + 1);
    } else if (c === "'" || c === '"') {
      i = readString(text, i, tokens);
    } else if (isIdentStart(c)) {
      i = readPath(text, i, tokens);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) {
        const hint = c === "=" ? ": use '==' to compare" : c === "&" || c === "|" ? `: use '${c}${c}'` : "";
        throw new ExpressionError(`unexpected character '${c}'${hint}`, i, i + 1);
      }
      tokens.push({ kind: "operator", text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ kind: "eof", text: "", start: text.length, end: text.length });
  return tokens;
}

/** `'text'` or `"text"` with backslash escapes. */
function readString(text: string, start: number, tokens: Token[]): number {
  const quote = text[start]!;
  let value = "";
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === "\\" && i + 1 < text.length) {
      const e = text[i + 1]!;
      value += e === "n" ? "\n" : e === "t" ? "\t" : e;
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  if (i >= text.length) throw new ExpressionError("unterminated string", start, text.length);
  tokens.push({ kind: "string", text: text.slice(start, i + 1), start, end: i + 1, value });
  return i + 1;
}

/** A name, a keyword, or a dotted path (`summarize.total`, `rows.0.name`). */
function readPath(text: string, start: number, tokens: Token[]): number {
  const segments: string[] = [];
  let i = start;
  for (;;) {
    const from = i;
    while (isIdentPart(text[i])) i++;
    segments.push(text.slice(from, i));
    if (text[i] === "." && (isIdentStart(text[i + 1]) || isDigit(text[i + 1]))) i++;
    else break;
  }
  const word = text.slice(start, i);
  if (segments.length === 1 && KEYWORDS.has(word)) tokens.push({ kind: "keyword", text: word, start, end: i });
  else tokens.push({ kind: "path", text: word, start, end: i, value: segments });
  if (text[i] === ".") throw new ExpressionError(`'${word}.' must be followed by a field name`, start, i + 1);
  return i;
}
