/**
 * @fileoverview One sandbox unit on its way to a module: its lowering as the typer gave it
 * (`prepared`; typer.ts types it in its worker), or found through the per-node cache (`knownModule`
 * for a unit compiled alone, `knownSource` for one compiled with its group, combinedProgram.ts), and
 * a module verified and recorded as its artifact (`finish`). Nothing here loads TypeScript.
 */
import { createDiagnostic, Diagnostics, hasErrors, type Diagnostic } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { BodyMap } from "./bodyMap.js";
import { artifactHash, openCacheFolder, readCached } from "./cache.js";
import { checkModule } from "./compileDiagnostics.js";
import type { SandboxArtifact } from "./index.js";
import { readNodeEntry, readNodeSource, writeNodeEntry, writeNodeSource } from "./nodeCache.js";
import { withRiskSection, type RiskFacts } from "./riskReport.js";
import type { Typed } from "./typer.js";

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

/** The module the per-node cache names for a unit's key (a unit compiled alone); undefined on any miss. */
export async function cachedModule(
  key: string,
  cacheDir: string,
): Promise<{ readonly hash: string; readonly wasm: Uint8Array } | undefined> {
  const hash = await readNodeEntry(cacheDir, key);
  if (hash === undefined) return undefined;
  const cached = await readCached(cacheDir, hash);
  return cached.kind === "hit" ? { hash, wasm: cached.wasm } : undefined;
}

/** The lowered source the per-node cache kept for a unit of a group, checked against its key; undefined on any miss. */
export async function cachedSource(
  key: string,
  cacheDir: string,
): Promise<{ readonly hash: string; readonly source: string } | undefined> {
  const hash = await readNodeEntry(cacheDir, key);
  if (hash === undefined) return undefined;
  const source = await readNodeSource(cacheDir, hash);
  return source === undefined || artifactHash(source) !== hash ? undefined : { hash, source };
}

/** A unit whose lowering (or module) the cache held: with its risk facts, from its parse (the typer's). */
export function known(unit: SandboxUnit, facts: RiskFacts, hash: string, source = ""): Prepared {
  return { unit, map: new BodyMap(unit.body), facts, source, hash };
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
 * A unit as the typer lowered it; undefined when it did not lower (its diagnostics say why).
 * `key` (the per-node cache key) is kept when nothing was reported.
 */
export function prepared(unit: SandboxUnit, typed: Typed, key?: string): Prepared | undefined {
  if (typed.source === undefined || typed.facts === undefined) return undefined;
  const clean = typed.diagnostics.length === 0;
  return {
    unit,
    map: new BodyMap(unit.body),
    facts: typed.facts,
    source: typed.source,
    hash: artifactHash(typed.source),
    ...(clean && key !== undefined && { nodeKey: key }),
  };
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
