/**
 * @fileoverview Logical assignments (`&&=`, `||=`, `??=`) to locals that the printer may store in
 * a faster representation (string builders, int32 counters): they are writes like any other.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const logical = cases("logical-locals");

export const LOGICAL_ASSIGN_LOCALS: readonly OracleCase[] = [
  logical(
    "and-assign-counter",
    "let k = 1;\nfor (let i = 0; i < inputs.n; i++) {\n  k &&= i;\n  k += 1;\n}\nreturn { k };",
    { n: "integer" },
    { k: "integer" },
    [{ n: 0 }, { n: 1 }, { n: 5 }],
  ),
  logical(
    "or-assign-counter",
    "let k = 0;\nfor (let i = 0; i < inputs.n; i++) {\n  k ||= i * 2;\n  k -= 1;\n}\nreturn { k };",
    { n: "integer" },
    { k: "integer" },
    [{ n: 0 }, { n: 3 }, { n: 6 }],
  ),
  logical(
    "and-assign-builder",
    'let s = "";\nfor (const w of inputs.words) {\n  s += w;\n  s &&= s + "!";\n}\nreturn { s };',
    { words: "string[]" },
    { s: "string" },
    [{ words: [] }, { words: ["a", "", "b"] }, { words: ["", ""] }],
  ),
  logical(
    "or-assign-builder",
    'let s = "";\nfor (const w of inputs.words) {\n  s ||= w.toUpperCase();\n  s += ",";\n}\nreturn { s };',
    { words: "string[]" },
    { s: "string" },
    [{ words: [] }, { words: ["a", "", "b"] }, { words: ["", "x"] }],
  ),
];
