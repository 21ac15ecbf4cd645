/**
 * @fileoverview Round 10 of held-out idioms: the last errors of values of type 'any' (parsed JSON)
 * that JavaScript's `catch` takes: in a `for` initializer, a `do...while` test whose body has a
 * `continue`, a read after a call in the same expression or a comma expression; a string of type
 * 'any' spread into an array. Not here (still a stop where JavaScript carries on, README says so):
 * a write past the end of an 'any' array (holes), a named property set on one, and an 'any'
 * holding a number stored where the code expects a string.
 * Inputs carry null, missing fields, numbers and strings where objects are expected. Cases named
 * `...refused` must stay refused with a located message (the reason beside each).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const r10 = cases("refusals10", ["json"]);
const OUT = { out: "string" };
const S = { s: "string" };

/** Linked lists, with links missing, null, or of the wrong kind. */
const LISTS = [
  { s: '{"head":{"v":1,"next":{"v":2,"next":{"v":3}}}}' },
  { s: '{"head":{"v":1,"next":null}}' },
  { s: '{"head":{"v":1,"next":{"v":2,"next":5}}}' },
  { s: '{"head":null}' },
  { s: "{}" },
  { s: "null" },
  { s: '{"head":{"v":"ü😀","next":{"v":2,"next":{"next":{}}}}}' },
];

/** Texts of JSON values of every shape a field may be missing from. */
const SHAPES = [
  { s: '{"user":{"name":"Ada","tags":["x","y"],"address":{"city":"Zürich 😀"}},"kind":"a"}' },
  { s: '{"user":{"name":"Bob"},"kind":"b"}' },
  { s: '{"user":null,"kind":"a"}' },
  { s: "{}" },
  { s: "null" },
  { s: '"text"' },
  { s: "[1,2]" },
  { s: '{"user":{"name":-0,"address":null}}' },
  { s: '{"user":true,"kind":0}' },
];

export const REFUSALS_10: readonly OracleCase[] = [
  r10(
    "try-for-initializer-reads",
    [
      "const data = JSON.parse(inputs.s);",
      "const seen: string[] = [];",
      "try {",
      "  for (let cur = data.head.next; cur; cur = cur.next) seen.push(String(cur.v));",
      "  for (let i = data.head.v, n = 0; n < 2; n++) seen.push('i' + i);",
      "} catch (e) {",
      "  seen.push('err: ' + (e as Error).message);",
      "}",
      "return { out: seen.join(',') };",
    ].join("\n"),
    S,
    OUT,
    LISTS,
  ),
  r10(
    "try-do-while-with-continue",
    [
      "const data = JSON.parse(inputs.s);",
      "const out: string[] = [];",
      "let guard = 0;",
      "try {",
      "  let node = data.head;",
      "  do {",
      "    if (++guard > 10) break;",
      "    const v = node.v;",
      "    node = node.next;",
      "    if (v === 2) continue;",
      "    out.push(String(v));",
      "  } while (node.next);",
      "} catch (e) {",
      "  out.push('caught ' + (e as Error).message);",
      "}",
      "return { out: out.join(',') + ' ' + guard };",
    ].join("\n"),
    S,
    OUT,
    LISTS,
  ),
  r10(
    "try-read-after-call-in-expression",
    [
      "const data = JSON.parse(inputs.s);",
      "const log: string[] = [];",
      "function mark(s: string): string { log.push(s); return s; }",
      "try {",
      "  const a = mark('a') + data.user.name;",
      "  log.push(a);",
      "  const b = `${mark('b')}:${data.user.address.city}`;",
      "  log.push(b);",
      "  log.push(String(mark('c').length + data.user.tags.length));",
      "} catch (e) {",
      "  log.push('caught ' + (e as Error).message);",
      "}",
      "return { out: log.join(' ') };",
    ].join("\n"),
    S,
    OUT,
    SHAPES,
  ),
  r10(
    "try-comma-expression-reads",
    [
      "const data = JSON.parse(inputs.s);",
      "let n = 0;",
      "let msg = 'ok';",
      "try {",
      "  for (let i = 0, node = data.head; i < 5; i++, node = node.next) n += node.v === undefined ? 0 : 1;",
      "} catch (e) {",
      "  msg = (e as Error).message;",
      "}",
      "return { out: n + ' ' + msg };",
    ].join("\n"),
    S,
    OUT,
    LISTS,
  ),
  r10(
    "spread-any-string-into-array",
    [
      "const data = JSON.parse(inputs.s);",
      "const chars = [...data.word];",
      "const more = [0, ...data.word, 1];",
      "const copy: any = [...data.word];",
      "return { out: chars.length + ' ' + JSON.stringify(chars) + ' ' + JSON.stringify(more) + ' ' + JSON.stringify([...data.word, 'z']) + ' ' + copy.length };",
    ].join("\n"),
    S,
    OUT,
    [{ s: '{"word":"abc"}' }, { s: '{"word":"ü😀e"}' }, { s: '{"word":""}' }, { s: '{"word":[1,"x"]}' }],
  ),
  r10(
    "try-spread-any-string-or-object",
    [
      "const data = JSON.parse(inputs.s);",
      "try {",
      "  const chars = [...data.word];",
      "  return { out: chars.join('-') };",
      "} catch (e) {",
      "  return { out: (e as Error).message };",
      "}",
    ].join("\n"),
    S,
    OUT,
    [{ s: '{"word":"a😀"}' }, { s: '{"word":{"a":1}}' }, { s: '{"word":null}' }, { s: '{"word":5}' }, { s: "{}" }],
  ),
  r10(
    "var-function-style-totals",
    [
      "function summarize(items: number[]): string {",
      "  var total = 0;",
      "  var count = 0;",
      "  for (var i = 0; i < items.length; i++) {",
      "    var v = items[i];",
      "    if (v > 0) {",
      "      total += v;",
      "      count++;",
      "    }",
      "  }",
      "  var avg = count ? total / count : 0;",
      "  return total + '/' + count + '/' + avg.toFixed(2);",
      "}",
      "var out = summarize(inputs.nums);",
      "return { out };",
    ].join("\n"),
    { nums: "number[]" },
    OUT,
    [{ nums: [1, -2, 3.5, 0] }, { nums: [] }, { nums: [-0, -1] }, { nums: [1e21, 2] }],
    [],
  ),
  r10(
    "var-with-callbacks-and-for-of",
    [
      "var names: string[] = [];",
      "inputs.words.forEach(function (w) {",
      "  names.push(w.toUpperCase());",
      "});",
      "var seen = 0;",
      "for (var w of inputs.words) {",
      "  var n = w.length;",
      "  seen += n;",
      "}",
      "var byLength = inputs.words.filter((x) => x.length > 1).map((x) => x + seen);",
      "return { out: names.join('-') + ' ' + seen + ' ' + byLength.join(',') };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    [{ words: ["a", "bc", "ü😀"] }, { words: [] }, { words: ["", "xyz"] }],
    [],
  ),
  // A `var` read after the loop that declares it: hoisted to the function (refused until round 11).
  r10(
    "var-read-after-loop",
    [
      "for (var i = 0; i < inputs.words.length; i++) {",
      "  if (inputs.words[i] === 'stop') break;",
      "}",
      "return { out: String(i) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    [{ words: ["a", "stop", "b"] }, { words: [] }],
    [],
  ),
  // Refused: a `var` declared in a block and read outside it (undefined when the block did not run).
  r10(
    "var-declared-in-branch-refused",
    [
      "function pick(flag: boolean): string {",
      "  if (flag) {",
      "    var label: string | undefined = 'yes';",
      "  }",
      "  return String(label);",
      "}",
      "return { out: pick(inputs.words.length > 0) + pick(false) };",
    ].join("\n"),
    { words: "string[]" },
    OUT,
    [{ words: ["a"] }, { words: [] }],
    [],
  ),
  /**
   * A checked read after a call in a concise arrow body, in a function a try calls (CI found the
   * recursive canonical-key idiom of ai9/dedupe-tool-calls-canonical refused once reads after calls
   * were hoisted: the calls of a concise body had no statement to be ordered in).
   */
  r10(
    "try-concise-arrow-read-after-call",
    [
      "const label = (u: any): string => `${String(u.id)}:${u.user.name}`;",
      "const canonical = (v: any): string =>",
      "  v && typeof v === 'object' ? Object.keys(v).sort().map((k) => `${JSON.stringify(k)}=${canonical(v[k])}`).join(',') : JSON.stringify(v);",
      "const out: string[] = [];",
      "try {",
      "  const data = JSON.parse(inputs.s);",
      "  out.push(canonical(data));",
      "  out.push(label(data));",
      "} catch (e) {",
      "  out.push('err: ' + (e as Error).message);",
      "}",
      "return { out: out.join(' | ') };",
    ].join("\n"),
    S,
    OUT,
    SHAPES,
  ),
];
