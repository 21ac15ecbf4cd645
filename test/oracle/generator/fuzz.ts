/**
 * @fileoverview The program fuzzer: random bodies (generate.ts) on random inputs (inputs.ts), run
 * both ways through the oracle in batches (one build per batch), the WRONG and CRASH ones shrunk
 * (shrink.ts; one build per round for all of them) and saved as regression cases. Used by the
 * `oracle` target of `npm run fuzz` and by the short run in `npm test`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NEGATIVE_ZERO_ONLY, type Verdict } from "../classify.js";
import { type CaseResult, type OracleCase, runOracle } from "../oracle.js";
import { referenceBody } from "../reference.js";
import { formatCase } from "../report.js";
import { toJson } from "../values.js";
import { type Program, printProgram, schemaOf } from "./ast.js";
import { Generator } from "./generate.js";
import { INPUT_SCHEMA, randomInput } from "./inputs.js";
import { Random } from "./random.js";
import { size, variants } from "./shrink.js";

/** A failing program, shrunk, in the form of a regression case (test/oracle/regressions/*.json). */
export interface Finding {
  readonly name: string;
  readonly body: string;
  readonly input: OracleCase["input"];
  readonly output: OracleCase["output"];
  readonly inputs: readonly unknown[];
  readonly capabilities?: readonly string[];
  readonly verdict: Verdict;
  readonly detail: string;
  readonly seed: number;
}

export interface FuzzRunOptions {
  readonly runs: number;
  readonly seed: number;
  readonly cacheDir: string;
  /** Programs per build. */
  readonly batchSize?: number;
  /** Rounds of shrinking (0: none). */
  readonly shrinkRounds?: number;
  /** Where findings are written as JSON (not written when absent). */
  readonly findingsDir?: string;
  readonly log?: (line: string) => void;
}

export interface FuzzRunResult {
  readonly counts: Record<Verdict, number>;
  /** The WRONG and CRASH programs, shrunk (of those differing only in negative zero, three). */
  readonly findings: readonly Finding[];
  /** How many WRONG programs differ from JavaScript only in -0 versus 0. */
  readonly negativeZeroOnly: number;
}

const INPUTS_PER_PROGRAM = 4;

export function toCase(name: string, program: Program, inputs: readonly unknown[]): OracleCase {
  const output = Object.fromEntries(program.ret.map(([field, e]) => [field, schemaOf(e.ty)]));
  return { name, body: printProgram(program), input: INPUT_SCHEMA, output, inputs, capabilities: ["math", "json"] };
}

/** What must stay true of a shrunk variant: the same verdict, failing the same way in the sandbox. */
function signature(r: CaseResult): string {
  const bad = r.runs.find((x) => x.verdict === r.verdict);
  const sandbox = bad
    ? bad.sandbox.kind === "failed"
      ? bad.sandbox.code
      : bad.sandbox.kind
    : (r.crash ?? "").slice(0, 40);
  return `${r.verdict}/${sandbox}`;
}

/** Generates, runs and classifies `runs` programs; shrinks and saves the failing ones. */
export async function fuzzPrograms(options: FuzzRunOptions): Promise<FuzzRunResult> {
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 60;
  const random = new Random(options.seed);
  const generator = new Generator(random);
  const counts: Record<Verdict, number> = { SAME: 0, BOTH_THROW: 0, REFUSED: 0, WRONG: 0, CRASH: 0 };
  const failing: { program: Program; result: CaseResult }[] = [];
  for (let done = 0; done < options.runs; done += batchSize) {
    const n = Math.min(batchSize, options.runs - done);
    const programs = Array.from({ length: n }, () => generator.program());
    const cases = programs.map((p, i) =>
      toCase(
        `fuzz/${options.seed}/${done + i}`,
        p,
        Array.from({ length: INPUTS_PER_PROGRAM }, () => randomInput(random)),
      ),
    );
    const results = await runOracle(cases, { cacheDir: options.cacheDir });
    results.forEach((r, i) => {
      counts[r.verdict]++;
      if (r.verdict === "WRONG" || r.verdict === "CRASH") failing.push({ program: programs[i]!, result: r });
    });
    log(
      `${done + n}/${options.runs}: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
  }
  // Negative zero lost is one defect however many programs show it: keep a few of those.
  const zeroOnly = failing.filter(({ result }) => differsOnlyInNegativeZero(result));
  const kept = [...failing.filter((f) => !zeroOnly.includes(f)), ...zeroOnly.slice(0, 3)];
  if (zeroOnly.length > 0) log(`${zeroOnly.length} of ${failing.length} failing programs differ only in negative zero`);
  const shrunk = await shrinkAll(kept, options.shrinkRounds ?? 8, options.cacheDir, log);
  const findings = shrunk.map(({ name, program, result }) => finding(name, program, result, options.seed));
  if (options.findingsDir && findings.length > 0) {
    mkdirSync(options.findingsDir, { recursive: true });
    for (const f of findings)
      writeFileSync(join(options.findingsDir, `${f.name.replace(/\//g, "-")}.json`), `${toJson(f)}\n`);
    log(`${findings.length} findings written to ${options.findingsDir}`);
  }
  return { counts, findings, negativeZeroOnly: zeroOnly.length };
}

/**
 * Whether a failing program's only differences are negative zero lost. A build-level CRASH has no
 * runs at all, so it is never one (an `every` over its empty list of failing runs was true: 22
 * crashed builds were once reported as negative-zero differences).
 */
export function differsOnlyInNegativeZero(result: CaseResult): boolean {
  const bad = result.runs.filter((r) => r.verdict === "WRONG" || r.verdict === "CRASH");
  return bad.length > 0 && bad.every((r) => r.verdict === "WRONG" && (r.detail ?? "").startsWith(NEGATIVE_ZERO_ONLY));
}

function finding(name: string, program: Program, result: CaseResult, seed: number): Finding {
  const bad = result.runs.find((r) => r.verdict === result.verdict);
  const c = toCase(name, program, bad ? [bad.input] : result.case.inputs);
  return {
    name: c.name,
    body: c.body,
    input: c.input,
    output: c.output,
    inputs: c.inputs,
    ...(c.capabilities && { capabilities: c.capabilities }),
    verdict: result.verdict,
    detail: (formatCase(result) ?? "").split("\n").slice(1, 4).join("\n"),
    seed,
  };
}

/** Shrinks every failing program at once: per round, one build of all their next variants. */
async function shrinkAll(
  failing: readonly { program: Program; result: CaseResult }[],
  rounds: number,
  cacheDir: string,
  log: (line: string) => void,
): Promise<{ name: string; program: Program; result: CaseResult }[]> {
  // Shrink on the one failing input.
  const state = failing.map(({ program, result }) => {
    const bad = result.runs.find((r) => r.verdict === result.verdict);
    const inputs = bad ? [bad.input] : result.case.inputs;
    return { name: result.case.name, program, result, inputs, want: signature(result), done: false };
  });
  const PER_PROGRAM = 40;
  for (let round = 0; round < rounds && state.some((s) => !s.done); round++) {
    const cases: OracleCase[] = [];
    const owners: { index: number; program: Program }[] = [];
    state.forEach((s, index) => {
      if (s.done) return;
      // A variant may not be a program any more (a block inlined next to a name it declares too).
      const valid = variants(s.program).filter((v) => referenceBody(printProgram(v)).kind === "ok");
      for (const v of valid.slice(0, PER_PROGRAM)) {
        cases.push(toCase(`shrink/${index}/${cases.length}`, v, s.inputs));
        owners.push({ index, program: v });
      }
    });
    const results = await runOracle(cases, { cacheDir });
    const progressed = new Set<number>();
    results.forEach((r, i) => {
      const { index, program } = owners[i]!;
      const s = state[index]!;
      if (progressed.has(index) || signature(r) !== s.want || size(program) >= size(s.program)) return;
      progressed.add(index);
      s.program = program;
      s.result = r;
    });
    state.forEach((s, i) => {
      if (!progressed.has(i)) s.done = true;
    });
    log(`shrink round ${round + 1}: ${progressed.size} of ${state.length} programs got smaller`);
  }
  return state.map((s) => ({ name: s.name, program: s.program, result: s.result }));
}
