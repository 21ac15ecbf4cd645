/**
 * @fileoverview Lays out type text for `W.d.ts`: types.ts prints a type on one line
 * (`{ a: string; b: { c: number } }`); an object type that does not fit in the line width is
 * broken into one member per line, recursively, as a person would write it.
 */

const WIDTH = 100;

/** One piece of type text: plain text, or an object type literal with its members. */
type Piece = { readonly text: string } | { readonly members: readonly Piece[][] };

/** `type Name = <type>;` laid out: `prefix` is what precedes the type on its first line. */
export function layoutType(prefix: string, type: string): string {
  const parser = { text: type, i: 0 };
  return prefix + render(sequence(parser, ""), "", prefix.length);
}

interface Parser {
  readonly text: string;
  i: number;
}

/** Pieces up to (not including) one of the `stop` characters at this depth, or the end. */
function sequence(p: Parser, stop: string): Piece[] {
  const pieces: Piece[] = [];
  let plain = "";
  while (p.i < p.text.length && !stop.includes(p.text[p.i]!)) {
    const c = p.text[p.i]!;
    if (c === '"') {
      const end = stringEnd(p.text, p.i);
      plain += p.text.slice(p.i, end);
      p.i = end;
    } else if (c === "{") {
      if (plain) pieces.push({ text: plain });
      plain = "";
      p.i++;
      const members: Piece[][] = [];
      for (;;) {
        while (p.text[p.i] === " ") p.i++;
        if (p.i >= p.text.length || p.text[p.i] === "}") break;
        members.push(trimmed(sequence(p, ";}")));
        if (p.text[p.i] === ";") p.i++;
      }
      p.i++;
      pieces.push({ members });
    } else {
      plain += c;
      p.i++;
    }
  }
  if (plain) pieces.push({ text: plain });
  return pieces;
}

function trimmed(pieces: Piece[]): Piece[] {
  const first = pieces[0];
  if (first && "text" in first) pieces[0] = { text: first.text.trimStart() };
  const last = pieces.at(-1);
  if (last && "text" in last) pieces[pieces.length - 1] = { text: last.text.trimEnd() };
  return pieces.filter((piece) => !("text" in piece) || piece.text !== "");
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function inline(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => ("text" in p ? p.text : p.members.length === 0 ? "{}" : `{ ${p.members.map(inline).join("; ")} }`))
    .join("");
}

function render(pieces: readonly Piece[], indent: string, column: number): string {
  const flat = inline(pieces);
  if (column + flat.length <= WIDTH) return flat;
  let out = "";
  let col = column;
  for (const p of pieces) {
    if ("text" in p) {
      out += p.text;
      col += p.text.length;
      continue;
    }
    const one = inline([p]);
    if (col + one.length <= WIDTH || p.members.length === 0) {
      out += one;
      col += one.length;
      continue;
    }
    const inner = `${indent}  `;
    out += `{\n${p.members.map((m) => `${inner}${render(m, inner, inner.length)};`).join("\n")}\n${indent}}`;
    col = indent.length + 1;
  }
  return out;
}
