/**
 * @fileoverview Compiles the benchmark workloads once per process: metered through the public
 * compiler API (cached by content hash like any build), unmetered through the same asc step
 * (cached beside them under an `unmetered-` prefix).
 */
import { lowerBody } from "../../src/codenode/index.js";
import { artifactHash, openCacheFolder, readCached, writeCached } from "../../src/emit/wasm/cache.js";
import { stopIdleCompilerWorkers } from "../../src/emit/wasm/compileWorker.js";
import type { BenchContext } from "../harness/context.js";
import { compileMetered, compileUnmetered, toUnit, type Workload } from "./units.js";

export interface Artifacts {
  readonly metered: ReadonlyMap<string, Uint8Array>;
  readonly unmetered: ReadonlyMap<string, Uint8Array>;
}

/** Compiles (or reads from the cache) `metered` workloads with fuel and `unmetered` ones without. */
export async function compileArtifacts(
  ctx: BenchContext,
  metered: readonly Workload[],
  unmetered: readonly Workload[],
): Promise<Artifacts> {
  const started = performance.now();
  const meteredMap = await compileMetered(metered, ctx.cacheDir);
  const unmeteredMap = new Map<string, Uint8Array>();
  const missing: Workload[] = [];
  const hashes = new Map<string, string>();
  const cacheDir = openCacheFolder(ctx.cacheDir).kind === "ready" ? ctx.cacheDir : undefined;
  for (const w of unmetered) {
    const u = toUnit(w);
    const hash = `unmetered-${artifactHash(lowerBody(u.body, u.inputType, u.outputType, u.capabilities).source!)}`;
    hashes.set(w.id, hash);
    const cached = await readCached(cacheDir, hash);
    if (cached.kind === "hit") unmeteredMap.set(w.id, cached.wasm);
    else missing.push(w);
  }
  if (missing.length > 0) {
    const compiled = await compileUnmetered(missing);
    for (const [id, wasm] of compiled) {
      unmeteredMap.set(id, wasm);
      await writeCached(cacheDir, hashes.get(id)!, wasm);
    }
  }
  ctx.log(
    `compiled ${metered.length} metered and ${unmetered.length} unmetered units in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // A worker still loading binaryen holds V8's baseline tier: no benchmark module compiles under it.
  stopIdleCompilerWorkers();
  return { metered: meteredMap, unmetered: unmeteredMap };
}
