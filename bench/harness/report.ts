/**
 * @fileoverview The benchmark report (bench/README.md): timing rows
 * `{ name, ops_per_sec, mean_us, rme_pct }` and comparison rows `{ name, ratio }`, collected in
 * order, written as `bench/results/latest.json` and printed as a table.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** One measured operation. */
export interface TimingRow {
  readonly name: string;
  readonly ops_per_sec: number;
  readonly mean_us: number;
  /** Relative margin of error of the mean (95%), in percent. */
  readonly rme_pct: number;
}

/** One comparison: a quotient of two measurements (or of a measurement and a unit, named so). */
export interface RatioRow {
  readonly name: string;
  readonly ratio: number;
}

export type Row = TimingRow | RatioRow;

/** A target judged on a ratio row of the same run. */
export interface TargetResult {
  readonly target: string;
  readonly row: string;
  readonly value: number | undefined;
  readonly pass: boolean;
  /** Why it cannot be judged (e.g. a competitor not installed). */
  readonly skipped?: string;
  /** For a miss: why, where the run allows computing it. */
  readonly note?: string;
}

export function isTiming(row: Row): row is TimingRow {
  return "mean_us" in row;
}

/** Rows in the order they were measured; lookups by name for ratios. */
export class Report {
  readonly rows: Row[] = [];
  /** Lines printed under the table: skipped benchmarks, facts about the run. */
  readonly notes: string[] = [];

  add(row: Row): void {
    const rounded: Row = isTiming(row)
      ? {
          name: row.name,
          ops_per_sec: round(row.ops_per_sec, 3),
          mean_us: round(row.mean_us, 3),
          rme_pct: round(row.rme_pct, 2),
        }
      : { name: row.name, ratio: round(row.ratio, 4) };
    this.rows.push(rounded);
  }

  timing(name: string): TimingRow | undefined {
    return this.rows.find((r): r is TimingRow => r.name === name && isTiming(r));
  }

  /** Adds `{ name, ratio: a.mean_us / b.mean_us }` when both were measured; returns the ratio. */
  ratio(name: string, numerator: string, denominator: string): number | undefined {
    const a = this.timing(numerator);
    const b = this.timing(denominator);
    if (!a || !b || b.mean_us <= 0) return undefined;
    const ratio = a.mean_us / b.mean_us;
    this.add({ name, ratio });
    return ratio;
  }

  note(line: string): void {
    this.notes.push(line);
  }

  writeJson(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(this.rows, null, 2)}\n`);
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Fixed-width text table of all rows. */
export function formatTable(rows: readonly Row[]): string {
  const timings = rows.filter(isTiming);
  const ratios = rows.filter((r): r is RatioRow => !isTiming(r));
  const lines: string[] = [];
  if (timings.length > 0) {
    const w = Math.max(9, ...timings.map((r) => r.name.length));
    lines.push(`${"benchmark".padEnd(w)}  ${"ops/sec".padStart(12)}  ${"mean".padStart(12)}  ${"±rme".padStart(7)}`);
    lines.push(`${"-".repeat(w)}  ${"-".repeat(12)}  ${"-".repeat(12)}  ${"-".repeat(7)}`);
    for (const r of timings) {
      lines.push(
        `${r.name.padEnd(w)}  ${formatOps(r.ops_per_sec).padStart(12)}  ${formatUs(r.mean_us).padStart(12)}  ${`${r.rme_pct.toFixed(1)}%`.padStart(7)}`,
      );
    }
  }
  if (ratios.length > 0) {
    if (lines.length > 0) lines.push("");
    const w = Math.max(5, ...ratios.map((r) => r.name.length));
    lines.push(`${"ratio".padEnd(w)}  ${"value".padStart(10)}`);
    lines.push(`${"-".repeat(w)}  ${"-".repeat(10)}`);
    for (const r of ratios) lines.push(`${r.name.padEnd(w)}  ${formatRatio(r.ratio).padStart(10)}`);
  }
  return lines.join("\n");
}

/** The same rows as a markdown table (for the README and results/latest.md). */
export function formatMarkdown(rows: readonly Row[]): string {
  const out: string[] = [];
  const timings = rows.filter(isTiming);
  const ratios = rows.filter((r): r is RatioRow => !isTiming(r));
  if (timings.length > 0) {
    out.push("| benchmark | ops/sec | mean | ±rme |", "|---|---:|---:|---:|");
    for (const r of timings)
      out.push(`| ${r.name} | ${formatOps(r.ops_per_sec)} | ${formatUs(r.mean_us)} | ${r.rme_pct.toFixed(1)}% |`);
  }
  if (ratios.length > 0) {
    out.push("", "| ratio | value |", "|---|---:|");
    for (const r of ratios) out.push(`| ${r.name} | ${formatRatio(r.ratio)} |`);
  }
  return out.join("\n");
}

export function formatTargets(results: readonly TargetResult[]): string {
  return results
    .map((t) => {
      const verdict = t.skipped ? "SKIP" : t.pass ? "PASS" : "MISS";
      const value = t.value === undefined ? "n/a" : formatRatio(t.value);
      const line = `${verdict.padEnd(4)}  ${t.target}  (${t.row} = ${value}${t.skipped ? `; ${t.skipped}` : ""})`;
      return t.note === undefined ? line : `${line}\n      why: ${t.note}`;
    })
    .join("\n");
}

function formatOps(ops: number): string {
  if (ops >= 100) return Math.round(ops).toLocaleString("en-US");
  return ops.toPrecision(3);
}

/** Microseconds, switching to ms or s when large. */
export function formatUs(us: number): string {
  if (us >= 1_000_000) return `${(us / 1_000_000).toFixed(2)} s`;
  if (us >= 1_000) return `${(us / 1_000).toFixed(2)} ms`;
  if (us >= 10) return `${us.toFixed(1)} us`;
  return `${us.toFixed(2)} us`;
}

function formatRatio(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
