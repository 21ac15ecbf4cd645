/**
 * @fileoverview Short idioms a TypeScript developer types without thinking, gathered from
 * everyday data code: library functions passed as callbacks (`map(Number)`, `filter(Boolean)`),
 * `as`/`!`/`satisfies`, `??=`, optional chaining on optional fields, `entries()` loops, typed
 * `reduce`, `as const` tables, enums.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const everyday = cases("everyday");

const CELLS = [
  { cells: ["1", " 2.5", "", "x", "0", "-0", "1e3", "  "] },
  { cells: [] },
  { cells: ["1", " 2.5", "-3.5", "0", "-0", "1e3", "0x10", "  7  "] },
];
const PEOPLE = [
  {
    people: [
      { name: "Ada", age: 36, email: "ada@example.com", note: " likes math " },
      { name: "Bob", age: 17 },
      { name: "Cy", age: 52, note: "" },
    ],
  },
  { people: [] },
];
const PEOPLE_SCHEMA = { people: [{ name: "string", age: "integer", email: "string?", note: "string?" }] } as const;

export const EVERYDAY_3: readonly OracleCase[] = [
  everyday(
    "library-functions-as-callbacks",
    "return { nums: inputs.cells.map(Number), floats: inputs.cells.map(parseFloat), nonEmpty: inputs.cells.filter(Boolean).length, texts: inputs.cells.map(Number).map(String) };",
    { cells: "string[]" },
    { nums: "number[]", floats: "number[]", nonEmpty: "integer", texts: "string[]" },
    CELLS,
  ),
  everyday(
    "math-functions-as-callbacks",
    "const xs = inputs.cells.map((c) => Number(c) * 1.5);\nreturn { floors: xs.map(Math.floor), roots: xs.map(Math.sqrt), abs: xs.map(Math.abs) };",
    { cells: "string[]" },
    { floors: "number[]", roots: "number[]", abs: "number[]" },
    CELLS,
  ),
  everyday(
    "optional-fields",
    `
    const lines = inputs.people.map((p) => {
      const note = p.note?.trim() ?? "(none)";
      const contact = p.email ?? "no email";
      return \`\${p.name} (\${p.age}): \${contact}, \${note || "empty"}\`;
    });
    return { lines, withEmail: inputs.people.filter((p) => p.email !== undefined).length };
    `,
    PEOPLE_SCHEMA,
    { lines: "string[]", withEmail: "integer" },
    PEOPLE,
  ),
  everyday(
    "nullish-assignment",
    `
    let oldest: string | undefined;
    let maxAge = -1;
    for (const p of inputs.people) {
      if (p.age > maxAge) { maxAge = p.age; oldest = p.name; }
    }
    oldest ??= "nobody";
    return { oldest, adults: inputs.people.filter((p) => p.age >= 18).map((p) => p.name) };
    `,
    PEOPLE_SCHEMA,
    { oldest: "string", adults: "string[]" },
    PEOPLE,
  ),
  everyday(
    "entries-loop",
    `
    const out: string[] = [];
    for (const [i, p] of inputs.people.entries()) out.push(\`\${i + 1}. \${p.name}\`);
    return { out };
    `,
    PEOPLE_SCHEMA,
    { out: "string[]" },
    PEOPLE,
  ),
  everyday(
    "typed-reduce-record",
    `
    const byBand = inputs.people.reduce<Record<string, number>>((acc, p) => {
      const band = p.age < 18 ? "minor" : p.age < 50 ? "adult" : "senior";
      acc[band] = (acc[band] ?? 0) + 1;
      return acc;
    }, {});
    return { bands: Object.entries(byBand).map(([k, v]) => k + "=" + v).join(",") };
    `,
    PEOPLE_SCHEMA,
    { bands: "string" },
    PEOPLE,
  ),
  everyday(
    "as-const-table",
    `
    const LIMITS = { minor: 0, adult: 18, senior: 65 } as const;
    const labels = inputs.people.map((p) => (p.age >= LIMITS.senior ? "senior" : p.age >= LIMITS.adult ? "adult" : "minor"));
    return { labels };
    `,
    PEOPLE_SCHEMA,
    { labels: "string[]" },
    PEOPLE,
  ),
  everyday(
    "assertions-and-satisfies",
    `
    const first = inputs.people[0];
    const ages = inputs.people.map((p) => p.age as number);
    const cfg = { sep: ", " } satisfies { sep: string };
    return { first: first ? first.name : "none", total: ages.reduce((a, b) => a + b, 0), joined: inputs.people.map((p) => p.name).join(cfg.sep) };
    `,
    PEOPLE_SCHEMA,
    { first: "string", total: "number", joined: "string" },
    PEOPLE,
  ),
  everyday(
    "enum-status",
    `
    enum Status { Minor = "minor", Adult = "adult" }
    const status = (age: number): Status => (age < 18 ? Status.Minor : Status.Adult);
    return { statuses: inputs.people.map((p) => status(p.age)) };
    `,
    PEOPLE_SCHEMA,
    { statuses: "string[]" },
    PEOPLE,
  ),
  everyday(
    "sort-then-reverse-copy",
    `
    const names = inputs.people.map((p) => p.name);
    const sorted = [...names].sort().reverse();
    const byAge = [...inputs.people].sort((a, b) => b.age - a.age).map((p) => p.name);
    return { sorted, byAge, same: names.join() === sorted.join() };
    `,
    PEOPLE_SCHEMA,
    { sorted: "string[]", byAge: "string[]", same: "boolean" },
    PEOPLE,
  ),
  everyday(
    "max-of-mapped-spread",
    `
    const ages = inputs.people.map((p) => p.age);
    return { max: ages.length ? Math.max(...ages) : 0, min: Math.min(...ages, 200), avg: ages.length ? Math.round(ages.reduce((a, b) => a + b) / ages.length) : 0 };
    `,
    PEOPLE_SCHEMA,
    { max: "number", min: "number", avg: "number" },
    PEOPLE,
  ),
  everyday(
    "lines-and-columns",
    `
    const rows = inputs.text.split("\\n").filter((l) => l.trim() !== "").map((l) => l.split("\\t"));
    const widths = rows.reduce((w: number[], r) => r.map((c, i) => Math.max(w[i] ?? 0, c.length)), []);
    return { rows: rows.length, widths, table: rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")).join("\\n") };
    `,
    { text: "string" },
    { rows: "integer", widths: "number[]", table: "string" },
    [{ text: "name\tage\nAda\t36\n\nBob\t7\tx\n" }, { text: "" }],
  ),
  everyday(
    "enum-numeric-switch",
    `
    enum Level { Low, Mid = 5, High, Top = High * 2 }
    const enum Unit { Cm = "cm", In = "in" }
    function level(age: number): Level {
      if (age < 18) return Level.Low;
      return age < 50 ? Level.Mid : Level.High;
    }
    const names: string[] = [];
    for (const p of inputs.people) {
      switch (level(p.age)) {
        case Level.Low: names.push("low " + Level.Low); break;
        case Level.Mid: names.push("mid " + Level.Mid); break;
        default: names.push("high " + Level.High + Unit.Cm);
      }
    }
    return { names, top: Level.Top, cmp: Level.High > Level.Mid };
    `,
    PEOPLE_SCHEMA,
    { names: "string[]", top: "number", cmp: "boolean" },
    PEOPLE,
  ),
  everyday(
    "optional-method-calls",
    `
    let evaluated = 0;
    const arg = () => { evaluated++; return 1; };
    const out = inputs.people.map((p) => [
      p.email?.toUpperCase() ?? "-",
      String(p.note?.indexOf("a", arg())),
      p.note?.split(" ").length ?? -1,
    ].join("/"));
    return { out, evaluated };
    `,
    PEOPLE_SCHEMA,
    { out: "string[]", evaluated: "integer" },
    PEOPLE,
  ),
  everyday(
    "logical-assignments",
    `
    let count: number | undefined;
    let label = "";
    let flag = true;
    const cfg = { sep: "", limit: 0 };
    const log: string[] = [];
    for (const p of inputs.people) {
      log.push(String((count ??= p.age)));
      log.push((label ||= p.name) + "|" + (flag &&= p.age > 20));
      cfg.sep ||= ", ";
      cfg.limit ??= 5;
      cfg.limit ||= p.age;
    }
    return { log, count: count ?? -1, label, flag, sep: cfg.sep, limit: cfg.limit };
    `,
    PEOPLE_SCHEMA,
    { log: "string[]", count: "number", label: "string", flag: "boolean", sep: "string", limit: "number" },
    PEOPLE,
  ),
  everyday(
    "boolean-and-predicates-as-callbacks",
    `
    const xs = inputs.cells.map(Number);
    return {
      truthy: inputs.cells.map(Boolean),
      direct: [Boolean(""), Boolean(0), Boolean(NaN), Boolean("0"), Boolean(-0)].map(String),
      ints: xs.filter(Number.isInteger),
      finite: xs.map((x) => x / 0).filter(isFinite).length,
      nan: xs.some(isNaN),
      rounded: xs.map(Math.round).map(Math.sign),
    };
    `,
    { cells: "string[]" },
    {
      truthy: "boolean[]",
      direct: "string[]",
      ints: "number[]",
      finite: "integer",
      nan: "boolean",
      rounded: "number[]",
    },
    CELLS,
  ),
];
