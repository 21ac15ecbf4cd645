/**
 * @fileoverview Statistics as developers write them in code nodes: mean, median, variance,
 * percentiles, min/max, mode, z-scores, moving averages, histograms; on empty lists, negative
 * zero, huge and tiny floats, integers near 2^31 and 2^53.
 */
import type { OracleCase } from "../oracle.js";

/** Number lists that stress number semantics. */
export const NUMBER_LISTS: readonly { xs: number[] }[] = [
  { xs: [1, 2, 3, 4] },
  { xs: [2.5, -1.25, 0.1, 0.2, 7] },
  { xs: [] },
  { xs: [-0] },
  { xs: [2147483647, 1, 2147483647] },
  { xs: [9007199254740991, 2, -9007199254740991] },
  { xs: [1e308, 1e308, -1e-308, 5e-324] },
  { xs: [0.1, 0.7, 0.3, 0.30000000000000004, 0.3] },
  { xs: [-3, -2, -1.5, 4, 4, 4, 10] },
];

const INT_LISTS: readonly { xs: number[] }[] = [
  { xs: [1, 2, 3, 4] },
  { xs: [] },
  { xs: [7] },
  { xs: [2147483647, 2147483647, -2147483648] },
  { xs: [5, -5, 5, 3, 3, 3, 0] },
];

export const STATISTICS: readonly OracleCase[] = [
  {
    name: "stats/mean",
    body: `
      let total = 0;
      for (const x of inputs.xs) total += x;
      const mean = inputs.xs.length === 0 ? 0 : total / inputs.xs.length;
      return { mean, total };
    `,
    input: { xs: "number[]" },
    output: { mean: "number", total: "number" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/mean-of-integers",
    body: `
      const xs = inputs.xs;
      let sum = 0;
      for (let i = 0; i < xs.length; i++) sum += xs[i];
      return { mean: xs.length > 0 ? sum / xs.length : -1, sum };
    `,
    input: { xs: "integer[]" },
    output: { mean: "number", sum: "number" },
    inputs: INT_LISTS,
  },
  {
    name: "stats/median",
    body: `
      const sorted = [...inputs.xs].sort((a, b) => a - b);
      const n = sorted.length;
      if (n === 0) return { median: 0, found: false };
      const mid = Math.floor(n / 2);
      const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return { median, found: true };
    `,
    input: { xs: "number[]" },
    output: { median: "number", found: "boolean" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/median-with-slice",
    body: `
      const sorted = inputs.xs.slice();
      sorted.sort((a: number, b: number) => a - b);
      const mid = sorted.length >> 1;
      let median = 0;
      if (sorted.length > 0) median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return { median };
    `,
    input: { xs: "number[]" },
    output: { median: "number" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/variance-and-stddev",
    body: `
      const xs = inputs.xs;
      const n = xs.length;
      let mean = 0;
      for (const x of xs) mean += x / n;
      let ss = 0;
      for (const x of xs) ss += (x - mean) * (x - mean);
      const variance = n > 1 ? ss / (n - 1) : 0;
      return { mean: n > 0 ? mean : 0, variance, stddev: Math.sqrt(variance) };
    `,
    input: { xs: "number[]" },
    output: { mean: "number", variance: "number", stddev: "number" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/variance-reduce",
    body: `
      const xs = inputs.xs;
      if (xs.length === 0) return { variance: 0 };
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.map((x) => (x - mean) ** 2).reduce((a, b) => a + b, 0) / xs.length;
      return { variance };
    `,
    input: { xs: "number[]" },
    output: { variance: "number" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/percentiles-nearest-rank",
    body: `
      const sorted = inputs.xs.slice().sort((a, b) => a - b);
      function pct(p: number): number {
        if (sorted.length === 0) return 0;
        const rank = Math.ceil((p / 100) * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
      }
      return { p50: pct(50), p90: pct(90), p99: pct(99), p0: pct(0) };
    `,
    input: { xs: "number[]" },
    output: { p50: "number", p90: "number", p99: "number", p0: "number" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/percentile-interpolated",
    body: `
      const s = [...inputs.xs].sort((a, b) => a - b);
      const q = inputs.q;
      if (s.length === 0) return { value: 0 };
      const pos = (s.length - 1) * q;
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      const value = s[lo] + (s[hi] - s[lo]) * (pos - lo);
      return { value };
    `,
    input: { xs: "number[]", q: "number" },
    output: { value: "number" },
    inputs: [
      { xs: [1, 2, 3, 4], q: 0.25 },
      { xs: [10, 20], q: 0.5 },
      { xs: [3, 1, 2], q: 1 },
      { xs: [], q: 0.5 },
      { xs: [0.1, 0.2, 0.3], q: 0.9 },
    ],
  },
  {
    name: "stats/min-max-range",
    body: `
      let min = Infinity;
      let max = -Infinity;
      for (const x of inputs.xs) {
        if (x < min) min = x;
        if (x > max) max = x;
      }
      const empty = inputs.xs.length === 0;
      return { min: empty ? 0 : min, max: empty ? 0 : max, range: empty ? 0 : max - min };
    `,
    input: { xs: "number[]" },
    output: { min: "number", max: "number", range: "number" },
    inputs: NUMBER_LISTS,
  },
  {
    name: "stats/math-min-max-spread",
    body: `
      const xs = inputs.xs;
      return { lo: Math.min(...xs), hi: Math.max(...xs), n: xs.length };
    `,
    input: { xs: "number[]" },
    output: { lo: "number", hi: "number", n: "integer" },
    inputs: [{ xs: [3, 1, 2] }, { xs: [-0, 0] }, { xs: [0, -0] }, { xs: [5] }],
  },
  {
    name: "stats/mode",
    body: `
      const counts = new Map<number, number>();
      for (const x of inputs.xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      let mode = 0;
      let best = 0;
      for (const [value, count] of counts) {
        if (count > best) {
          best = count;
          mode = value;
        }
      }
      return { mode, count: best, distinct: counts.size };
    `,
    input: { xs: "integer[]" },
    output: { mode: "integer", count: "integer", distinct: "integer" },
    inputs: INT_LISTS,
  },
  {
    name: "stats/z-scores",
    body: `
      const xs = inputs.xs;
      const n = xs.length;
      const mean = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
      const sd = n ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / n) : 0;
      const z = xs.map((x) => (sd === 0 ? 0 : (x - mean) / sd));
      return { z: z.map((v) => Math.round(v * 1000) / 1000) };
    `,
    input: { xs: "number[]" },
    output: { z: "number[]" },
    inputs: [{ xs: [1, 2, 3, 4] }, { xs: [] }, { xs: [5, 5, 5] }, { xs: [-1.5, 2.25, 10, -7] }],
  },
  {
    name: "stats/moving-average",
    body: `
      const w = inputs.window;
      const out: number[] = [];
      let sum = 0;
      for (let i = 0; i < inputs.xs.length; i++) {
        sum += inputs.xs[i];
        if (i >= w) sum -= inputs.xs[i - w];
        if (i >= w - 1) out.push(sum / w);
      }
      return { out };
    `,
    input: { xs: "number[]", window: "integer" },
    output: { out: "number[]" },
    inputs: [
      { xs: [1, 2, 3, 4, 5], window: 2 },
      { xs: [1, 2, 3, 4, 5], window: 3 },
      { xs: [], window: 3 },
      { xs: [0.1, 0.2, 0.3, 0.4], window: 3 },
    ],
  },
  {
    name: "stats/histogram-buckets",
    body: `
      const buckets: number[] = [];
      for (let i = 0; i < inputs.bins; i++) buckets.push(0);
      if (inputs.xs.length === 0) return { buckets };
      const lo = Math.min(...inputs.xs);
      const hi = Math.max(...inputs.xs);
      const width = (hi - lo) / inputs.bins || 1;
      for (const x of inputs.xs) {
        const b = Math.min(inputs.bins - 1, Math.floor((x - lo) / width));
        buckets[b]++;
      }
      return { buckets };
    `,
    input: { xs: "number[]", bins: "integer" },
    output: { buckets: "integer[]" },
    inputs: [
      { xs: [1, 2, 2, 3, 9], bins: 3 },
      { xs: [], bins: 2 },
      { xs: [4, 4, 4], bins: 4 },
      { xs: [0.1, 0.25, 0.5, 0.75, 1], bins: 4 },
    ],
  },
  {
    name: "stats/weighted-average",
    body: `
      let num = 0;
      let den = 0;
      for (const r of inputs.rows) {
        num += r.value * r.weight;
        den += r.weight;
      }
      return { avg: den === 0 ? 0 : num / den, weight: den };
    `,
    input: { rows: [{ value: "number", weight: "number" }] },
    output: { avg: "number", weight: "number" },
    inputs: [
      {
        rows: [
          { value: 10, weight: 1 },
          { value: 20, weight: 3 },
        ],
      },
      { rows: [] },
      {
        rows: [
          { value: 1.5, weight: 0.1 },
          { value: -2, weight: 0.2 },
        ],
      },
    ],
  },
  {
    name: "stats/sum-of-large-integers",
    body: `
      let total = 0;
      for (const x of inputs.xs) total = total + x;
      return { total, double: total * 2, half: total / 2, safe: Number.isSafeInteger(total) };
    `,
    input: { xs: "integer[]" },
    output: { total: "number", double: "number", half: "number", safe: "boolean" },
    inputs: [
      { xs: [2147483647, 1] },
      { xs: [-2147483648, -1] },
      { xs: [2147483647, 2147483647, 2147483647] },
      { xs: [] },
    ],
  },
  {
    name: "stats/near-2^53",
    body: `
      const a = inputs.a;
      return { next: a + 1, twice: a + a, diff: a - (a - 1), exact: a + 1 === a + 2 };
    `,
    input: { a: "number" },
    output: { next: "number", twice: "number", diff: "number", exact: "boolean" },
    inputs: [{ a: 9007199254740991 }, { a: 9007199254740992 }, { a: -9007199254740991 }, { a: 2147483647 }],
  },
  {
    name: "stats/geometric-and-harmonic-mean",
    body: `
      const xs = inputs.xs;
      if (xs.length === 0) return { g: 0, h: 0 };
      let logSum = 0;
      let inv = 0;
      for (const x of xs) {
        logSum += Math.log(x);
        inv += 1 / x;
      }
      return { g: Math.exp(logSum / xs.length), h: xs.length / inv };
    `,
    input: { xs: "number[]" },
    output: { g: "number", h: "number" },
    inputs: [{ xs: [1, 2, 4] }, { xs: [] }, { xs: [0.5, 8] }, { xs: [3] }, { xs: [0, 1] }, { xs: [-1, 2] }],
  },
  {
    name: "stats/cumulative-sum",
    body: `
      const out: number[] = [];
      let acc = 0;
      for (const x of inputs.xs) {
        acc += x;
        out.push(acc);
      }
      return { out, last: out.length > 0 ? out[out.length - 1] : 0 };
    `,
    input: { xs: "number[]" },
    output: { out: "number[]", last: "number" },
    inputs: NUMBER_LISTS,
  },
];
