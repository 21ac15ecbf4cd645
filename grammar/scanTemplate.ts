/**
 * @fileoverview The one hand-written scanner of the .ice lexer: a template literal
 * (`` `text ${path} text` ``). Interpolations may hold balanced braces, strings and nested
 * templates, so that TypeScript template literals inside code bodies lex as one token too.
 */

/** Index just past the template literal that starts with a backtick at `start`, or -1 if unterminated. */
export function scanTemplate(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === "`") return i + 1;
    else if (c === "$" && text[i + 1] === "{") {
      i = scanInterpolation(text, i + 2);
      if (i < 0) return -1;
    } else i++;
  }
  return -1;
}

/** Index just past the `}` closing an interpolation whose content starts at `start`, or -1. */
function scanInterpolation(text: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
    else if (c === "`") {
      i = scanTemplate(text, i);
      if (i < 0) return -1;
      continue;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    }
    i++;
  }
  return -1;
}
