/**
 * @fileoverview Readable oracle results: counts per verdict, and per case what went wrong (the
 * input, both outcomes, the first difference; or the diagnostics of a refusal).
 */
import { show, VERDICT_ORDER, type Verdict } from "./classify.js";
import { type CaseResult, dedent } from "./oracle.js";

/** Bodies per verdict, in report order. */
export function countVerdicts(results: readonly CaseResult[]): Record<Verdict, number> {
  const counts = { SAME: 0, BOTH_THROW: 0, REFUSED: 0, WRONG: 0, CRASH: 0 } as Record<Verdict, number>;
  for (const r of results) counts[r.verdict]++;
  return counts;
}

/** `SAME 40, BOTH_THROW 2, REFUSED 10, WRONG 3, CRASH 0` (bodies), plus runs. */
export function formatCounts(results: readonly CaseResult[]): string {
  const bodies = countVerdicts(results);
  const runs = { SAME: 0, BOTH_THROW: 0, REFUSED: 0, WRONG: 0, CRASH: 0 } as Record<Verdict, number>;
  for (const r of results) {
    if (r.runs.length === 0) runs[r.verdict] += r.case.inputs.length;
    for (const run of r.runs) runs[run.verdict]++;
  }
  const line = (c: Record<Verdict, number>) =>
    ["SAME", "BOTH_THROW", "REFUSED", "WRONG", "CRASH"].map((v) => `${v} ${c[v as Verdict]}`).join(", ");
  return `${results.length} bodies: ${line(bodies)}\n${Object.values(runs).reduce((a, b) => a + b, 0)} runs (body x input): ${line(runs)}`;
}

/** Everything about one case that is not SAME, or undefined when it is all SAME. */
export function formatCase(result: CaseResult): string | undefined {
  const head = `[${result.verdict}] ${result.case.name}`;
  if (result.verdict === "CRASH" && result.crash) return `${head}\n  ${result.crash}\n${indentBody(result)}`;
  if (result.verdict === "REFUSED") {
    const ds = result.refusal?.diagnostics.map((d) => `  ${d.text.split("\n")[0]}`) ?? [];
    const problems = result.refusalProblems.map((p) => `  diagnostic problem: ${p}`);
    return [head, ...ds, ...problems].join("\n");
  }
  const bad = result.runs.filter((r) => r.verdict === "WRONG" || r.verdict === "CRASH");
  if (bad.length === 0) return undefined;
  const lines = [head];
  for (const run of bad) {
    lines.push(`  input ${show(run.input, 200)}: ${run.verdict}`);
    for (const l of (run.detail ?? "").split("\n")) lines.push(`    ${l}`);
  }
  lines.push(indentBody(result));
  return lines.join("\n");
}

function indentBody(result: CaseResult): string {
  const schema = `  schema: ${JSON.stringify(result.case.input)} -> ${JSON.stringify(result.case.output)}`;
  const body = dedent(result.case.body)
    .split("\n")
    .map((l) => `  | ${l.trim() === "" ? "" : l}`)
    .join("\n");
  return `${schema}\n${body}`;
}

/** Refused bodies by the first diagnostic's message (quoted names elided), most frequent first. */
export function formatRefusalReasons(results: readonly CaseResult[]): string {
  const reasons = new Map<string, string[]>();
  for (const r of results) {
    const d = r.refusal?.diagnostics[0];
    if (!d) continue;
    const reason = `${d.code} ${d.message.replace(/'[^']*'/g, "'…'").replace(/`[^`]*`/g, "`…`")}`.slice(0, 150);
    reasons.set(reason, [...(reasons.get(reason) ?? []), r.case.name]);
  }
  return [...reasons]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([reason, names]) => `${String(names.length).padStart(3)}  ${reason}\n       ${names.join(", ")}`)
    .join("\n");
}

/** The whole report: counts, refusal reasons, then every case that is not all SAME, worst first. */
export function formatReport(title: string, results: readonly CaseResult[]): string {
  const sorted = [...results].sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict));
  const cases = sorted.map(formatCase).filter((x): x is string => x !== undefined);
  return [
    `# ${title}`,
    "",
    formatCounts(results),
    "",
    "## Refused bodies by reason",
    "",
    formatRefusalReasons(results),
    "",
    "## Every case that is not SAME",
    "",
    ...cases.flatMap((c) => [c, ""]),
  ].join("\n");
}
