/**
 * @fileoverview Bodies written the way a developer new to iceosc writes them, without looking at
 * what the sandbox supports: statistics, text clean-up, grouping, formatting for reports, and
 * validation. Kept apart from the idioms so they stand in for the held-out corpus of issue 11.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const SALES = [
  {
    rows: [
      { day: "2026-01-03", store: "Oslo", amount: 120.5, units: 3 },
      { day: "2026-01-03", store: "Bergen", amount: 80, units: 2 },
      { day: "2026-01-04", store: "Oslo", amount: 0.1, units: 1 },
      { day: "2026-01-05", store: "Trondheim", amount: 999.99, units: 7 },
      { day: "2026-01-05", store: "Oslo", amount: 0.2, units: 1 },
    ],
  },
  { rows: [] },
  { rows: [{ day: "2026-02-29", store: "Ålesund", amount: -0, units: 0 }] },
  {
    rows: [
      { day: "x", store: "A", amount: 1e21, units: 2147483647 },
      { day: "y", store: "A", amount: 1e-7, units: -2147483648 },
    ],
  },
];
const SALES_SCHEMA = { rows: [{ day: "string", store: "string", amount: "number", units: "integer" }] } as const;

const TEXTS = [
  { text: "The quick brown fox jumps over the lazy dog. The dog sleeps." },
  { text: "" },
  { text: "  Ünïcødé   text\twith\nwhitespace  and émojis 👍🏽 👍🏽  " },
  { text: "a,b,,c;;d  e" },
];

const everyday = cases("everyday");

export const EVERYDAY: readonly OracleCase[] = [
  everyday(
    "daily-totals",
    `
    const days: string[] = [];
    const totals: number[] = [];
    for (const r of inputs.rows) {
      const i = days.indexOf(r.day);
      if (i === -1) { days.push(r.day); totals.push(r.amount); }
      else totals[i] += r.amount;
    }
    return { days, totals, labels: days.map((d, i) => d + ": " + totals[i].toFixed(2)) };
    `,
    SALES_SCHEMA,
    { days: "string[]", totals: "number[]", labels: "string[]" },
    SALES,
  ),
  everyday(
    "mean-median-stddev",
    `
    const xs = inputs.rows.map((r) => r.amount);
    if (xs.length === 0) return { mean: 0, median: 0, sd: 0, summary: "no data" };
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    const sd = Math.sqrt(xs.map((x) => (x - mean) ** 2).reduce((a, b) => a + b, 0) / xs.length);
    return { mean, median, sd, summary: \`mean \${mean.toFixed(3)}, median \${median}, sd \${sd.toPrecision(4)}\` };
    `,
    SALES_SCHEMA,
    { mean: "number", median: "number", sd: "number", summary: "string" },
    SALES,
  ),
  everyday(
    "best-store",
    `
    let best = "";
    let bestAmount = -Infinity;
    const seen: string[] = [];
    for (const r of inputs.rows) {
      if (!seen.includes(r.store)) seen.push(r.store);
      const total = inputs.rows.filter((x) => x.store === r.store).reduce((s, x) => s + x.amount, 0);
      if (total > bestAmount) { best = r.store; bestAmount = total; }
    }
    return { best, bestAmount: best === "" ? 0 : bestAmount, stores: seen.length };
    `,
    SALES_SCHEMA,
    { best: "string", bestAmount: "number", stores: "integer" },
    SALES,
  ),
  everyday(
    "units-per-amount",
    `
    const out: number[] = [];
    for (let i = 0; i < inputs.rows.length; i++) {
      const r = inputs.rows[i];
      out.push(r.units === 0 ? 0 : Math.round((r.amount / r.units) * 100) / 100);
    }
    return { ratios: out, total: out.reduce((a, b) => a + b, 0) };
    `,
    SALES_SCHEMA,
    { ratios: "number[]", total: "number" },
    SALES,
  ),
  everyday(
    "percent-share",
    `
    const total = inputs.rows.reduce((s, r) => s + r.amount, 0);
    return {
      shares: inputs.rows.map((r) => (total === 0 ? "n/a" : ((r.amount / total) * 100).toFixed(1) + "%")),
    };
    `,
    SALES_SCHEMA,
    { shares: "string[]" },
    SALES,
  ),
  everyday(
    "word-count-top",
    `
    const counts = new Map<string, number>();
    for (const w of inputs.text.toLowerCase().split(" ")) {
      const word = w.trim();
      if (word.length === 0) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const words: string[] = [];
    counts.forEach((_, w) => words.push(w));
    words.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    return { top: words.slice(0, 3), distinct: counts.size };
    `,
    { text: "string" },
    { top: "string[]", distinct: "integer" },
    TEXTS,
  ),
  everyday(
    "title-case",
    `
    return {
      title: inputs.text
        .split(" ")
        .filter((w) => w !== "")
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
        .join(" "),
    };
    `,
    { text: "string" },
    { title: "string" },
    TEXTS,
  ),
  everyday(
    "truncate-with-ellipsis",
    `
    const max = 20;
    const t = inputs.text.trim();
    return { short: t.length > max ? t.substring(0, max - 1) + "…" : t, length: t.length };
    `,
    { text: "string" },
    { short: "string", length: "integer" },
    TEXTS,
  ),
  everyday(
    "initials-and-vowels",
    `
    let vowels = 0;
    for (const ch of inputs.text) if ("aeiouAEIOU".indexOf(ch) >= 0) vowels++;
    const initials = inputs.text.split(" ").filter((w) => w.length > 0).map((w) => w[0]).join("");
    return { vowels, initials };
    `,
    { text: "string" },
    { vowels: "integer", initials: "string" },
    TEXTS,
  ),
  everyday(
    "csv-line",
    `
    const cells = inputs.text.split(",").map((c) => c.trim());
    const nonEmpty = cells.filter((c) => c.length > 0);
    return { cells: cells.length, nonEmpty: nonEmpty.length, joined: nonEmpty.join(" | ") };
    `,
    { text: "string" },
    { cells: "integer", nonEmpty: "integer", joined: "string" },
    TEXTS,
  ),
  everyday(
    "report-lines",
    `
    const lines = inputs.rows.map(
      (r, i) => \`\${String(i + 1).padStart(3, "0")} \${r.store.padEnd(10, ".")} \${r.amount.toFixed(2).padStart(10)} (\${r.units} u)\`,
    );
    return { report: lines.join("\\n"), count: lines.length };
    `,
    SALES_SCHEMA,
    { report: "string", count: "integer" },
    SALES,
  ),
  everyday(
    "money-format",
    `
    function money(x: number): string {
      const negative = x < 0;
      const cents = Math.round(Math.abs(x) * 100);
      const whole = Math.floor(cents / 100).toString();
      let grouped = "";
      for (let i = 0; i < whole.length; i++) {
        if (i > 0 && (whole.length - i) % 3 === 0) grouped += ",";
        grouped += whole[i];
      }
      return (negative ? "-" : "") + "$" + grouped + "." + String(cents % 100).padStart(2, "0");
    }
    return { amounts: inputs.rows.map((r) => money(r.amount)) };
    `,
    SALES_SCHEMA,
    { amounts: "string[]" },
    SALES,
  ),
  everyday(
    "validate-rows",
    `
    const errors: string[] = [];
    inputs.rows.forEach((r, i) => {
      if (r.amount < 0 || Object.is(r.amount, -0)) errors.push(\`row \${i}: negative amount\`);
      if (!Number.isInteger(r.units) || r.units < 0) errors.push(\`row \${i}: bad units \${r.units}\`);
      if (r.day.length !== 10) errors.push(\`row \${i}: bad day "\${r.day}"\`);
    });
    return { ok: errors.length === 0, errors };
    `,
    SALES_SCHEMA,
    { ok: "boolean", errors: "string[]" },
    SALES,
  ),
  everyday(
    "running-balance",
    `
    let balance = 0;
    const history = [];
    for (const r of inputs.rows) {
      balance += r.units % 2 === 0 ? r.amount : -r.amount;
      history.push(Math.round(balance * 1000) / 1000);
    }
    return { balance, history };
    `,
    SALES_SCHEMA,
    { balance: "number", history: "number[]" },
    SALES,
  ),
  everyday(
    "histogram-buckets",
    `
    const buckets = [0, 0, 0, 0];
    for (const r of inputs.rows) {
      const b = r.amount < 1 ? 0 : r.amount < 100 ? 1 : r.amount < 1000 ? 2 : 3;
      buckets[b]++;
    }
    const bar = buckets.map((n) => "#".repeat(n)).join("|");
    return { buckets, bar };
    `,
    SALES_SCHEMA,
    { buckets: "integer[]", bar: "string" },
    SALES,
  ),
  everyday(
    "sort-by-two-keys",
    `
    const rows = inputs.rows.slice();
    rows.sort((a, b) => (a.store === b.store ? b.amount - a.amount : a.store < b.store ? -1 : 1));
    return { order: rows.map((r) => r.store + "/" + r.amount) };
    `,
    SALES_SCHEMA,
    { order: "string[]" },
    SALES,
  ),
  everyday(
    "pairs-within-budget",
    `
    const budget = 200;
    const pairs: string[] = [];
    for (let i = 0; i < inputs.rows.length; i++)
      for (let j = i + 1; j < inputs.rows.length; j++)
        if (inputs.rows[i].amount + inputs.rows[j].amount <= budget) pairs.push(i + "+" + j);
    return { pairs };
    `,
    SALES_SCHEMA,
    { pairs: "string[]" },
    SALES,
  ),
  everyday(
    "integer-math",
    `
    let sum = 0, product = 1, xor = 0;
    for (const r of inputs.rows) {
      sum += r.units;
      product *= r.units === 0 ? 1 : r.units;
      xor ^= r.units;
    }
    return { sum, product, xor, avg: inputs.rows.length ? sum / inputs.rows.length : 0, half: sum >> 1, mod: sum % 7 };
    `,
    SALES_SCHEMA,
    { sum: "number", product: "number", xor: "integer", avg: "number", half: "integer", mod: "number" },
    SALES,
  ),
  everyday(
    "unique-stores-sorted",
    `
    const stores = new Set<string>();
    for (const r of inputs.rows) stores.add(r.store);
    const list: string[] = [];
    stores.forEach((s) => list.push(s));
    list.sort();
    return { stores: list, has: stores.has("Oslo") };
    `,
    SALES_SCHEMA,
    { stores: "string[]", has: "boolean" },
    SALES,
  ),
  everyday(
    "date-parts",
    `
    return {
      months: inputs.rows.map((r) => {
        const [y, m, d] = r.day.split("-").map((p) => parseInt(p, 10));
        return y * 10000 + m * 100 + d;
      }),
    };
    `,
    SALES_SCHEMA,
    { months: "number[]" },
    SALES,
  ),
  everyday(
    "number-printing",
    `
    const values = inputs.rows.map((r) => r.amount * 3);
    return {
      plain: values.map((v) => String(v)),
      exp: values.map((v) => v.toExponential(2)),
      joined: values.join(";"),
      fixed: values.map((v) => v.toFixed(0)),
    };
    `,
    SALES_SCHEMA,
    { plain: "string[]", exp: "string[]", joined: "string", fixed: "string[]" },
    SALES,
  ),
  everyday(
    "chunks",
    `
    const size = 2;
    const chunks: string[] = [];
    for (let i = 0; i < inputs.rows.length; i += size) {
      chunks.push(inputs.rows.slice(i, i + size).map((r) => r.store).join(","));
    }
    return { chunks };
    `,
    SALES_SCHEMA,
    { chunks: "string[]" },
    SALES,
  ),
  everyday(
    "char-stats",
    `
    let upper = 0, lower = 0, digits = 0, other = 0;
    for (let i = 0; i < inputs.text.length; i++) {
      const c = inputs.text.charCodeAt(i);
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
      else if (c >= 48 && c <= 57) digits++;
      else other++;
    }
    return { upper, lower, digits, other, ratio: inputs.text.length ? upper / inputs.text.length : 0 };
    `,
    { text: "string" },
    { upper: "integer", lower: "integer", digits: "integer", other: "integer", ratio: "number" },
    TEXTS,
  ),
  everyday(
    "reverse-words",
    `
    const words = inputs.text.split(" ");
    const reversed = words.reverse().join(" ");
    return { reversed, palindrome: inputs.text === inputs.text.split("").reverse().join("") };
    `,
    { text: "string" },
    { reversed: "string", palindrome: "boolean" },
    TEXTS,
  ),
  everyday(
    "scores-to-grades",
    `
    const grade = (s: number) => (s >= 90 ? "A" : s >= 80 ? "B" : s >= 70 ? "C" : "F");
    const grades = inputs.scores.map(grade);
    const avg = inputs.scores.length ? inputs.scores.reduce((a, b) => a + b, 0) / inputs.scores.length : NaN;
    return { grades, avg: isNaN(avg) ? -1 : avg, best: Math.max(...inputs.scores, -Infinity) };
    `,
    { scores: "number[]" },
    { grades: "string[]", avg: "number", best: "number" },
    [{ scores: [95, 80.5, 69.99, 70] }, { scores: [] }, { scores: [-0, 100, 89.999999] }],
  ),
  everyday(
    "moving-average",
    `
    const w = 3;
    const out: number[] = [];
    for (let i = 0; i + w <= inputs.xs.length; i++) {
      let s = 0;
      for (let j = i; j < i + w; j++) s += inputs.xs[j];
      out.push(s / w);
    }
    return { out };
    `,
    { xs: "number[]" },
    { out: "number[]" },
    [{ xs: [1, 2, 3, 4, 5] }, { xs: [0.1, 0.2, 0.3] }, { xs: [1] }, { xs: [1e308, 1e308, 1e308, -1e308] }],
  ),
  everyday(
    "normalize-scores",
    `
    const min = Math.min(...inputs.xs);
    const max = Math.max(...inputs.xs);
    const span = max - min;
    return { scaled: inputs.xs.map((x) => (span === 0 ? 0 : (x - min) / span)), min, max };
    `,
    { xs: "number[]" },
    { scaled: "number[]", min: "number", max: "number" },
    [{ xs: [1, 2, 3, 4, 5] }, { xs: [0.1, 0.2, 0.3] }, { xs: [7] }, { xs: [-0, 0] }],
  ),
];
