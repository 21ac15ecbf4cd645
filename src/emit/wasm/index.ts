/**
 * @fileoverview Compiles sandbox units (code node bodies and conditions) to verified,
 * fuel-metered WebAssembly. Per unit: parse the body (syntax.ts), type and lower it to an
 * AssemblyScript program (src/codenode, with the codec of marshal.ts; in the typer worker, bounded
 * in time and memory: typer.ts), then either
 * read the cached binary (cache.ts) or compile in a worker (compileWorker.ts) and instrument
 * (meter.ts); finally verify the module and check its imports (compileDiagnostics.ts). Units go to
 * the workers one by one as they are prepared; the workers meter what they compiled when they can
 * load meter.ts (from the built package), else this thread meters each as it comes back. The units
 * of a group (a workflow's, `groupOf`) go as one program once all are prepared, and come back as
 * one module per unit (combinedProgram.ts, combinedCompile.ts); prepareUnits.ts prepares the units.
 */
import { CAPABILITY_NAMES } from "../../../runtime/sandbox/capabilities.js";
import { createDiagnostic, Diagnostics, type Diagnostic, type DiagnosticKind } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { readCached, writeCached } from "./cache.js";
import { cachedGroup, settleGroup } from "./combinedCompile.js";
import { mapAscDiagnostics } from "./compileDiagnostics.js";
import { CompileSession, type CompileOutcome } from "./compileWorker.js";
import { loadMeter } from "./loadBinaryen.js";
import { finish, type Prepared, record, remember, usableCacheDir } from "./preparedUnit.js";
import { prepareInOrder } from "./prepareUnits.js";
import { defaultTypingLimits, TypeSession, type TypingLimits } from "./typer.js";

export { moduleDigest } from "./cache.js";
export { analyzeModule, formatRiskReport, type NodeRisk } from "./riskReport.js";

/** Known capability names (`imports:` of a code node): math, json, random, time, log. */
export const CAPABILITIES: readonly string[] = CAPABILITY_NAMES;

export type { SandboxUnit } from "../../lower/sandboxes.js";

/** A compiled, metered, verified module. */
export interface SandboxArtifact {
  readonly nodeId: string;
  readonly wasm: Uint8Array;
  /** Content hash (also the cache file name). */
  readonly hash: string;
}

/** Options of compileSandboxUnits. */
export interface CompileSandboxOptions {
  /** Directory of cached `<hash>.wasm` files; no caching when absent. */
  readonly cacheDir?: string;
  /** Per-unit compile timeout; default 30 000 ms, or `$ICEOSC_COMPILE_TIMEOUT_MS` (see defaultTimeoutMs). */
  readonly timeoutMs?: number;
  /** Time for all units of the call together; default 90 s (or 6 unit timeouts, if more) plus 2 s per unit. */
  readonly budgetMs?: number;
  /** Called as each unit not served from the cache starts compiling: `index` of `total`, from 1. */
  readonly onCompile?: (unit: SandboxUnit, index: number, total: number) => void;
  /**
   * Units with the same group compile as one program (combinedProgram.ts): a module of a group
   * depends on all its bodies. Default: every unit alone. The build groups a workflow's units.
   */
  readonly groupOf?: (unit: SandboxUnit) => string;
  /** The typer's limits (typer.ts); default 30 s per body (`$ICEOSC_COMPILE_TIMEOUT_MS`), 512 MB. */
  readonly typing?: Partial<TypingLimits>;
}

/** How a compileSandboxUnits call was served. */
export interface CompileSandboxStats {
  /** Units whose binary came from the cache. */
  readonly cacheHits: number;
  /** Distinct programs compiled by asc. */
  readonly compiled: number;
  /** True when a compiler worker was started. */
  readonly workerStarted: boolean;
}

export interface CompileSandboxResult {
  /** One per unit without errors, in unit order (so, with no errors, `artifacts[i]` is `units[i]`'s). */
  readonly artifacts: SandboxArtifact[];
  readonly diagnostics: Diagnostic[];
  readonly stats: CompileSandboxStats;
  /** Units served from the cache (same as `stats.cacheHits`). */
  readonly cached: number;
}

/**
 * The per-unit compile timeout: 30 s, or `$ICEOSC_COMPILE_TIMEOUT_MS` for a slow or heavily loaded
 * machine, where asc itself can take that long (the test suite sets it so that load cannot fail it).
 */
function defaultTimeoutMs(): number {
  const configured = Number(process.env.ICEOSC_COMPILE_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : 30_000;
}

/**
 * Compiles units; artifacts come back for the units without errors, in unit order. A unit compiled
 * alone is handed to the compiler workers as soon as it is prepared and missed the cache (the workers
 * load asc and compile the first units while this thread types and prints the rest), and is metered
 * as soon as it is compiled. The units of a group (`groupOf`, e.g. one workflow's) are compiled as
 * one program once the group's last unit is prepared, and split per body (combinedProgram.ts).
 */
export async function compileSandboxUnits(
  units: readonly SandboxUnit[],
  options: CompileSandboxOptions = {},
): Promise<CompileSandboxResult> {
  const diagnostics: Diagnostic[] = [];
  const results = new Map<SandboxUnit, SandboxArtifact>();
  /** Units to compile alone, by program: units with the same program share one compile. */
  const groups = new Map<string, Prepared[]>();
  /** The units of each job handed to the compiler, in order (for progress reports). */
  const jobs: (readonly SandboxUnit[])[] = [];
  /** Per job, in the order made: the diagnostics of its compile, once it is done. */
  const compiles: Promise<Diagnostic[]>[] = [];
  let cacheHits = 0;
  let unprepared = units.length;
  let toCompile = 0;
  let session: CompileSession | undefined;
  // The workers meter what they compile where they can (from the built package). Otherwise
  // binaryen is loaded on this thread (~0.3 s), once every unit is with the workers: loading it at
  // the first unit would hold back the units still to be typed and handed on.
  let allHandedOn = (): void => undefined;
  const handedOn = new Promise<void>((resolve) => {
    allHandedOn = resolve;
  });
  let metering: Promise<typeof import("./meter.js")> | undefined;
  const meter = () => (metering ??= handedOn.then(() => loadMeter()));
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs();
  const budgetMs = options.budgetMs ?? Math.max(90_000, 6 * timeoutMs) + 2_000 * units.length;
  const limits = { timeoutMs, budgetMs };

  const cacheDir = usableCacheDir(options.cacheDir, diagnostics);
  const startSession = (): CompileSession => {
    if (session) return session;
    const onCompile = options.onCompile;
    let started = 0;
    session = new CompileSession({
      unitMs: timeoutMs,
      totalMs: budgetMs,
      meter: true,
      ...(onCompile && {
        // The total counts the units not prepared yet: it is exact once all are.
        onStart: (i: number) => {
          for (const unit of jobs[i] ?? []) onCompile(unit, ++started, Math.max(started, toCompile + unprepared));
        },
      }),
    });
    return session;
  };
  /** Compiles the program of units with the same source alone. */
  const compileAlone = (group: Prepared[]): Promise<Diagnostic[]> => {
    toCompile += group.length;
    jobs.push(group.map((p) => p.unit));
    const compiled = startSession().compile(group[0]!.source);
    return compiled.then((outcome) => settle(group, outcome, meter, limits, results, cacheDir));
  };
  /** A unit prepared, to its cached module or to the compiler. */
  const handOn = async (prepared: Prepared): Promise<void> => {
    const cached = await readCached(cacheDir, prepared.hash);
    if (cached.kind === "invalid") {
      diagnostics.push(
        createDiagnostic(Diagnostics.CacheEntryInvalid, prepared.map.whole, [prepared.unit.nodeId, cached.reason]),
      );
    }
    if (cached.kind === "hit") {
      cacheHits++;
      if (finish(prepared, cached.wasm, diagnostics, results)) await remember(cacheDir, prepared);
      return;
    }
    const same = groups.get(prepared.hash);
    if (same) {
      same.push(prepared);
      return;
    }
    const group = [prepared];
    groups.set(prepared.hash, group);
    compiles.push(compileAlone(group));
  };
  /** A whole group prepared: its modules from the cache, or its bodies compiled as one program. */
  const handOnGroup = async (members: readonly Prepared[]): Promise<void> => {
    const served = await cachedGroup(members, cacheDir);
    if (served.kind === "alone") {
      for (const prepared of members) await handOn(prepared);
      return;
    }
    if (served.kind === "hit") {
      cacheHits += members.length;
      for (const [i, prepared] of members.entries()) {
        const at = served.program.indexOf[i]!;
        if (finish(prepared, served.wasm[at]!, diagnostics, results, served.program.keys[at]))
          await remember(cacheDir, prepared, true);
      }
      return;
    }
    const { program } = served;
    toCompile += members.length;
    jobs.push(members.map((m) => m.unit));
    const compiled = startSession().compile(program.entry, { files: program.files, split: program.keys.length });
    compiles.push(
      compiled.then((outcome) =>
        settleGroup(members, program, outcome, meter, {
          record: (prepared, wasm, key) => record(prepared, wasm, results, key),
          remember: (prepared) => remember(cacheDir, prepared, true),
          store: (key, wasm) => writeCached(cacheDir, key, wasm),
          alone: (group) => compileAlone(group),
        }),
      ),
    );
  };

  const groupOf = options.groupOf;
  /** Units per group, and units of each group not prepared yet. */
  const sizes = new Map<string, number>();
  if (groupOf) for (const unit of units) sizes.set(groupOf(unit), (sizes.get(groupOf(unit)) ?? 0) + 1);
  const left = new Map(sizes);
  const pending = new Map<string, Prepared[]>();
  const isGrouped = (unit: SandboxUnit): boolean => {
    const name = groupOf?.(unit);
    return name !== undefined && (sizes.get(name) ?? 0) > 1;
  };
  // A unit lowered before goes to its cached module (alone) or source (in a group) without typing
  // and lowering it again; the others are typed in the typer worker, in order.
  const typer = new TypeSession({ ...defaultTypingLimits(units.length), ...options.typing });
  const preparations = prepareInOrder(units, typer, cacheDir, isGrouped);
  for (const [index, unit] of units.entries()) {
    const preparation = await preparations[index]!;
    unprepared--;
    if (preparation.kind === "module") {
      cacheHits++;
      finish(preparation.prepared, preparation.wasm, diagnostics, results);
      continue;
    }
    diagnostics.push(...preparation.diagnostics);
    const { prepared } = preparation;
    const name = groupOf?.(unit);
    if (name === undefined || !isGrouped(unit)) {
      if (prepared) await handOn(prepared);
      continue;
    }
    const members = pending.get(name) ?? [];
    if (prepared) members.push(prepared);
    pending.set(name, members);
    left.set(name, left.get(name)! - 1);
    if (left.get(name) === 0 && members.length > 0) await handOnGroup(members);
  }
  if (session) allHandedOn();
  for (const compileDiagnostics of await Promise.all(compiles)) diagnostics.push(...compileDiagnostics);

  const artifacts = units.flatMap((u) => results.get(u) ?? []);
  return {
    artifacts,
    diagnostics,
    stats: { cacheHits, compiled: jobs.length, workerStarted: jobs.length > 0 },
    cached: cacheHits,
  };
}

/**
 * Meters, verifies and caches one compiled program, recording the artifacts of the units sharing
 * it; returns the diagnostics (errors point into a body: they are mapped for each unit).
 */
async function settle(
  group: readonly Prepared[],
  outcome: CompileOutcome,
  meter: () => Promise<typeof import("./meter.js")>,
  limits: { readonly timeoutMs: number; readonly budgetMs: number },
  results: Map<SandboxUnit, SandboxArtifact>,
  cacheDir: string | undefined,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const errorsFor = (
    prepared: Prepared,
    extra: readonly [DiagnosticKind, string | number] | undefined,
  ): Diagnostic[] => {
    const errors = mapAscDiagnostics(outcome.diagnostics, prepared.map);
    if (outcome.failure?.kind === "timeout")
      errors.push(createDiagnostic(Diagnostics.CompileTimeout, prepared.map.whole, [limits.timeoutMs]));
    else if (outcome.failure?.kind === "budget")
      errors.push(createDiagnostic(Diagnostics.CompileBudgetExhausted, prepared.map.whole, [limits.budgetMs]));
    else if (outcome.failure && errors.length === 0)
      errors.push(createDiagnostic(Diagnostics.CompilerCrashed, prepared.map.whole, [outcome.failure.message.trim()]));
    if (extra) errors.push(createDiagnostic(extra[0], prepared.map.whole, [extra[1]]));
    return errors;
  };
  let metered: Uint8Array | undefined;
  let meterError: readonly [DiagnosticKind, string] | undefined;
  if (outcome.binary && errorsFor(group[0]!, undefined).length === 0) {
    if (outcome.metered) metered = outcome.metered;
    else if (outcome.meterError) {
      const { forbidden, message } = outcome.meterError;
      meterError = [forbidden ? Diagnostics.ForbiddenInstruction : Diagnostics.CompilerCrashed, message];
    } else {
      const { meterModule, ForbiddenInstructionError } = await meter();
      try {
        metered = meterModule(outcome.binary);
      } catch (error) {
        const kind =
          error instanceof ForbiddenInstructionError ? Diagnostics.ForbiddenInstruction : Diagnostics.CompilerCrashed;
        meterError = [kind, error instanceof Error ? error.message : String(error)];
      }
    }
  }
  let stored = false;
  for (const prepared of group) {
    if (!metered) diagnostics.push(...errorsFor(prepared, meterError));
    else if (finish(prepared, metered, diagnostics, results)) {
      if (!stored) {
        stored = true;
        await writeCached(cacheDir, prepared.hash, metered);
      }
      await remember(cacheDir, prepared);
    }
  }
  return diagnostics;
}
