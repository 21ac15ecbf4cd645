/**
 * @fileoverview `JSON.parse(text)` read straight into a dictionary (print/parsedJson.ts):
 * `Record<string, unknown>`, `Record<string, number>`, `{ [k: string]: string[] }`: the parsed
 * object's own keys in JavaScript's order (integer-like first, `__proto__` as a key, duplicates
 * keeping the last value), missing keys undefined; a value of another type, or text that is not
 * an object, stops the node (JavaScript would carry the mistyped value on), so those are not here.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const pr = cases("parsedrec");

export const PARSED_RECORDS: readonly OracleCase[] = [
  pr(
    "unknown-values-in-order",
    [
      "const data: Record<string, unknown> = JSON.parse(inputs.text);",
      "const keys = Object.keys(data);",
      "const types = keys.map((k) => (data[k] === null ? 'null' : Array.isArray(data[k]) ? 'array' : typeof data[k]));",
      "data['added'] = keys.length;",
      "delete data['1'];",
      "return { keys, types, s: JSON.stringify(data), has: 'a' in data && !('missing' in data) };",
    ].join("\n"),
    { text: "string" },
    { keys: "string[]", types: "string[]", s: "string", has: "boolean" },
    [{ text: '{"b": 1, "2": "x", "a": [1, {"c": null}], "1": true, "__proto__": {"p": 1}, "b": -0}' }, { text: "{}" }],
    ["json"],
  ),
  pr(
    "typed-number-record",
    [
      "let prices: Record<string, number>;",
      "try {",
      "  prices = JSON.parse(inputs.text);",
      "} catch {",
      "  prices = {};",
      "}",
      "const entries = Object.entries(prices).sort(([, a], [, b]) => b - a);",
      "return {",
      "  total: Object.values(prices).reduce((a, b) => a + b, 0),",
      "  top: entries[0]?.[0] ?? 'none',",
      "  entries: entries.map(([k, v]) => `${k}=${v}`),",
      "};",
    ].join("\n"),
    { text: "string" },
    { total: "number", top: "string", entries: "string[]" },
    [{ text: '{"gpt-4o": 2.5, "mini": 0.15, "haiku": 0.25, "10": 1e21}' }, { text: "{}" }],
    ["json"],
  ),
  pr(
    "lists-by-key",
    [
      "const groups: { [k: string]: string[] } = JSON.parse(inputs.text);",
      "groups.fruits?.push('pear');",
      "const out: string[] = [];",
      "for (const k in groups) out.push(`${k}:${groups[k].join('+') || '-'}`);",
      "return { out };",
    ].join("\n"),
    { text: "string" },
    { out: "string[]" },
    [{ text: '{"fruits": ["apple", "fig"], "empty": [], "veg": ["kale"]}' }, { text: '{"x": []}' }],
    ["json"],
  ),
];
