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

export const IDIOM_SPEED: readonly OracleCase[] = [
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
