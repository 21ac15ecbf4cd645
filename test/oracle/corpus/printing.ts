/**
 * @fileoverview Number printing and parsing against V8 (issue 11 item 3): String(x) on doubles
 * chosen to stress shortest round-trip printing (the boundaries of exponent notation, subnormals,
 * powers of two and ten, values whose last digit differs between algorithms) and on a fixed set
 * of pseudo-random doubles made from random bit patterns; toFixed, toPrecision, toExponential and
 * toString(radix) on the same values; Number/parseFloat of the printed text.
 */
import type { OracleCase } from "../oracle.js";

const TRICKY = [
  0.1 + 0.2,
  1 / 3,
  2 / 3,
  0.1 * 3,
  1e21,
  1e21 - 65536,
  999999999999999900000,
  1e-6,
  1e-7,
  1.5e-7,
  123e-20,
  5e-324,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  1.7976931348623157e308,
  2 ** 53 - 1,
  2 ** 53 + 2,
  2 ** 63,
  2 ** 64,
  2 ** -1074,
  2 ** -1022,
  4.35,
  0.3,
  100,
  1e15 + 0.3,
  1.2345678901234568e20,
  5e-7,
  1e15 + 0.5,
  9.999999999999999e22,
  1e23,
  8.41e21,
  5.0e-324 * 3,
  0.000001,
  1234.5678,
  -0.0000033,
  -1e-300,
  3.0000000000000004,
  1.0000000000000002,
  0.9999999999999999,
  299792458,
  6.02214076e23,
];

/** Doubles from random bit patterns (a fixed xorshift seed), finite ones only. */
function randomDoubles(count: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  let x = 0x2545f491;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const out: number[] = [];
  while (out.length < count) {
    view.setUint32(0, next());
    view.setUint32(4, next());
    const d = view.getFloat64(0);
    if (Number.isFinite(d)) out.push(d);
  }
  return out;
}

const RANDOM = randomDoubles(300);
/** Doubles of everyday magnitude: random mantissas, exponents from -20 to 25. */
const EVERYDAY = randomDoubles(200).map((d, i) => (Math.abs(d) % 1) * 10 ** ((i % 46) - 20));

export const PRINTING: readonly OracleCase[] = [
  {
    name: "print/string-of-tricky-doubles",
    body: `
      return { s: inputs.xs.map((x) => String(x)), t: inputs.xs.map((x) => \`\${x}\`), c: inputs.xs.map((x) => "" + x) };
    `,
    input: { xs: "number[]" },
    output: { s: "string[]", t: "string[]", c: "string[]" },
    inputs: [{ xs: TRICKY }, { xs: TRICKY.map((x) => -x) }],
  },
  {
    name: "print/string-of-random-doubles",
    body: `
      const out: string[] = [];
      for (const x of inputs.xs) out.push(String(x));
      return { out };
    `,
    input: { xs: "number[]" },
    output: { out: "string[]" },
    inputs: [{ xs: RANDOM.slice(0, 150) }, { xs: RANDOM.slice(150) }, { xs: EVERYDAY }],
  },
  {
    name: "print/round-trip",
    body: `
      let same = 0;
      const bad: string[] = [];
      for (const x of inputs.xs) {
        if (Number(String(x)) === x && parseFloat(x.toString()) === x) same++;
        else bad.push(String(x));
      }
      return { same, bad };
    `,
    input: { xs: "number[]" },
    output: { same: "integer", bad: "string[]" },
    inputs: [{ xs: RANDOM }, { xs: TRICKY }],
  },
  {
    name: "print/toFixed-everyday",
    body: `
      return {
        f0: inputs.xs.map((x) => x.toFixed(0)),
        f1: inputs.xs.map((x) => x.toFixed(1)),
        f2: inputs.xs.map((x) => x.toFixed(2)),
        f6: inputs.xs.map((x) => x.toFixed(6)),
        f20: inputs.xs.map((x) => x.toFixed(20)),
      };
    `,
    input: { xs: "number[]" },
    output: { f0: "string[]", f1: "string[]", f2: "string[]", f6: "string[]", f20: "string[]" },
    inputs: [
      { xs: [0.5, 1.5, 2.5, -0.5, -1.5, 1.005, 1.045, 8.345, 0.045, 10.235, 1.45, 2.675, 1e20, 1e21, 123.456, 0] },
      { xs: EVERYDAY.slice(0, 60) },
    ],
  },
  {
    name: "print/toPrecision-toExponential",
    body: `
      return {
        p1: inputs.xs.map((x) => x.toPrecision(1)),
        p3: inputs.xs.map((x) => x.toPrecision(3)),
        p17: inputs.xs.map((x) => x.toPrecision(17)),
        e0: inputs.xs.map((x) => x.toExponential(0)),
        e5: inputs.xs.map((x) => x.toExponential(5)),
        e: inputs.xs.map((x) => x.toExponential()),
      };
    `,
    input: { xs: "number[]" },
    output: { p1: "string[]", p3: "string[]", p17: "string[]", e0: "string[]", e5: "string[]", e: "string[]" },
    inputs: [{ xs: TRICKY }, { xs: EVERYDAY.slice(0, 60) }],
  },
  {
    name: "print/toString-radix-fractions",
    body: `
      return { b2: inputs.xs.map((x) => x.toString(2)), b16: inputs.xs.map((x) => x.toString(16)), b36: inputs.xs.map((x) => x.toString(36)) };
    `,
    input: { xs: "number[]" },
    output: { b2: "string[]", b16: "string[]", b36: "string[]" },
    inputs: [{ xs: [0.5, 0.1, -255.5, 1e21, 3.25159, 2 ** 60, 1 / 3, 0, -0, 1e-7] }],
  },
  {
    name: "print/parse-printed",
    body: `
      const back = inputs.texts.map((t) => Number(t));
      const floats = inputs.texts.map((t) => parseFloat(t));
      const ints = inputs.texts.map((t) => parseInt(t));
      return { back: back.map((x) => String(x)), floats: floats.map((x) => String(x)), ints: ints.map((x) => String(x)) };
    `,
    input: { texts: "string[]" },
    output: { back: "string[]", floats: "string[]", ints: "string[]" },
    inputs: [
      {
        texts: [
          "0.1",
          "1e21",
          "1e-7",
          "5e-324",
          "2.5e-324",
          "1.7976931348623157e308",
          "1.8e308",
          "-0",
          "  42  ",
          "0x1f",
          "0b101",
          "0o17",
          "1_000",
          "12abc",
          ".5",
          "5.",
          "+3",
          "-.5e1",
          "Infinity",
          "-Infinity",
          "NaN",
          "",
          " ",
          "9007199254740993",
          "123456789012345678901234567890",
          "1e",
          "e5",
          "٣",
        ],
      },
    ],
  },
];
