/**
 * @fileoverview `decodeURIComponent`, `decodeURI`, `encodeURIComponent` and `encodeURI` in a body
 * that catches (print/catchableUri.ts): malformed escapes, escapes that are not UTF-8 (overlong,
 * surrogates, past U+10FFFF, cut short), lone surrogates to encode; the URIError's name, message
 * and text as JavaScript gives them; and the same calls uncaught (the node stops, as JavaScript).
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const u = cases("uri");

const PARTS = [
  {
    parts: [
      "%",
      "%zz",
      "%E2%82",
      "%E2%82%AC",
      "%C0%AF",
      "%ED%A0%80",
      "%F4%90%80%80",
      "%F0%9F%98%80",
      "a%2",
      "%%41",
      "plain+text",
      "%41%",
      "%e2%82%ac",
      "%FF",
      "%80",
      "%2F%3F%23",
      "%F0%9F%98",
      "%C3%A9%",
    ],
  },
  { parts: [] },
  { parts: ["ok", "%E2%82%AC"] },
];

export const URI_ERRORS: readonly OracleCase[] = [
  u(
    "decode-component-caught",
    [
      "const out = inputs.parts.map((p) => {",
      "  try {",
      "    return decodeURIComponent(p);",
      "  } catch (e) {",
      "    return e instanceof Error ? `${e.name}: ${e.message}` : 'other';",
      "  }",
      "});",
      "return { out };",
    ].join("\n"),
    { parts: "string[]" },
    { out: "string[]" },
    PARTS,
  ),
  u(
    "decode-two-in-one-expression",
    [
      "const out: string[] = [];",
      "for (let i = 0; i + 1 < inputs.parts.length; i++) {",
      "  try {",
      "    out.push(`${decodeURIComponent(inputs.parts[i])}=${decodeURIComponent(inputs.parts[i + 1])}`);",
      "  } catch {",
      "    out.push('bad pair ' + i);",
      "  }",
      "}",
      "return { out };",
    ].join("\n"),
    { parts: "string[]" },
    { out: "string[]" },
    PARTS,
  ),
  u(
    "decode-uri-caught-string-of-error",
    [
      "const out: string[] = [];",
      "let bad = 0;",
      "for (const p of inputs.parts) {",
      "  try {",
      "    out.push(decodeURI('https://x.io/' + p));",
      "  } catch (e) {",
      "    bad++;",
      "    out.push(String(e));",
      "  }",
      "}",
      "return { out, bad };",
    ].join("\n"),
    { parts: "string[]" },
    { out: "string[]", bad: "integer" },
    PARTS,
  ),
  // encodeURIComponent of a lone surrogate is not caught: the node stops (BOTH_THROW: JavaScript's
  // URIError is not caught there either once it escapes the loop's try).
  u(
    "encode-lone-surrogates-stop",
    [
      "const hi = String.fromCharCode(0xd83d);",
      "const lo = String.fromCharCode(0xde00);",
      "const texts = [...inputs.parts, hi, lo, hi + lo, lo + hi, 'a' + hi, hi + 'b', '😀'];",
      "const out: string[] = [];",
      "for (const t of texts) {",
      "  try {",
      "    out.push(encodeURIComponent(t) + ' ' + encodeURI(t));",
      "  } finally {",
      "    out.push('.');",
      "  }",
      "}",
      "return { out };",
    ].join("\n"),
    { parts: "string[]" },
    { out: "string[]" },
    PARTS,
  ),
  u(
    "decode-uncaught-stops",
    ["return { out: inputs.parts.map((p) => decodeURIComponent(p)) };"].join("\n"),
    { parts: "string[]" },
    { out: "string[]" },
    PARTS,
  ),
];
