/**
 * @fileoverview Compiles sandbox units (code node bodies and conditions) to verified,
 * fuel-metered WebAssembly. Per unit: parse the body (syntax.ts), type and lower it to an
 * AssemblyScript program (src/codenode, with the codec of marshal.ts), then either
 * read the cached binary (cache.ts) or compile in a worker (compileWorker.ts) and instrument
 * (meter.ts); finally verify the module and check its imports (compileDiagnostics.ts). Units go to
 * the workers one by one as they are prepared; the workers meter what they compiled when they can
 * load meter.ts (from the built package), else this thread meters each as it comes back.
 */
import { CAPABILITY_NAMES } from "../../../runtime/sandbox/capabilities.js";
import {
  createDiagnostic,
  Diagnostics,
  hasErrors,
  type Diagnostic,
  type DiagnosticKind,
} from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import type { BodyMap } from "./bodyMap.js";
import { lowerBody } from "../../codenode/index.js";
import { artifactHash, openCacheFolder, readCached, writeCached } from "./cache.js";
import { checkModule, mapAscDiagnostics } from "./compileDiagnostics.js";
import { CompileSession, type CompileOutcome } from "./compileWorker.js";
import { loadMeter } from "./loadBinaryen.js";
import { unsupportedReason } from "./marshal.js";
import { nodeKey, readNodeEntry, writeNodeEntry } from "./nodeCache.js";
import { sourceRisks, withRiskSection, type RiskFacts } from "./riskReport.js";
import { parseBody } from "./syntax.js";

export { checkCodeSyntax } from "./syntax.js";
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

interface Prepared {
  readonly unit: SandboxUnit;
  readonly map: BodyMap;
  readonly facts: RiskFacts;
  /** The AssemblyScript program (src/codenode); empty when the per-node cache named the module. */
  readonly source: string;
  readonly hash: string;
  /** The unit's per-node cache key (nodeCache.ts), when it lowered without any diagnostic. */
  readonly nodeKey?: string;
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
 * The diagnostics found before AssemblyScript runs: syntax, capability use, schema types and
 * unsupported constructs. No compiler worker is started, so this is fast enough for an editor.
 */
export function precheckSandboxUnits(units: readonly SandboxUnit[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const unit of units) prepare(unit, diagnostics);
  return diagnostics;
}

/**
 * Compiles units; artifacts come back for the units without errors, in unit order. A unit is handed
 * to the compiler workers as soon as it is prepared and missed the cache (the workers load asc and
 * compile the first units while this thread types and prints the rest), and is metered as soon as
 * it is compiled.
 */
export async function compileSandboxUnits(
  units: readonly SandboxUnit[],
  options: CompileSandboxOptions = {},
): Promise<CompileSandboxResult> {
  const diagnostics: Diagnostic[] = [];
  const results = new Map<SandboxUnit, SandboxArtifact>();
  /** Units to compile, by program: units with the same program share one compile. */
  const groups = new Map<string, Prepared[]>();
  /** The groups in the order they were handed to the compiler. */
  const order: Prepared[][] = [];
  /** Per group, in the order made: the diagnostics of its compile, once it is done. */
  const compiles: Promise<Diagnostic[]>[] = [];
  let cacheHits = 0;
  let unprepared = units.length;
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

  const cacheDir = usableCacheDir(options.cacheDir, diagnostics);
  for (const unit of units) {
    // A unit lowered before goes to its cached module without typing and lowering it again.
    const key = cacheDir === undefined ? undefined : nodeKey(unit);
    const known = key === undefined || cacheDir === undefined ? undefined : await knownModule(unit, key, cacheDir);
    if (known) {
      unprepared--;
      cacheHits++;
      finish(known.prepared, known.wasm, diagnostics, results);
      continue;
    }
    const prepared = prepare(unit, diagnostics, key);
    unprepared--;
    if (!prepared) continue;
    const cached = await readCached(cacheDir, prepared.hash);
    if (cached.kind === "invalid") {
      diagnostics.push(
        createDiagnostic(Diagnostics.CacheEntryInvalid, prepared.map.whole, [unit.nodeId, cached.reason]),
      );
    }
    if (cached.kind === "hit") {
      cacheHits++;
      if (finish(prepared, cached.wasm, diagnostics, results)) await remember(cacheDir, prepared);
      continue;
    }
    const same = groups.get(prepared.hash);
    if (same) {
      same.push(prepared);
      continue;
    }
    const group = [prepared];
    groups.set(prepared.hash, group);
    order.push(group);
    if (!session) {
      const onCompile = options.onCompile;
      let started = 0;
      session = new CompileSession({
        unitMs: timeoutMs,
        totalMs: budgetMs,
        meter: true,
        ...(onCompile && {
          // The total counts the units not prepared yet: it is exact once all are.
          onStart: (i: number) => onCompile(order[i]![0]!.unit, ++started, order.length + unprepared),
        }),
      });
    }
    const compiled = session.compile(prepared.source);
    compiles.push(
      compiled.then((outcome) => settle(group, outcome, meter, { timeoutMs, budgetMs }, results, cacheDir)),
    );
  }
  if (session) allHandedOn();
  for (const compileDiagnostics of await Promise.all(compiles)) diagnostics.push(...compileDiagnostics);

  const artifacts = units.flatMap((u) => results.get(u) ?? []);
  return {
    artifacts,
    diagnostics,
    stats: { cacheHits, compiled: groups.size, workerStarted: groups.size > 0 },
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

/** Records a unit that lowered without diagnostics and whose module is cached (nodeCache.ts). */
async function remember(cacheDir: string | undefined, prepared: Prepared): Promise<void> {
  if (prepared.nodeKey !== undefined) await writeNodeEntry(cacheDir, prepared.nodeKey, prepared.hash);
}

/**
 * The cached module the per-node cache names for `unit`, with what finishing it needs (the body's
 * parse: its map and risk facts); undefined on any miss, or when the parse reports anything.
 */
async function knownModule(
  unit: SandboxUnit,
  key: string,
  cacheDir: string,
): Promise<{ readonly prepared: Prepared; readonly wasm: Uint8Array } | undefined> {
  const hash = await readNodeEntry(cacheDir, key);
  if (hash === undefined) return undefined;
  const cached = await readCached(cacheDir, hash);
  if (cached.kind !== "hit") return undefined;
  const parsed = parseBody(unit.body);
  if (!parsed.block || parsed.diagnostics.length > 0) return undefined;
  return {
    prepared: { unit, map: parsed.map, facts: riskFacts(unit, parsed.block, parsed.map), source: "", hash },
    wasm: cached.wasm,
  };
}

/** The cache folder to use: undefined (with a warning) when it is not private to this user. */
function usableCacheDir(dir: string | undefined, diagnostics: Diagnostic[]): string | undefined {
  if (dir === undefined) return undefined;
  const folder = openCacheFolder(dir);
  if (folder.kind === "ready") return folder.dir;
  diagnostics.push(createDiagnostic(Diagnostics.CacheUnusable, undefined, [folder.dir, folder.reason]));
  return undefined;
}

/**
 * Source-level checks and code generation; undefined (with diagnostics) when the unit fails.
 * `key` (the per-node cache key) is kept when nothing was reported.
 */
function prepare(unit: SandboxUnit, diagnostics: Diagnostic[], key?: string): Prepared | undefined {
  const parsed = parseBody(unit.body);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.block) return undefined;
  const { map } = parsed;
  const unsupported = unsupportedReason(unit.inputType, "inputs") ?? unsupportedReason(unit.outputType, "output");
  if (unsupported) {
    diagnostics.push(createDiagnostic(Diagnostics.UnsupportedSchemaType, map.whole, unsupported));
    return undefined;
  }
  const lowered = lowerBody(unit.body, unit.inputType, unit.outputType, unit.capabilities);
  diagnostics.push(...lowered.diagnostics);
  if (lowered.source === undefined || hasErrors(lowered.diagnostics)) return undefined;
  const clean = parsed.diagnostics.length === 0 && lowered.diagnostics.length === 0;
  return {
    unit,
    map,
    facts: riskFacts(unit, parsed.block, map),
    source: lowered.source,
    hash: artifactHash(lowered.source),
    ...(clean && key !== undefined && { nodeKey: key }),
  };
}

/** What the risk report of a unit's module says (riskReport.ts). */
function riskFacts(
  unit: SandboxUnit,
  block: NonNullable<ReturnType<typeof parseBody>["block"]>,
  map: BodyMap,
): RiskFacts {
  const { loops, functions } = sourceRisks(block, map);
  const where = map.whole.file.position(map.whole.start);
  return { nodeId: unit.nodeId, kind: unit.kind, file: map.whole.file.path, line: where.line, loops, functions };
}

/** Verifies a binary for one unit and records its artifact; false when it was refused. */
function finish(
  prepared: Prepared,
  wasm: Uint8Array,
  diagnostics: Diagnostic[],
  results: Map<SandboxUnit, SandboxArtifact>,
): boolean {
  const problems = checkModule(wasm, prepared.unit.capabilities, prepared.map, new Set());
  diagnostics.push(...problems);
  if (hasErrors(problems)) return false;
  results.set(prepared.unit, {
    nodeId: prepared.unit.nodeId,
    wasm: withRiskSection(wasm, prepared.facts),
    hash: prepared.hash,
  });
  return true;
}
