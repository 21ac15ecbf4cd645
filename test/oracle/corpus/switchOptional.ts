/**
 * @fileoverview `switch` over a value that may be undefined (print/statements.ts): an optional
 * parameter or field, a capture group that did not take part, `Map.get` of a missing key; matched
 * with JavaScript's === (undefined only by `case undefined`, NaN by no case, -0 by `case 0`).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const so = cases("switchopt");

export const SWITCH_OPTIONAL: readonly OracleCase[] = [
  so(
    "optional-filter-name",
    [
      "const apply = (v: string, filter?: string): string => {",
      "  switch (filter) {",
      "    case 'upper':",
      "      return v.toUpperCase();",
      "    case 'trim':",
      "      return v.trim();",
      "    case 'json':",
      "      return JSON.stringify(v);",
      "    case undefined:",
      "      return `${v}!`;",
      "    default:",
      "      return `${v}?${filter}`;",
      "  }",
      "};",
      "const out = inputs.specs.map((s) => {",
      "  const i = s.indexOf('|');",
      "  return i < 0 ? apply(` ${s} `) : apply(` ${s.slice(0, i)} `, s.slice(i + 1));",
      "});",
      "return { out };",
    ].join("\n"),
    { specs: "string[]" },
    { out: "string[]" },
    [{ specs: ["name|upper", "name", "x|trim", "y|json", "z|", "|upper"] }, { specs: [] }],
    ["json"],
  ),
  so(
    "map-get-and-numbers",
    [
      "const m = new Map<string, number>([['a', 1], ['b', 2], ['zero', -0], ['nan', NaN], ['neg', -1]]);",
      "const out: string[] = [];",
      "for (const k of inputs.keys) {",
      "  const v = m.get(k);",
      "  switch (v) {",
      "    case 1:",
      "    case 2:",
      "      out.push(`${k}: small`);",
      "      break;",
      "    case 0:",
      "      out.push(`${k}: zero`);",
      "      break;",
      "    case undefined:",
      "      out.push(`${k}: missing`);",
      "      break;",
      "    default:",
      "      out.push(`${k}: other ${v}`);",
      "  }",
      "}",
      "return { out };",
    ].join("\n"),
    { keys: "string[]" },
    { out: "string[]" },
    [{ keys: ["a", "b", "c", "zero", "nan", "neg"] }, { keys: [] }],
  ),
];
