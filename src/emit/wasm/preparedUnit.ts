/**
 * @fileoverview One sandbox unit on its way to a module: its body parsed, typed and lowered
 * (`prepare`), or its lowering found through the per-node cache (`knownModule` for a unit compiled
 * alone, `knownSource` for one compiled with its group, combinedProgram.ts), and a module
 * verified and recorded as its artifact (`finish`).
 */
import { createDiagnostic, Diagnostics, hasErrors, type Diagnostic } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { lowerBody } from "../../codenode/index.js";
import type { BodyMap } from "./bodyMap.js";
import { artifactHash, openCacheFolder, readCached } from "./cache.js";
import { checkModule } from "./compileDiagnostics.js";
import type { SandboxArtifact } from "./index.js";
import { unsupportedReason } from "./marshal.js";
import { readNodeEntry, readNodeSource, writeNodeEntry, writeNodeSource } from "./nodeCache.js";
import { sourceRisks, withRiskSection, type RiskFacts } from "./riskReport.js";
import { parseBody } from "./syntax.js";

export interface Prepared {
  readonly unit: SandboxUnit;
  readonly map: BodyMap;
  readonly facts: RiskFacts;
  /** The AssemblyScript program (src/codenode); empty when the per-node cache named the module. */
  readonly source: string;
  readonly hash: string;
  /** The unit's per-node cache key (nodeCache.ts), when it lowered without any diagnostic. */
  readonly nodeKey?: string;
}

/** Records a unit that lowered without diagnostics and whose module is cached (nodeCache.ts). */
export async function remember(cacheDir: string | undefined, prepared: Prepared, withSource = false): Promise<void> {
  if (prepared.nodeKey === undefined) return;
  // A unit compiled with its group needs its lowered source again when another body of the group changes.
  if (withSource) await writeNodeSource(cacheDir, prepared.hash, prepared.source);
  await writeNodeEntry(cacheDir, prepared.nodeKey, prepared.hash);
}

/**
 * The cached module the per-node cache names for `unit`, with what finishing it needs (the body's
 * parse: its map and risk facts); undefined on any miss, or when the parse reports anything.
 */
export async function knownModule(
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

/**
 * A unit of a group whose lowering the per-node cache knows: its lowered source read back (checked
 * against its key) and its body parsed for its map and risk facts; undefined on any miss.
 */
export async function knownSource(unit: SandboxUnit, key: string, cacheDir: string): Promise<Prepared | undefined> {
  const hash = await readNodeEntry(cacheDir, key);
  if (hash === undefined) return undefined;
  const source = await readNodeSource(cacheDir, hash);
  if (source === undefined || artifactHash(source) !== hash) return undefined;
  const parsed = parseBody(unit.body);
  if (!parsed.block || parsed.diagnostics.length > 0) return undefined;
  return { unit, map: parsed.map, facts: riskFacts(unit, parsed.block, parsed.map), source, hash };
}

/** The cache folder to use: undefined (with a warning) when it is not private to this user. */
export function usableCacheDir(dir: string | undefined, diagnostics: Diagnostic[]): string | undefined {
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
export function prepare(unit: SandboxUnit, diagnostics: Diagnostic[], key?: string): Prepared | undefined {
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
export function riskFacts(
  unit: SandboxUnit,
  block: NonNullable<ReturnType<typeof parseBody>["block"]>,
  map: BodyMap,
): RiskFacts {
  const { loops, functions } = sourceRisks(block, map);
  const where = map.whole.file.position(map.whole.start);
  return { nodeId: unit.nodeId, kind: unit.kind, file: map.whole.file.path, line: where.line, loops, functions };
}

/** Verifies a binary for one unit and records its artifact; false when it was refused. */
export function finish(
  prepared: Prepared,
  wasm: Uint8Array,
  diagnostics: Diagnostic[],
  results: Map<SandboxUnit, SandboxArtifact>,
  moduleKey: string = prepared.hash,
): boolean {
  const problems = checkModule(wasm, prepared.unit.capabilities, prepared.map, new Set());
  diagnostics.push(...problems);
  if (hasErrors(problems)) return false;
  record(prepared, wasm, results, moduleKey);
  return true;
}

/** Records a verified module as a unit's artifact (with its risk report). */
export function record(
  prepared: Prepared,
  wasm: Uint8Array,
  results: Map<SandboxUnit, SandboxArtifact>,
  moduleKey: string = prepared.hash,
): void {
  results.set(prepared.unit, {
    nodeId: prepared.unit.nodeId,
    wasm: withRiskSection(wasm, prepared.facts),
    hash: moduleKey,
  });
}
