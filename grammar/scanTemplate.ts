/**
 * @fileoverview The one hand-written scanner of the .ice lexer: a template literal
 * (`` `text ${path} text` ``). Interpolations may hold balanced braces, strings and nested
 * templates, so that TypeScript template literals inside code bodies lex as one token too.
 *
 * The scanner is iterative (an explicit stack, so nesting cannot overflow the call stack) and
 * remembers the end of every template it has scanned in the current text: the lexer tries a
 * template at each backtick, and without the memo a run of unterminated templates would be
 * rescanned from every backtick (quadratic time).
 */

/** Template ends already found in `memoText`: start offset -> end offset, or -1 (unterminated). */
let memoText: string | undefined;
let memo = new Map<number, number>();

/** Index just past the template literal that starts with a backtick at `start`, or -1 if unterminated. */
export function scanTemplate(text: string, start: number): number {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
  }
  const known = memo.get(start);
  if (known !== undefined) return known;

  // Open constructs, innermost last: a template (with its start) or an interpolation (with its
  // brace depth).
  const stack: ({ kind: "template"; start: number } | { kind: "interpolation"; depth: number })[] = [
    { kind: "template", start },
  ];
  const fail = (): number => {
    for (const frame of stack) if (frame.kind === "template") memo.set(frame.start, -1);
    return -1;
  };
  let i = start + 1;
  while (i < text.length) {
    const frame = stack[stack.length - 1]!;
    const c = text[i]!;
    if (frame.kind === "template") {
      if (c === "\\") i += 2;
      else if (c === "`") {
        stack.pop();
        memo.set(frame.start, i + 1);
        i++;
        if (stack.length === 0) return i;
      } else if (c === "$" && text[i + 1] === "{") {
        stack.push({ kind: "interpolation", depth: 1 });
        i += 2;
      } else i++;
      continue;
    }
    if (c === "{") frame.depth++;
    else if (c === "}") {
      if (--frame.depth === 0) stack.pop();
    } else if (c === "`") {
      const end = memo.get(i);
      if (end === -1) return fail();
      if (end !== undefined) {
        i = end;
        continue;
      }
      stack.push({ kind: "template", start: i });
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return fail();
      i = close;
    }
    i++;
  }
  return fail();
}
