/**
 * @fileoverview Mutations of text inputs, seeded: byte-level (flip, insert, delete, duplicate),
 * token-level (swap, repeat, splice from another seed) and structural (deep nesting, long runs,
 * hostile strings, YAML aliases). Each mutator keeps the result bounded in size.
 */
import { Random } from "../../test/oracle/generator/random.js";

export { Random };

/** Text that breaks printers, parsers and paths when it lands in the wrong place. */
export const HOSTILE = [
  '"',
  "'",
  "`",
  "${",
  "*/",
  "/*",
  "</script>",
  "\n",
  "\r\n",
  "\u2028",
  "\u0000",
  "\\",
  "\\u{110000}",
  "\\x",
  "__proto__",
  "constructor",
  "../",
  "{{",
  "}}",
  "{{ }}",
  "&a",
  "*a",
  "<<: *a",
  "!!binary",
  "? ",
  "- ",
  ": ",
  "|",
  ">-",
  "---",
  "...",
  "#",
  "%YAML 1.2",
  "\t",
  "\ud800",
  "\ufeff",
  "😀",
  "0x",
  "1e999",
  "-0",
  "NaN",
  "null",
  "true",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ";",
  ",",
  "=",
  "!",
  "not ",
  " and ",
  " or ",
  "===",
  "return ",
  "function ",
  "=>",
];

const OPENERS = ["(", "[", "{", "{{ ", "!", "-", "not ", "[[", "{ a: ", "`${", "a*", "x."];
const CLOSERS: { readonly [open: string]: string } = {
  "(": ")",
  "[": "]",
  "{": "}",
  "{{ ": " }}",
  "[[": "]]",
  "{ a: ": " }",
  "`${": "}`",
};

/** Largest mutated text, in characters. */
const MAX_LENGTH = 200_000;

export function mutate(random: Random, text: string, others: readonly string[]): string {
  let out = text;
  const rounds = 1 + random.int(random.chance(0.2) ? 8 : 3);
  for (let r = 0; r < rounds; r++) out = mutateOnce(random, out, others);
  return out.length > MAX_LENGTH ? out.slice(0, MAX_LENGTH) : out;
}

function mutateOnce(random: Random, text: string, others: readonly string[]): string {
  const at = random.int(text.length + 1);
  const end = Math.min(text.length, at + random.int(40));
  return random.weighted<string>([
    [3, () => text.slice(0, at) + random.pick(HOSTILE) + text.slice(at)],
    [2, () => text.slice(0, at) + text.slice(end)],
    [2, () => text.slice(0, end) + text.slice(at, end) + text.slice(end)],
    [2, () => flipChar(random, text, at)],
    [2, () => swapTokens(random, text)],
    [2, () => splice(random, text, random.pick(others.length > 0 ? others : [text]), at)],
    [1, () => nest(random, text, at, end)],
    [1, () => text.slice(0, at) + random.pick(HOSTILE).repeat(1 + random.int(5000)) + text.slice(at)],
    [1, () => text.slice(0, at) + text.slice(at, end).repeat(1 + random.int(200)) + text.slice(end)],
    [1, () => text.slice(0, at) + randomUnicode(random, 1 + random.int(20)) + text.slice(at)],
  ]);
}

function flipChar(random: Random, text: string, at: number): string {
  if (text.length === 0) return String.fromCharCode(random.int(128));
  const i = Math.min(at, text.length - 1);
  const code = text.charCodeAt(i) ^ (1 << random.int(7));
  return text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1);
}

function swapTokens(random: Random, text: string): string {
  const tokens = text.split(/(\s+|[()[\]{},:;"'`])/);
  if (tokens.length < 2) return text;
  const a = random.int(tokens.length);
  const b = random.int(tokens.length);
  [tokens[a], tokens[b]] = [tokens[b]!, tokens[a]!];
  return tokens.join("");
}

function splice(random: Random, text: string, other: string, at: number): string {
  const from = random.int(other.length + 1);
  return text.slice(0, at) + other.slice(from, from + random.int(200)) + text.slice(at);
}

/** Wraps `text[at, end)` in `depth` openers and their closers (or leaves them unclosed). */
function nest(random: Random, text: string, at: number, end: number): string {
  const open = random.pick(OPENERS);
  const close = CLOSERS[open] ?? "";
  const depth = random.chance(0.5) ? 1 + random.int(100) : 1 + random.int(20_000);
  const closing = random.chance(0.8) ? close.repeat(depth) : "";
  return text.slice(0, at) + open.repeat(depth) + text.slice(at, end) + closing + text.slice(end);
}

function randomUnicode(random: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += String.fromCharCode(random.int(0x10000));
  return out;
}

/** A YAML document whose aliases double at each level (billion laughs), `levels` deep. */
export function laughs(random: Random, levels: number): string {
  let doc = `name: l\nx:\n  a0: &a0 "lol"\n`;
  for (let i = 1; i <= levels; i++)
    doc += `  a${i}: &a${i} [${Array(2 + random.int(8))
      .fill(`*a${i - 1}`)
      .join(", ")}]\n`;
  return `${doc}nodes:\n  - id: t\n    type: tool\n    tool_name: echo\n    tool_args: { v: *a${levels} }\n`;
}
