/**
 * @fileoverview JavaScript's Error classes beyond Error (lib/exceptions.ts): `e instanceof
 * SyntaxError` after JSON.parse, `(e as SyntaxError).name`, URIError from decodeURIComponent,
 * TypeError and RangeError thrown by the body (with and without `new`), caught and uncaught.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const ec = cases("errclass");

const TEXTS = [{ texts: ['{"a":1}', "{bad", "", "%zz", "-5", "1e400", "[1,2]"] }, { texts: [] }];

export const ERROR_CLASSES: readonly OracleCase[] = [
  ec(
    "instanceof-syntax-error",
    [
      "const out: string[] = [];",
      "for (const t of inputs.texts) {",
      "  try {",
      "    out.push(JSON.stringify(JSON.parse(t)));",
      "  } catch (e) {",
      "    if (e instanceof SyntaxError) out.push(`syntax:${e.name}:${e instanceof Error}:${e instanceof TypeError}`);",
      "    else out.push('other');",
      "  }",
      "}",
      "return { out };",
    ].join("\n"),
    { texts: "string[]" },
    { out: "string[]" },
    TEXTS,
    ["json"],
  ),
  ec(
    "as-syntax-error-name",
    [
      "const names: string[] = [];",
      "for (const t of inputs.texts) {",
      "  try {",
      "    JSON.parse(t);",
      "    names.push('ok');",
      "  } catch (e) {",
      "    names.push((e as SyntaxError).name);",
      "  }",
      "}",
      "return { names };",
    ].join("\n"),
    { texts: "string[]" },
    { names: "string[]" },
    TEXTS,
    ["json"],
  ),
  ec(
    "thrown-type-and-range-errors",
    [
      "const check = (t: string): number => {",
      "  if (t === '') throw new TypeError('empty input');",
      "  const n = Number(t);",
      "  if (Number.isNaN(n)) throw TypeError(`not a number: ${t}`);",
      "  if (n < 0 || !Number.isFinite(n)) throw new RangeError(`out of range: ${n}`);",
      "  return n;",
      "};",
      "const out = inputs.texts.map((t) => {",
      "  try {",
      "    return String(check(t));",
      "  } catch (e) {",
      "    const kind = e instanceof RangeError ? 'range' : e instanceof TypeError ? 'type' : 'other';",
      "    return `${kind} ${String(e)} ${(e as Error).message.length}`;",
      "  }",
      "});",
      "return { out };",
    ].join("\n"),
    { texts: "string[]" },
    { out: "string[]" },
    TEXTS,
  ),
  ec(
    "uri-error-instanceof",
    [
      "const out: string[] = [];",
      "for (const t of inputs.texts) {",
      "  try {",
      "    out.push(decodeURIComponent(t));",
      "  } catch (e) {",
      "    out.push(e instanceof URIError ? `uri ${e.message}` : 'other');",
      "  }",
      "}",
      "return { out };",
    ].join("\n"),
    { texts: "string[]" },
    { out: "string[]" },
    TEXTS,
  ),
  ec(
    "range-error-uncaught",
    [
      "if (inputs.texts.length > 3) throw new RangeError(`too many texts: ${inputs.texts.length}`);",
      "return { n: inputs.texts.length };",
    ].join("\n"),
    { texts: "string[]" },
    { n: "integer" },
    TEXTS,
  ),
];
