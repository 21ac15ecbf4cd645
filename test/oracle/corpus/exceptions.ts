/**
 * @fileoverview Exceptions as developers use them: validators that throw and callers that collect
 * the errors, parse-or-default, finally with return, nested try, rethrow, errors thrown inside
 * array callbacks and caught outside, Error subclasses, thrown strings and numbers, uncaught
 * throws (the node fails with the message, as JavaScript).
 */
import type { OracleCase } from "../oracle.js";

const ROWS = {
  rows: [
    { name: "ann", age: 31, email: "ann@example.com" },
    { name: "", age: 20, email: "x@y.z" },
    { name: "bob", age: -4, email: "bob@example.com" },
    { name: "cy", age: 40, email: "nope" },
  ],
};
const ROW_INPUTS = [ROWS, { rows: [] }, { rows: [{ name: "é日本", age: 0, email: "@" }] }];
const ROW_SCHEMA = { rows: [{ name: "string", age: "number", email: "string" }] } as const;

export const EXCEPTIONS: readonly OracleCase[] = [
  {
    name: "exceptions/validator-collects-errors",
    body: `
      function validate(r: { name: string; age: number; email: string }): string {
        if (r.name.length === 0) throw new Error("name is empty");
        if (r.age < 0) throw new Error(\`age \${r.age} is negative\`);
        if (!r.email.includes("@")) throw new Error(\`bad email for \${r.name}\`);
        return r.name.toUpperCase();
      }
      const ok: string[] = [];
      const errors: string[] = [];
      for (const r of inputs.rows) {
        try {
          const name = validate(r);
          ok.push(name);
        } catch (e) {
          errors.push(e instanceof Error ? e.message : String(e));
        }
      }
      return { ok, errors };
    `,
    input: ROW_SCHEMA,
    output: { ok: "string[]", errors: "string[]" },
    inputs: ROW_INPUTS,
  },
  {
    name: "exceptions/custom-error-subclass-fields",
    body: `
      class FieldError extends Error {
        constructor(public field: string, public code: number) {
          super(\`invalid \${field}\`);
          this.name = "FieldError";
        }
      }
      function check(r: { name: string; age: number; email: string }): void {
        if (r.name === "") throw new FieldError("name", 1);
        if (r.age < 0 || r.age > 150) throw new FieldError("age", 2);
      }
      const problems: string[] = [];
      let codes = 0;
      for (const r of inputs.rows) {
        try {
          check(r);
        } catch (e) {
          if (e instanceof FieldError) {
            problems.push(\`\${e.name}: \${e.field} (\${e.message})\`);
            codes += e.code;
          } else throw e;
        }
      }
      return { problems, codes };
    `,
    input: ROW_SCHEMA,
    output: { problems: "string[]", codes: "number" },
    inputs: ROW_INPUTS,
  },
  {
    name: "exceptions/parse-or-default",
    body: `
      function parseAmount(s: string): number {
        const t = s.trim();
        if (t === "") throw new Error("empty");
        const n = Number(t);
        if (Number.isNaN(n)) throw new Error(\`not a number: \${t}\`);
        return n;
      }
      function parseOr(s: string, fallback: number): number {
        try {
          return parseAmount(s);
        } catch {
          return fallback;
        }
      }
      const values = inputs.items.map((s) => parseOr(s, -1));
      return { values, total: values.reduce((a, b) => a + b, 0) };
    `,
    input: { items: "string[]" },
    output: { values: "number[]", total: "number" },
    inputs: [{ items: ["1.5", " 2 ", "", "abc", "-0", "1e3"] }, { items: [] }, { items: ["0x10", "Infinity"] }],
  },
  {
    name: "exceptions/finally-with-return",
    body: `
      const log: string[] = [];
      function step(x: number): number {
        try {
          log.push("try " + x);
          if (x < 0) throw new Error("negative");
          if (x === 0) return 100;
          return x * 2;
        } catch (e) {
          log.push("catch " + (e as Error).message);
          return -1;
        } finally {
          log.push("finally " + x);
        }
      }
      const out = inputs.xs.map((x) => step(x));
      return { out, log };
    `,
    input: { xs: "number[]" },
    output: { out: "number[]", log: "string[]" },
    inputs: [{ xs: [1, 0, -2, 3.5] }, { xs: [] }, { xs: [-0, Number.MAX_SAFE_INTEGER] }],
  },
  {
    name: "exceptions/finally-overrides-return",
    body: `
      function f(x: number): string {
        try {
          if (x > 1) throw new Error("big");
          return "try";
        } finally {
          if (x > 2) return "finally";
        }
      }
      const out: string[] = [];
      for (const x of inputs.xs) {
        try {
          out.push(f(x));
        } catch (e) {
          out.push("caught " + (e as Error).message);
        }
      }
      return { out };
    `,
    input: { xs: "number[]" },
    output: { out: "string[]" },
    inputs: [{ xs: [0, 1, 2, 3] }, { xs: [] }],
  },
  {
    name: "exceptions/nested-try-rethrow",
    body: `
      const trace: string[] = [];
      function risky(n: number): number {
        if (n % 3 === 0) throw new Error("three " + n);
        if (n % 5 === 0) throw "five " + n;
        return n;
      }
      let sum = 0;
      for (const n of inputs.ns) {
        try {
          try {
            sum += risky(n);
          } catch (inner) {
            trace.push("inner " + String(inner));
            if (inner instanceof Error) throw inner;
          } finally {
            trace.push("inner finally " + n);
          }
        } catch (outer) {
          trace.push("outer " + String(outer));
        }
      }
      return { sum, trace };
    `,
    input: { ns: "number[]" },
    output: { sum: "number", trace: "string[]" },
    inputs: [{ ns: [1, 3, 5, 7, 15, 2] }, { ns: [] }, { ns: [-3, 0.5] }],
  },
  {
    name: "exceptions/throw-in-map-caught-outside",
    body: `
      let result: number[] = [];
      let error = "";
      try {
        result = inputs.xs.map((x) => {
          if (x < 0) throw new Error(\`negative value \${x}\`);
          return Math.sqrt(x);
        });
      } catch (e) {
        error = (e as Error).message;
      }
      return { result, error };
    `,
    input: { xs: "number[]" },
    output: { result: "number[]", error: "string" },
    inputs: [{ xs: [4, 9, 2] }, { xs: [1, -1, 4, -2] }, { xs: [] }, { xs: [-0] }],
  },
  {
    name: "exceptions/throw-in-callbacks-stops-iteration",
    body: `
      const seen: number[] = [];
      let message = "";
      try {
        inputs.xs.forEach((x) => {
          seen.push(x);
          if (x > 10) throw new Error("too big: " + x);
        });
      } catch (e) {
        message = e instanceof Error ? e.message : "?";
      }
      let found = -1;
      try {
        found = inputs.xs.filter((x) => x !== 3).findIndex((x) => {
          if (x === 7) throw 7;
          return x > 4;
        });
      } catch (e) {
        message += " / " + String(e);
      }
      return { seen, message, found };
    `,
    input: { xs: "number[]" },
    output: { seen: "number[]", message: "string", found: "number" },
    inputs: [{ xs: [1, 3, 11, 12] }, { xs: [5, 7, 8] }, { xs: [7, 20] }, { xs: [] }],
  },
  {
    name: "exceptions/throw-strings-numbers",
    body: `
      function classify(x: number): string {
        if (x < 0) throw "negative";
        if (x === 0) throw 0;
        if (x > 100) throw new RangeErrorLike("over " + x);
        return "ok";
      }
      class RangeErrorLike extends Error {}
      const out: string[] = [];
      for (const x of inputs.xs) {
        try {
          out.push(classify(x));
        } catch (e) {
          if (typeof e === "string") out.push("string " + e);
          else if (e instanceof RangeErrorLike) out.push("range " + e.message + " " + e.name);
          else out.push("other " + String(e));
        }
      }
      return { out };
    `,
    input: { xs: "number[]" },
    output: { out: "string[]" },
    inputs: [{ xs: [1, -1, 0, 101] }, { xs: [] }],
  },
  {
    name: "exceptions/thrown-value-as-text",
    body: `
      const texts: string[] = [];
      const values = inputs.xs;
      for (const x of values) {
        try {
          if (x === 1) throw new Error("one");
          if (x === 2) throw new Error();
          if (x === 3) throw "three";
          if (x === 4) throw 4.5;
          if (x === 5) throw false;
          texts.push("none");
        } catch (e) {
          texts.push(\`\${e}\`);
          texts.push(String(e));
        }
      }
      return { texts };
    `,
    input: { xs: "number[]" },
    output: { texts: "string[]" },
    inputs: [{ xs: [0, 1, 2, 3, 4, 5] }, { xs: [] }],
  },
  {
    name: "exceptions/break-continue-through-finally",
    body: `
      const out: string[] = [];
      let i = 0;
      while (i < inputs.n) {
        i++;
        try {
          if (i % 2 === 0) continue;
          if (i > 7) break;
          out.push("body " + i);
        } finally {
          out.push("finally " + i);
        }
      }
      for (const x of [1, 2, 3]) {
        try {
          if (x === 2) continue;
          out.push("x " + x);
        } catch {
          out.push("never");
        }
      }
      return { out, i };
    `,
    input: { n: "number" },
    output: { out: "string[]", i: "number" },
    inputs: [{ n: 0 }, { n: 5 }, { n: 12 }],
  },
  {
    name: "exceptions/uncaught-error-fails-node",
    body: `
      function need(s: string): string {
        if (s.length === 0) throw new Error("a value is required");
        return s;
      }
      const names = inputs.names.map((s) => need(s.trim()));
      return { names };
    `,
    input: { names: "string[]" },
    output: { names: "string[]" },
    inputs: [{ names: ["a", " b "] }, { names: ["a", "  "] }, { names: [] }],
  },
  {
    name: "exceptions/uncaught-string-fails-node",
    body: `
      if (inputs.x > 3) throw "x is " + inputs.x;
      return { y: inputs.x * 2 };
    `,
    input: { x: "number" },
    output: { y: "number" },
    inputs: [{ x: 1 }, { x: 4 }],
  },
  {
    name: "exceptions/catch-and-continue-state",
    body: `
      const stock = new Map<string, number>();
      for (const s of inputs.skus) stock.set(s, (stock.get(s) ?? 0) + 1);
      function take(sku: string): number {
        const left = stock.get(sku);
        if (left === undefined || left === 0) throw new Error("out of " + sku);
        stock.set(sku, left - 1);
        return left - 1;
      }
      const log: string[] = [];
      let failures = 0;
      for (const want of inputs.orders) {
        try {
          const left = take(want);
          log.push(\`\${want}:\${left}\`);
        } catch (e) {
          failures++;
          log.push((e as Error).message);
        }
      }
      return { log, failures };
    `,
    input: { skus: "string[]", orders: "string[]" },
    output: { log: "string[]", failures: "number" },
    inputs: [
      { skus: ["a", "b", "a"], orders: ["a", "a", "a", "c", "b"] },
      { skus: [], orders: ["x"] },
      { skus: ["é"], orders: [] },
    ],
  },
  {
    name: "exceptions/catch-any-message",
    body: `
      class TooLong extends Error {
        name = "TooLong";
      }
      const errors: string[] = [];
      let parsed = 0;
      for (const s of inputs.items) {
        try {
          if (s === "") throw new Error("empty item");
          if (s.length > 3) throw new TooLong("too long: " + s);
          parsed++;
        } catch (e: any) {
          errors.push(\`\${e.name}/\${e.message}\`);
        }
      }
      return { parsed, errors };
    `,
    input: { items: "string[]" },
    output: { parsed: "number", errors: "string[]" },
    inputs: [{ items: ["a", "", "abcd", "xyz"] }, { items: [] }],
  },
  {
    name: "exceptions/error-in-reduce-and-sum",
    body: `
      function price(code: string): number {
        switch (code) {
          case "A": return 1.25;
          case "B": return 0.1;
          default: throw new Error("unknown code " + code);
        }
      }
      let total = 0;
      let bad = "";
      try {
        total = inputs.codes.reduce((acc, c) => acc + price(c), 0);
      } catch (e) {
        bad = (e as Error).message;
      }
      return { total, bad };
    `,
    input: { codes: "string[]" },
    output: { total: "number", bad: "string" },
    inputs: [{ codes: ["A", "B", "B"] }, { codes: ["A", "Z", "B"] }, { codes: [] }],
  },
];
