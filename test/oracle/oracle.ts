/**
 * @fileoverview The differential oracle (README "What code nodes support"): each case's body runs in the sandbox (built
 * through the real pipeline, sandbox.ts) and as plain JavaScript (reference.ts) on the same
 * inputs, and every run is classified (classify.ts). No expected value is written by hand.
 * `runOracle` takes any number of cases and builds them in one compile.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareRun, refusalProblems, type RunVerdict, VERDICT_ORDER, type Verdict } from "./classify.js";
import { referenceBody } from "./reference.js";
import { buildBodies, type Refusal } from "./sandbox.js";
import { type Fields, Schema } from "./schema.js";

/** One body and the inputs to try it on. */
export interface OracleCase {
  /** Unique within a batch; names the case in reports. */
  readonly name: string;
  /** The code node's body (TypeScript); common indentation and surrounding blank lines are removed. */
  readonly body: string;
  /** `input_schema` in the YAML short form, e.g. `{ text: "string", xs: "number[]" }`. */
  readonly input: Fields;
  /** `output_schema` in the YAML short form. */
  readonly output: Fields;
  /** Granted capabilities (`imports:`); default `["math"]`. */
  readonly capabilities?: readonly string[];
  /** Inputs to run it on: each must conform to `input` (README "What code nodes support" rules). */
  readonly inputs: readonly unknown[];
  /**
   * Set when the body is expected to be refused at compile time (a construct not supported yet);
   * a RegExp is matched against the formatted diagnostics.
   */
  readonly refused?: true | RegExp;
}

/** What the oracle found for one case. */
export interface CaseResult {
  readonly case: OracleCase;
  /** The worst verdict over its runs, or REFUSED / CRASH for the whole body. */
  readonly verdict: Verdict;
  /** One per input, when the body was built. */
  readonly runs: readonly RunVerdict[];
  /** The diagnostics, when refused. */
  readonly refusal?: Refusal;
  /** Problems with a refusal's diagnostics (unlocated, AssemblyScript internals). */
  readonly refusalProblems: readonly string[];
  /** Why, for CRASH at build time. */
  readonly crash?: string;
}

/** Where the oracle compiles. */
export interface OracleOptions {
  /** The WASM cache shared by every batch of a test run. */
  readonly cacheDir: string;
  /** Scratch directory for workflow files and modules (default: a fresh temporary directory). */
  readonly workDir?: string;
}

/** Removes common indentation and leading/trailing blank lines. */
export function dedent(text: string): string {
  const lines = text.replace(/\t/g, "  ").split("\n");
  while (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent).trimEnd()).join("\n");
}

/** Runs every case both ways; one build for all of them. Throws on a malformed case. */
export async function runOracle(cases: readonly OracleCase[], options: OracleOptions): Promise<CaseResult[]> {
  const names = new Set<string>();
  const prepared = cases.map((c) => {
    if (names.has(c.name)) throw new Error(`oracle: two cases are named '${c.name}'`);
    names.add(c.name);
    const body = dedent(c.body);
    const js = referenceBody(body);
    if (js.kind === "invalid") throw new Error(`oracle: case '${c.name}' is not valid TypeScript: ${js.message}`);
    const inputSchema = new Schema(c.input);
    c.inputs.forEach((input, i) => {
      const problem = inputSchema.check(input);
      if (problem)
        throw new Error(`oracle: input ${i} of case '${c.name}' does not match its input schema: ${problem.problem}`);
    });
    return { c, body, js, output: new Schema(c.output) };
  });
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), "iceosc-oracle-"));
  const built = await buildBodies(
    prepared.map((p) => ({
      body: p.body,
      input: p.c.input,
      output: p.c.output,
      capabilities: p.c.capabilities ?? ["math"],
    })),
    { dir: workDir, cacheDir: options.cacheDir },
  );
  const results: CaseResult[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const { c, js, output } = prepared[i]!;
    const outcome = built[i]!;
    if (outcome.kind === "crash") {
      results.push({ case: c, verdict: "CRASH", runs: [], refusalProblems: [], crash: outcome.message });
      continue;
    }
    if (outcome.kind === "refused") {
      results.push({
        case: c,
        verdict: "REFUSED",
        runs: [],
        refusal: outcome.refusal,
        refusalProblems: refusalProblems(outcome.refusal, prepared[i]!.body),
      });
      continue;
    }
    const runs: RunVerdict[] = [];
    for (const input of c.inputs) {
      const expected = js.call(input);
      const actual = await outcome.run(structuredClone(input));
      runs.push(compareRun(input, expected, actual, output));
    }
    results.push({ case: c, verdict: worst(runs.map((r) => r.verdict)), runs, refusalProblems: [] });
  }
  return results;
}

/** The worst of `verdicts` (SAME when there are none). */
export function worst(verdicts: readonly Verdict[]): Verdict {
  for (const v of VERDICT_ORDER) if (verdicts.includes(v)) return v;
  return "SAME";
}
