/**
 * @fileoverview Number semantics and formatting (README "What code nodes support", issue 11 item 1 and 3): `/` and `%` with
 * negative and fractional operands, `**`, Math.round(-2.5), NaN, Infinity, -0, large values,
 * integer overflow past 2^31, number printing (shortest round trip), toFixed, toPrecision,
 * toString(radix); and the formatting developers do with them: money, percentages, durations,
 * byte sizes, ordinals, thousands separators.
 */
import type { OracleCase } from "../oracle.js";

const PAIRS: readonly { a: number; b: number }[] = [
  { a: 7, b: 2 },
  { a: -7, b: 2 },
  { a: 7, b: -2 },
  { a: 5.5, b: 2 },
  { a: -5.5, b: 1.5 },
  { a: 0, b: 0 },
  { a: 1, b: 0 },
  { a: -1, b: 0 },
  { a: -0, b: 5 },
  { a: 2147483647, b: 2 },
  { a: 9007199254740991, b: 3 },
  { a: 1e308, b: 1e-308 },
  { a: 5e-324, b: 2 },
];

const VALUES: readonly { x: number }[] = [
  { x: 0 },
  { x: -0 },
  { x: 1 },
  { x: -2.5 },
  { x: 2.5 },
  { x: 0.5 },
  { x: -0.5 },
  { x: 1.005 },
  { x: 123456.789 },
  { x: 0.000001234 },
  { x: 1e21 },
  { x: 1.7976931348623157e308 },
  { x: 5e-324 },
  { x: 2147483648 },
  { x: -2147483649 },
  { x: 9007199254740994 },
  { x: 0.1 },
  { x: 100 },
];

export const NUMBERS: readonly OracleCase[] = [
  {
    name: "numbers/division-and-remainder",
    body: `
      const a = inputs.a;
      const b = inputs.b;
      return { q: a / b, r: a % b, f: Math.floor(a / b), t: Math.trunc(a / b) };
    `,
    input: { a: "number", b: "number" },
    output: { q: "number", r: "number", f: "number", t: "number" },
    inputs: PAIRS,
  },
  {
    name: "numbers/integer-division-and-remainder",
    body: `
      const a = inputs.a;
      const b = inputs.b;
      return { q: a / b, r: a % b, p: a * b, s: a - b };
    `,
    input: { a: "integer", b: "integer" },
    output: { q: "number", r: "number", p: "number", s: "number" },
    inputs: [
      { a: 7, b: 2 },
      { a: -7, b: 2 },
      { a: 7, b: -2 },
      { a: 1, b: 0 },
      { a: 0, b: 0 },
      { a: 2147483647, b: 2147483647 },
      { a: -2147483648, b: -1 },
    ],
  },
  {
    name: "numbers/power",
    body: `
      return { p: inputs.a ** inputs.b, m: Math.pow(inputs.a, inputs.b) };
    `,
    input: { a: "number", b: "number" },
    output: { p: "number", m: "number" },
    inputs: [
      { a: 2, b: 10 },
      { a: 2, b: 0.5 },
      { a: -8, b: 1 / 3 },
      { a: -2, b: 3 },
      { a: 2, b: -2 },
      { a: 0, b: -1 },
      { a: 10, b: 308 },
      { a: 2, b: 53 },
      { a: 1, b: 1e308 },
    ],
  },
  {
    name: "numbers/rounding",
    body: `
      const x = inputs.x;
      return { round: Math.round(x), floor: Math.floor(x), ceil: Math.ceil(x), trunc: Math.trunc(x), sign: Math.sign(x), abs: Math.abs(x) };
    `,
    input: { x: "number" },
    output: { round: "number", floor: "number", ceil: "number", trunc: "number", sign: "number", abs: "number" },
    inputs: VALUES,
  },
  {
    name: "numbers/round-to-cents",
    body: `
      return { cents: Math.round(inputs.x * 100) / 100 };
    `,
    input: { x: "number" },
    output: { cents: "number" },
    inputs: VALUES,
  },
  {
    name: "numbers/print-number",
    body: `
      const x = inputs.x;
      return { s: String(x), t: \`\${x}\`, c: "" + x, ts: x.toString(), half: String(x / 3) };
    `,
    input: { x: "number" },
    output: { s: "string", t: "string", c: "string", ts: "string", half: "string" },
    inputs: VALUES,
  },
  {
    name: "numbers/print-computed",
    body: `
      const parts: string[] = [];
      for (let i = 1; i <= 10; i++) parts.push(String(i / 10 + inputs.x));
      parts.push(String(inputs.x * 1.1), String(inputs.x / 7), String(1 / inputs.x));
      return { parts };
    `,
    input: { x: "number" },
    output: { parts: "string[]" },
    inputs: VALUES,
  },
  {
    name: "numbers/nan-and-infinity-printing",
    body: `
      const x = inputs.x;
      const nan = 0 / x - 0 / x;
      return { a: String(nan), b: String(1 / x), c: String(-1 / x), isNaN: Number.isNaN(x / x), fin: Number.isFinite(1 / x) };
    `,
    input: { x: "number" },
    output: { a: "string", b: "string", c: "string", isNaN: "boolean", fin: "boolean" },
    inputs: [{ x: 0 }, { x: -0 }, { x: 2 }, { x: 1e-320 }],
  },
  {
    name: "numbers/nan-comparisons",
    body: `
      const x = Math.sqrt(inputs.x);
      return { lt: x < 1, gt: x > 1, eq: x === x, ne: x !== x, max: String(Math.max(x, 1)), min: String(Math.min(1, x)) };
    `,
    input: { x: "number" },
    output: { lt: "boolean", gt: "boolean", eq: "boolean", ne: "boolean", max: "string", min: "string" },
    inputs: [{ x: -1 }, { x: 4 }, { x: 0 }, { x: -0 }],
  },
  {
    name: "numbers/negative-zero",
    body: `
      const z = inputs.x * 0;
      return { z, inv: 1 / z, s: String(z), isNeg: Object.is(z, -0), eq: z === 0 };
    `,
    input: { x: "number" },
    output: { z: "number", inv: "number", s: "string", isNeg: "boolean", eq: "boolean" },
    inputs: [{ x: -1 }, { x: 1 }, { x: -0 }, { x: 0 }],
  },
  {
    name: "numbers/nan-output-into-number-field",
    body: `
      return { r: Math.sqrt(inputs.x) };
    `,
    input: { x: "number" },
    output: { r: "number" },
    inputs: [{ x: 4 }, { x: -4 }, { x: 0 }],
  },
  {
    name: "numbers/fraction-into-integer-field",
    body: `
      return { n: inputs.x / 2 };
    `,
    input: { x: "integer" },
    output: { n: "integer" },
    inputs: [{ x: 4 }, { x: 3 }, { x: -1 }],
  },
  {
    name: "numbers/overflow-past-2^31",
    body: `
      let acc = 1;
      for (let i = 0; i < inputs.n; i++) acc *= 3;
      let sum = 0;
      for (let i = 0; i < inputs.n; i++) sum += 1000000000;
      return { acc, sum, shifted: acc | 0 };
    `,
    input: { n: "integer" },
    output: { acc: "number", sum: "number", shifted: "number" },
    inputs: [{ n: 5 }, { n: 20 }, { n: 40 }, { n: 0 }],
  },
  {
    name: "numbers/integer-counter-past-2^31",
    body: `
      let total = inputs.start;
      for (let i = 0; i < 3; i++) total += inputs.step;
      return { total };
    `,
    input: { start: "integer", step: "integer" },
    output: { total: "number" },
    inputs: [
      { start: 2147483647, step: 1 },
      { start: -2147483648, step: -1 },
      { start: 2000000000, step: 1000000000 },
    ],
  },
  {
    name: "numbers/bitwise",
    body: `
      const a = inputs.a;
      const b = inputs.b;
      return { and: a & b, or: a | b, xor: a ^ b, shl: a << 3, shr: a >> 1, ushr: a >>> 0, not: ~a };
    `,
    input: { a: "number", b: "number" },
    output: { and: "number", or: "number", xor: "number", shl: "number", shr: "number", ushr: "number", not: "number" },
    inputs: [
      { a: 5, b: 3 },
      { a: -1, b: 255 },
      { a: 2147483648, b: 1 },
      { a: 4294967297.5, b: -0.5 },
      { a: 1e21, b: 3 },
    ],
  },
  {
    name: "numbers/toFixed",
    body: `
      const x = inputs.x;
      return { f0: x.toFixed(0), f2: x.toFixed(2), f5: x.toFixed(5) };
    `,
    input: { x: "number" },
    output: { f0: "string", f2: "string", f5: "string" },
    inputs: VALUES,
  },
  {
    name: "numbers/toPrecision-and-exponential",
    body: `
      const x = inputs.x;
      return { p1: x.toPrecision(1), p4: x.toPrecision(4), e2: x.toExponential(2) };
    `,
    input: { x: "number" },
    output: { p1: "string", p4: "string", e2: "string" },
    inputs: VALUES,
  },
  {
    name: "numbers/toString-radix",
    body: `
      const n = inputs.n;
      return { hex: n.toString(16), bin: n.toString(2), b36: n.toString(36), padded: n.toString(16).padStart(8, "0") };
    `,
    input: { n: "integer" },
    output: { hex: "string", bin: "string", b36: "string", padded: "string" },
    inputs: [{ n: 255 }, { n: -255 }, { n: 0 }, { n: 2147483647 }, { n: 9007199254740991 }],
  },
  {
    name: "numbers/parse",
    body: `
      const s = inputs.s;
      const n = Number(s);
      return { n: Number.isNaN(n) ? -1 : n, i: parseInt(s, 10) || 0, f: parseFloat(s) || 0, valid: !isNaN(n) && s.trim() !== "" };
    `,
    input: { s: "string" },
    output: { n: "number", i: "number", f: "number", valid: "boolean" },
    inputs: [
      { s: "42" },
      { s: " 3.14 " },
      { s: "-0" },
      { s: "1e3" },
      { s: "0x1F" },
      { s: "12px" },
      { s: "" },
      { s: "abc" },
      { s: "9007199254740993" },
      { s: "Infinity" },
    ],
  },
  {
    name: "format/money-with-thousands",
    body: `
      function money(x: number): string {
        const negative = x < 0;
        const [whole, cents] = Math.abs(x).toFixed(2).split(".");
        let grouped = "";
        for (let i = 0; i < whole.length; i++) {
          if (i > 0 && (whole.length - i) % 3 === 0) grouped += ",";
          grouped += whole[i];
        }
        return (negative ? "-$" : "$") + grouped + "." + cents;
      }
      return { text: money(inputs.x), list: inputs.xs.map(money) };
    `,
    input: { x: "number", xs: "number[]" },
    output: { text: "string", list: "string[]" },
    inputs: [
      { x: 1234567.891, xs: [0, -0, 0.005, 1.005, 999.995] },
      { x: -42.5, xs: [] },
      { x: 2147483647.5, xs: [1e15, 0.1 + 0.2] },
    ],
  },
  {
    name: "format/percentages",
    body: `
      const total = inputs.parts.reduce((a, b) => a + b, 0);
      const pct = inputs.parts.map((p) => (total === 0 ? "0%" : ((p / total) * 100).toFixed(1) + "%"));
      return { pct };
    `,
    input: { parts: "number[]" },
    output: { pct: "string[]" },
    inputs: [{ parts: [1, 1, 1] }, { parts: [] }, { parts: [0, 0] }, { parts: [2, 3.5, 0.25] }],
  },
  {
    name: "format/duration-hms",
    body: `
      const total = Math.floor(inputs.seconds);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const two = (n: number) => (n < 10 ? "0" + n : "" + n);
      return { text: \`\${h}:\${two(m)}:\${two(s)}\` };
    `,
    input: { seconds: "number" },
    output: { text: "string" },
    inputs: [{ seconds: 0 }, { seconds: 59.9 }, { seconds: 3661 }, { seconds: 86399 }, { seconds: 1e9 }],
  },
  {
    name: "format/byte-sizes",
    body: `
      const units = ["B", "KB", "MB", "GB", "TB"];
      let value = inputs.bytes;
      let unit = 0;
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return { text: (unit === 0 ? String(value) : value.toFixed(1)) + " " + units[unit] };
    `,
    input: { bytes: "number" },
    output: { text: "string" },
    inputs: [
      { bytes: 0 },
      { bytes: 1023 },
      { bytes: 1024 },
      { bytes: 1536 },
      { bytes: 1e12 },
      { bytes: 9007199254740991 },
    ],
  },
  {
    name: "format/ordinals",
    body: `
      function ordinal(n: number): string {
        const rem100 = n % 100;
        if (rem100 >= 11 && rem100 <= 13) return n + "th";
        switch (n % 10) {
          case 1:
            return n + "st";
          case 2:
            return n + "nd";
          case 3:
            return n + "rd";
          default:
            return n + "th";
        }
      }
      return { out: inputs.ns.map((n) => ordinal(n)) };
    `,
    input: { ns: "integer[]" },
    output: { out: "string[]" },
    inputs: [{ ns: [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 0] }, { ns: [] }],
  },
  {
    name: "format/clamp-and-scale",
    body: `
      const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
      const scaled = inputs.xs.map((x) => clamp((x - inputs.lo) / (inputs.hi - inputs.lo), 0, 1));
      return { scaled };
    `,
    input: { xs: "number[]", lo: "number", hi: "number" },
    output: { scaled: "number[]" },
    inputs: [
      { xs: [0, 5, 10, 15, -5], lo: 0, hi: 10 },
      { xs: [1, 2], lo: 1, hi: 1 },
      { xs: [], lo: 0, hi: 1 },
    ],
  },
  {
    name: "numbers/math-functions",
    body: `
      const x = inputs.x;
      return {
        values: [Math.sqrt(x), Math.cbrt(x), Math.exp(x), Math.log(x), Math.log10(x), Math.log2(x), Math.sin(x), Math.cos(x), Math.atan2(x, 2), Math.hypot(x, 3), Math.fround(x)].map((v) => String(v)),
      };
    `,
    input: { x: "number" },
    output: { values: "string[]" },
    inputs: [{ x: 0 }, { x: 1 }, { x: -1 }, { x: 2.5 }, { x: 1e-10 }, { x: 1000 }],
  },
  {
    name: "numbers/number-constants",
    body: `
      return {
        max: Number.MAX_SAFE_INTEGER,
        min: Number.MIN_SAFE_INTEGER,
        eps: Number.EPSILON,
        big: Number.MAX_VALUE,
        tiny: Number.MIN_VALUE,
        pi: Math.PI.toFixed(10),
        isInt: Number.isInteger(inputs.x),
        isSafe: Number.isSafeInteger(inputs.x),
      };
    `,
    input: { x: "number" },
    output: {
      max: "number",
      min: "number",
      eps: "number",
      big: "number",
      tiny: "number",
      pi: "string",
      isInt: "boolean",
      isSafe: "boolean",
    },
    inputs: [{ x: 1 }, { x: 1.5 }, { x: 9007199254740992 }],
  },
];
