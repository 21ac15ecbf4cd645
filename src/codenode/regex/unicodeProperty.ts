/**
 * @fileoverview `\p{...}` and `\P{...}` in `u` mode: the code points of a Unicode property
 * (`\p{L}`, `\p{Lu}`, `\p{Script=Greek}`, `\p{Emoji}`, ...) as ranges, taken from the compiling
 * host's own engine, so the sandbox matches exactly the characters JavaScript matches on that host
 * (the same Unicode version as its `toUpperCase` and case folding). A name the engine does not know
 * is a syntax error, as in JavaScript. Each property is computed once per process by matching it
 * over every code point (~30-60 ms).
 */
import { normalize, type Ranges } from "./ranges.js";

const cache = new Map<string, Ranges | undefined>();

/** The code points of property `name`, or undefined when it is not one (`\p{Foo}`). */
export function propertyRanges(name: string): Ranges | undefined {
  if (cache.has(name)) return cache.get(name);
  const ranges = compute(name);
  cache.set(name, ranges);
  return ranges;
}

function compute(name: string): Ranges | undefined {
  if (!/^[A-Za-z0-9_]+(=[A-Za-z0-9_]+)?$/.test(name)) return undefined;
  let runs: RegExp;
  let one: RegExp;
  try {
    runs = new RegExp(`\\p{${name}}+`, "gu");
    one = new RegExp(`^\\p{${name}}$`, "u");
  } catch {
    return undefined;
  }
  const out: [number, number][] = [];
  // Runs of the property in the text of all code points outside the surrogates, in order: a run's
  // code points are consecutive, so its first and last give the range.
  for (const text of codePointTexts()) {
    for (const m of text.matchAll(runs)) {
      const first = text.codePointAt(m.index)!;
      const last = lastCodePoint(m[0]);
      out.push([first, last]);
    }
  }
  // Lone surrogates, one at a time (side by side, a lead and a trail would pair up).
  for (let c = 0xd800; c <= 0xdfff; c++) if (one.test(String.fromCharCode(c))) out.push([c, c]);
  return normalize(out);
}

function lastCodePoint(s: string): number {
  const end = s.length - 1;
  const unit = s.charCodeAt(end);
  const lead = end > 0 ? s.charCodeAt(end - 1) : 0;
  return unit >= 0xdc00 && unit <= 0xdfff && lead >= 0xd800 && lead <= 0xdbff ? s.codePointAt(end - 1)! : unit;
}

let texts: readonly string[] | undefined;

/** U+0000-U+D7FF and U+E000-U+10FFFF, each as one string of its code points in order. */
function codePointTexts(): readonly string[] {
  if (!texts) texts = [span(0, 0xd7ff), span(0xe000, 0x10ffff)];
  return texts;
}

function span(from: number, to: number): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let c = from; c <= to; c++) {
    chunk.push(c);
    if (chunk.length === 8192 || c === to) {
      parts.push(String.fromCodePoint(...chunk));
      chunk.length = 0;
    }
  }
  return parts.join("");
}
