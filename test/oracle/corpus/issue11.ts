/**
 * @fileoverview Every wrong answer listed in issue 11, each as its own case (the orchestration
 * template bug is not a code-node body; it is tested with the orchestration emitter).
 */
import type { OracleCase } from "../oracle.js";

export const ISSUE_11: readonly OracleCase[] = [
  {
    name: "issue11/block-scoped-const-shadowing",
    body: `
      let a = 0;
      let b = 0;
      const k = inputs.k;
      if (k > 0) {
        const n = 0.5;
        a = n;
      } else {
        const n = 3;
        b = n / 2;
      }
      return { a, b };
    `,
    input: { k: "number" },
    output: { a: "number", b: "number" },
    inputs: [{ k: 1 }, { k: 0 }, { k: -1 }],
  },
  {
    name: "issue11/return-in-forEach-inner-loop",
    body: `
      let total = 0;
      inputs.xs.forEach((x) => {
        for (let j = 0; j < 3; j++) {
          if (j == 1) return;
          total += x;
        }
        total += 100;
      });
      return { total };
    `,
    input: { xs: "number[]" },
    output: { total: "number" },
    inputs: [{ xs: [1, 1] }, { xs: [] }, { xs: [5, -2, 0.5] }],
  },
  {
    name: "issue11/division-through-reduce-const",
    body: `
      const xs = inputs.words;
      const n = xs.reduce((a, w) => a + w.length, 0);
      return { avg: n / xs.length };
    `,
    input: { words: "string[]" },
    output: { avg: "number" },
    inputs: [{ words: ["abcd", "abcd", "abcde"] }, { words: ["a"] }, { words: ["", "ab", "abc", "x"] }],
  },
  {
    name: "issue11/division-of-mapped-element",
    body: `
      const ys = inputs.xs.map((x) => x * 3);
      return { half: ys[1] / 2 };
    `,
    input: { xs: "integer[]" },
    output: { half: "number" },
    inputs: [{ xs: [1, 1, 1] }, { xs: [0, 7] }, { xs: [2, -3] }],
  },
  {
    name: "issue11/multiplication-past-2^31",
    body: `
      const big = 7 * 1000000000;
      return { big, scaled: inputs.n * 1000000000 };
    `,
    input: { n: "integer" },
    output: { big: "number", scaled: "number" },
    inputs: [{ n: 7 }, { n: -3 }, { n: 0 }],
  },
  {
    name: "issue11/sort-floats-with-subtraction",
    body: `
      const ys = inputs.xs.slice();
      ys.sort((a, b) => a - b);
      return { ys };
    `,
    input: { xs: "number[]" },
    output: { ys: "number[]" },
    inputs: [{ xs: [0.5, 0.2, 0.9, 0.1] }, { xs: [1.5, -0.25, 1.25, -0.75] }, { xs: [] }],
  },
  {
    name: "issue11/point-one-plus-point-two",
    body: `
      const x = 0.1 + 0.2;
      return { s: String(x), t: \`\${x}\`, c: "x=" + x, y: x };
    `,
    input: {},
    output: { s: "string", t: "string", c: "string", y: "number" },
    inputs: [{}],
  },
  {
    name: "issue11/sort-floats-with-the-compilers-i32-hint",
    body: `
      const ys = inputs.xs.slice();
      ys.sort((a, b) => <i32>(a - b));
      return { ys };
    `,
    input: { xs: "number[]" },
    output: { ys: "number[]" },
    inputs: [{ xs: [0.5, 0.2, 0.9, 0.1] }, { xs: [1.5, -0.25, 1.25, -0.75] }, { xs: [3, 1, 2] }],
  },
  {
    name: "issue11/map-with-the-compilers-i32-hint-then-divide",
    body: `
      const ys = inputs.xs.map<i32>((x) => x * 3);
      return { half: ys[1] / 2 };
    `,
    input: { xs: "integer[]" },
    output: { half: "number" },
    inputs: [{ xs: [1, 1, 1] }, { xs: [0, 7] }],
  },
];
