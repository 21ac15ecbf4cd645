/**
 * @fileoverview Cases for the everyday idioms made faster in issue 13 (session 6): localeCompare
 * of ASCII text in the sandbox (runtime/sandbox/collation.ts, support/locale.ts) against the
 * host's over every pair of a set of short strings mixing the table's characters with controls,
 * DEL, combining marks and other non-ASCII text at every position; and records through the
 * generated input encoder (runtime/sandbox/encoderSource.ts).
 */
import type { OracleCase } from "../oracle.js";

/** Deterministic short strings over an alphabet that puts every decision of the fast path to the test. */
function collationStrings(): string[] {
  const alphabet = [
    ..."aAbBzZ09 _-.,'\"~$\t\n\r",
    "\u0000",
    "\u0001",
    "\u007f",
    "\u0301",
    "\u0308",
    "é",
    "ß",
    "æ",
    "Ω",
    "\u00a0",
    "\ud83d",
  ];
  const out = ["", "a", "A", "ab", "aB", "Ab", "AB", "a b", "a-b", "ab-", "co-op", "coop", "Co-op", "résumé", "resume"];
  for (let c = 0; c < 128; c++) out.push(String.fromCharCode(c));
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  while (out.length < 330) {
    const length = 1 + next(4);
    let s = "";
    for (let i = 0; i < length; i++) s += alphabet[next(alphabet.length)];
    out.push(s);
    // the same text but for one position: case, a following mark, a longer tail
    out.push(s.toUpperCase(), `${s}\u0301`, `${s}a`, s.slice(0, -1) + alphabet[next(alphabet.length)]);
  }
  return out;
}

const COLLATION = collationStrings();

/**
 * Doubles that put support/numberText.ts to the test: amounts with cents, exact binary fractions
 * and decimal ties for toFixed (1.005, 2.675, 0.125, x.5), random bit patterns, the bounds of the
 * fast paths (1e-6, 2^52, 10^15 / 10^d), tiny and huge values, -0.
 */
function numberTextValues(): number[] {
  const out = [0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 1.005, 2.675, 1.255, 0.125, 0.375, 1e-6, 1.5e-6, 9.99e-7, 1e-7];
  out.push(
    0.5,
    1.5,
    2.5,
    -0.5,
    -1.5,
    -2.5,
    4503599627370495.5,
    4503599627370496,
    2 ** 52 - 0.25,
    1e15 + 0.5,
    123456789.125,
  );
  out.push(5e-324, 2.2250738585072014e-308, 1e21, 1e22, 123.456, -123.456, 99.995, 0.045, 1.45, 8.345, 1234.5678, -0);
  for (let d = 0; d <= 16; d++)
    out.push(0.5 / 10 ** d, 1.5 / 10 ** d, 4503599627370495 / 10 ** d, 10 ** (15 - d) + 0.5 / 10 ** d);
  for (let i = 0; i < 400; i++)
    out.push(((i * 7919) % 50000) / 100, -((i * 104729) % 100000) / 1000, i / 7, (i * 0.1) % 3);
  const view = new DataView(new ArrayBuffer(8));
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  while (out.length < 2400) {
    view.setUint32(0, next() * 2 + (next() & 1));
    view.setUint32(4, next() * 2 + (next() & 1));
    // random bit patterns, kept to the useful exponents (1e-8 .. 1e17) half the time
    const x = view.getFloat64(0);
    if (!Number.isFinite(x)) continue;
    out.push(out.length % 2 === 0 ? x : (x % 1e17) / 10 ** (next() % 9));
  }
  return out;
}

const NUMBER_TEXT = numberTextValues();

export const IDIOM_SPEED: readonly OracleCase[] = [
  {
    name: "idiom-speed/case-trim-search",
    body: `
      const out: string[] = [];
      for (const x of inputs.xs) {
        const t = x.trim();
        out.push([x.toLowerCase(), x.toUpperCase(), t, x.trimStart().length, x.trimEnd().length,
          x.indexOf("a"), x.indexOf("aB"), x.lastIndexOf(" "), x.includes("A"), x.startsWith("a"), x.endsWith("\u0301"),
          t.toLowerCase() === t ? "lower" : "mixed", x.toUpperCase().toLowerCase() === x.toLowerCase()].join("|"));
      }
      return { out };
    `,
    input: { xs: "string[]" },
    output: { out: "string[]" },
    inputs: [
      { xs: COLLATION },
      {
        xs: [
          "",
          " ",
          "\t\n x \u00a0",
          "ΑΣ",
          "ὈΔΥΣΣΕΎΣ",
          "straße",
          "İstanbul",
          "ﬀ",
          "ǅ",
          "ABC def GHI",
          "abc",
          "ABC",
          "a\ud800",
          "\ufeffx\u2028",
        ],
      },
    ],
  },
  {
    name: "idiom-speed/number-text-String-toFixed",
    body: `
      return {
        rows: inputs.xs.map((x) => {
          let row = String(x) + "|" + \`\${x}\` + "|" + (x * 3).toString();
          for (let d = 0; d <= 16; d++) row += "|" + x.toFixed(d);
          return row;
        }),
      };
    `,
    input: { xs: "number[]" },
    output: { rows: "string[]" },
    inputs: [{ xs: NUMBER_TEXT.slice(0, 1200) }, { xs: NUMBER_TEXT.slice(1200) }, { xs: [] }],
  },
  {
    name: "idiom-speed/localeCompare-all-pairs",
    body: `
      const xs = inputs.xs;
      const rows: string[] = [];
      for (const a of xs) {
        let row = "";
        for (const b of xs) {
          const c = a.localeCompare(b);
          row += c < 0 ? "<" : c > 0 ? ">" : "=";
        }
        rows.push(row);
      }
      return { rows };
    `,
    input: { xs: "string[]" },
    output: { rows: "string[]" },
    inputs: [{ xs: COLLATION.slice(0, 170) }, { xs: COLLATION.slice(160) }],
  },
  {
    name: "idiom-speed/localeCompare-sort-records",
    body: `
      const sorted = [...inputs.rows].sort((x, y) => x.region.localeCompare(y.region) || x.name.localeCompare(y.name) || x.id - y.id);
      return { ids: sorted.map((r) => r.id), c: inputs.rows.map((r) => r.name.localeCompare(r.region)) };
    `,
    input: { rows: [{ id: "integer", name: "string", region: "string" }] },
    output: { ids: "integer[]", c: "number[]" },
    inputs: [
      {
        rows: COLLATION.map((name, i) => ({
          id: i,
          name,
          region: COLLATION[(i * 37) % COLLATION.length]!.slice(0, 1),
        })),
      },
      { rows: [] },
      {
        rows: ["north", "North", "south", "east", "West", "west", "Éast", "east\u0301"].map((region, i) => ({
          id: i,
          name: `Customer ${["Alpha", "alpha", "Beta", "beta"][i % 4]} ${i}`,
          region,
        })),
      },
    ],
  },
];
