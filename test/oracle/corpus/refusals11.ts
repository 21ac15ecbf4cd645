/**
 * @fileoverview Round 11 of held-out idioms: values of type 'any' (parsed JSON, often an LLM's)
 * stored where the code declares a primitive type — `const name: string = data.name` holding a
 * number, null or nothing — and what the code then does with them.
 * Inputs carry null, missing fields, numbers where strings are expected, and unicode. Cases named
 * `...refused` must stay refused with a located message (the reason beside each).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const r11 = cases("refusals11", ["json"]);
const OUT = { out: "string" };
const S = { s: "string" };

/** Records whose `name` and `count` are of every kind an LLM's JSON may give. */
const PEOPLE = [
  { s: '{"name":"Ada","count":3,"ok":true}' },
  { s: '{"name":42,"count":"7","ok":1}' },
  { s: '{"name":null,"count":null,"ok":null}' },
  { s: "{}" },
  { s: '{"name":"Zürich 😀","count":-0,"ok":false}' },
  { s: '{"name":true,"count":1.5,"ok":"yes"}' },
  { s: '{"name":["a","b"],"count":[2],"ok":[]}' },
  { s: '{"name":{"first":"x"},"count":{},"ok":{}}' },
];

export const REFUSALS_11: readonly OracleCase[] = [
  r11(
    "string-typed-local-from-any",
    [
      "const data = JSON.parse(inputs.s);",
      "const name: string = data.name;",
      "const greeting = 'Hi ' + name + '!';",
      "return { out: greeting + ' ' + typeof name + ' ' + JSON.stringify({ name }) };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "string-typed-local-methods-in-try",
    [
      "const data = JSON.parse(inputs.s);",
      "const name: string = data.name;",
      "const log: string[] = [];",
      "log.push(String(name.length));",
      "try {",
      "  log.push(name.toUpperCase());",
      "  log.push(name.trim().slice(0, 3));",
      "} catch (e) {",
      "  log.push('caught ' + (e as Error).message);",
      "}",
      "log.push(name === undefined ? 'undef' : name === null ? 'null' : 'has');",
      "return { out: log.join(' | ') };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "number-typed-local-from-any",
    [
      "const data = JSON.parse(inputs.s);",
      "const count: number = data.count;",
      "const next = count + 1;",
      "const double = count * 2;",
      "return { out: next + ' ' + double + ' ' + typeof count + ' ' + (count > 2) + ' ' + JSON.stringify({ count, next }) };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "boolean-typed-local-from-any",
    [
      "const data = JSON.parse(inputs.s);",
      "const ok: boolean = data.ok;",
      "const flags = [ok ? 'yes' : 'no', String(ok), ok === true ? 'true' : 'not true', typeof ok];",
      "return { out: flags.join(',') + ' ' + JSON.stringify({ ok }) };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "string-parameter-from-any",
    [
      "const data = JSON.parse(inputs.s);",
      "function greet(name: string, times: number): string {",
      "  return 'Hi ' + name + '#' + times;",
      "}",
      "const a = greet(data.name, data.count);",
      "const b = greet('Bob', 2);",
      "return { out: a + ' / ' + b };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "string-local-assigned-later-from-any",
    [
      "const data = JSON.parse(inputs.s);",
      "let title: string = 'untitled';",
      "if (data && 'name' in data) title = data.name;",
      "let total: number = 0;",
      "total = data ? data.count : 0;",
      "return { out: `${title}: ${total}` };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "as-string-cast-of-any",
    [
      "const data = JSON.parse(inputs.s);",
      "const name = data.name as string;",
      "const count = <number>data.count;",
      "let msg = '';",
      "try {",
      "  msg = name.split('').reverse().join('');",
      "} catch (e) {",
      "  msg = (e as Error).name;",
      "}",
      "return { out: name + '/' + (count + 1) + '/' + msg };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "function-returning-string-from-any",
    [
      "const data = JSON.parse(inputs.s);",
      "function nameOf(d: any): string {",
      "  return d.name;",
      "}",
      "const label = (d: any): string => d.name ?? 'none';",
      "const n = nameOf(data);",
      "return { out: n + ' ' + label(data) + ' ' + typeof n };",
    ].join("\n"),
    S,
    OUT,
    PEOPLE,
  ),
  r11(
    "llm-items-into-typed-locals",
    [
      "const data = JSON.parse(inputs.s);",
      "let total = 0;",
      "let text = '';",
      "for (const item of data.items ?? []) {",
      "  const label: string = item.label;",
      "  const score: number = item.score;",
      "  total = total + score;",
      "  text += label + '=' + score + ';';",
      "}",
      "return { out: text + ' total ' + total };",
    ].join("\n"),
    S,
    OUT,
    [
      { s: '{"items":[{"label":"a","score":1},{"label":"b","score":2.5}]}' },
      { s: '{"items":[{"label":7,"score":"3"},{"label":null}]}' },
      { s: '{"items":[{"label":"ü😀","score":-0}]}' },
      { s: '{"items":[]}' },
      { s: "{}" },
    ],
  ),
];
