/**
 * @fileoverview The units of a group (one workflow's) compiled as one program and split per body
 * (combinedProgram.ts): the group's modules read from the cache when every one is there, else the
 * program handed to the compiler workers; what comes back is metered (where the worker could not),
 * verified and cached per body. When the combined program fails in any way (an asc error, a crash,
 * a timeout, a part the metering or the verifier refuses), its bodies are compiled alone again, as
 * they were before groups existed: their diagnostics are then located at the body at fault, and a
 * body the combination alone broke still builds.
 */
import { hasErrors, type Diagnostic } from "../../diagnostics/index.js";
import { readCached } from "./cache.js";
import { checkModule } from "./compileDiagnostics.js";
import { combinedProgram, memberKey } from "./combinedProgram.js";
import type { CompiledPart, CompileOutcome } from "./compileWorker.js";
import type { Prepared } from "./preparedUnit.js";

/** A group's program: its distinct bodies' keys, the module key of each, which body each unit is. */
export interface GroupProgram {
  /** The distinct lowered sources' keys (artifactHash), in the order first met. */
  readonly sources: readonly string[];
  /** The module key of each distinct body (memberKey). */
  readonly keys: readonly string[];
  /** Per unit of the group: the index of its body. */
  readonly indexOf: readonly number[];
  readonly entry: string;
  readonly files: Readonly<Record<string, string>>;
}

/** How a group is served: alone (one distinct body), from the cache, or compiled. */
export type GroupServed =
  | { readonly kind: "alone" }
  | { readonly kind: "hit"; readonly program: GroupProgram; readonly wasm: readonly Uint8Array[] }
  | { readonly kind: "compile"; readonly program: GroupProgram };

/** The group's program, and its modules when the cache holds every one of them intact. */
export async function cachedGroup(members: readonly Prepared[], cacheDir: string | undefined): Promise<GroupServed> {
  const sources: string[] = [];
  const texts: string[] = [];
  const indexOf = members.map((prepared) => {
    const at = sources.indexOf(prepared.hash);
    if (at >= 0) return at;
    sources.push(prepared.hash);
    texts.push(prepared.source);
    return sources.length - 1;
  });
  if (sources.length === 1) return { kind: "alone" };
  const keys = sources.map((_, k) => memberKey(sources, k));
  const program = { sources, keys, indexOf, ...combinedProgram(texts) };
  const wasm: Uint8Array[] = [];
  for (const key of keys) {
    const cached = await readCached(cacheDir, key);
    if (cached.kind !== "hit") return { kind: "compile", program };
    wasm.push(cached.wasm);
  }
  return { kind: "hit", program, wasm };
}

/** What settling a group does with the build's state (index.ts). */
export interface GroupSink {
  /** Records a verified module as a unit's artifact. */
  record(prepared: Prepared, wasm: Uint8Array, moduleKey: string): void;
  remember(prepared: Prepared): Promise<void>;
  store(moduleKey: string, wasm: Uint8Array): Promise<void>;
  /** Compiles units sharing one source alone (the way ungrouped units go); its diagnostics. */
  alone(group: Prepared[]): Promise<Diagnostic[]>;
}

type Meter = () => Promise<typeof import("./meter.js")>;

/**
 * Settles a combined compile: every body's part metered and verified, then recorded and cached;
 * on any failure, the bodies compiled alone (their diagnostics returned).
 */
export async function settleGroup(
  members: readonly Prepared[],
  program: GroupProgram,
  outcome: CompileOutcome,
  meter: Meter,
  sink: GroupSink,
): Promise<Diagnostic[]> {
  const metered = await meterParts(outcome, program.keys.length, meter);
  if (metered && members.every((prepared, i) => verifies(prepared, metered[program.indexOf[i]!]!))) {
    for (const [i, prepared] of members.entries()) {
      const k = program.indexOf[i]!;
      sink.record(prepared, metered[k]!, program.keys[k]!);
      await sink.remember(prepared);
    }
    for (const [k, key] of program.keys.entries()) await sink.store(key, metered[k]!);
    return [];
  }
  if (process.env.ICEOSC_DEBUG)
    process.stderr.write(
      `combined program of ${program.keys.length} bodies failed (${outcome.failure?.message ?? outcome.diagnostics.map((d) => d.message).join("; ") ?? "metering or verification"}): compiling them alone\n`,
    );
  const bySource = new Map<string, Prepared[]>();
  for (const prepared of members) bySource.set(prepared.hash, [...(bySource.get(prepared.hash) ?? []), prepared]);
  const found = await Promise.all([...bySource.values()].map((group) => sink.alone(group)));
  return found.flat();
}

/** Each part metered (by the worker, or here); undefined when the compile or any metering failed. */
async function meterParts(outcome: CompileOutcome, count: number, meter: Meter): Promise<Uint8Array[] | undefined> {
  const parts: readonly CompiledPart[] | undefined = outcome.parts;
  if (outcome.failure || outcome.diagnostics.some((d) => d.category === 3) || parts?.length !== count) return undefined;
  const metered: Uint8Array[] = [];
  for (const part of parts) {
    if (part.meterError) return undefined;
    if (part.metered) {
      metered.push(part.metered);
      continue;
    }
    const { meterModule } = await meter();
    try {
      metered.push(meterModule(part.binary));
    } catch {
      return undefined;
    }
  }
  return metered;
}

/** True when the verifier and the import check accept a part for this unit. */
function verifies(prepared: Prepared, wasm: Uint8Array): boolean {
  return !hasErrors(checkModule(wasm, prepared.unit.capabilities, prepared.map, new Set()));
}
