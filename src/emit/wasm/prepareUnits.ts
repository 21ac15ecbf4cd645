/**
 * @fileoverview The units of a compile, prepared in order: each one's per-node cache entries are
 * read at once (in parallel), and its typer job (its risk facts when the cache knows its lowering,
 * else its lowering) is queued in unit order, so the typer worker (typer.ts) works through the units
 * as the build hands the earlier ones on to asc.
 */
import type { Diagnostic } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { nodeKey } from "./nodeCache.js";
import { cachedModule, cachedSource, known, type Prepared, prepared } from "./preparedUnit.js";
import type { TypeSession } from "./typer.js";

/** A unit's preparation: its module found by the per-node cache, or its lowering (typed or cached). */
export type Preparation =
  | { readonly kind: "module"; readonly prepared: Prepared; readonly wasm: Uint8Array }
  | { readonly kind: "lowered"; readonly prepared: Prepared | undefined; readonly diagnostics: Diagnostic[] };

/** Found in the per-node cache: a module (a unit alone) or a lowered source (a unit of a group). */
type Found =
  | { readonly kind: "module"; readonly hash: string; readonly wasm: Uint8Array }
  | { readonly kind: "source"; readonly hash: string; readonly source: string }
  | undefined;

/** Each unit's preparation, in the order of `units`. */
export function prepareInOrder(
  units: readonly SandboxUnit[],
  typer: TypeSession,
  cacheDir: string | undefined,
  grouped: (unit: SandboxUnit) => boolean,
): Promise<Preparation>[] {
  let queued: Promise<void> = Promise.resolve();
  return units.map((unit) => {
    const key = cacheDir === undefined ? undefined : nodeKey(unit);
    const found = lookUp(key, cacheDir, grouped(unit));
    const turn = queued;
    let done = (): void => undefined;
    queued = new Promise<void>((resolve) => {
      done = resolve;
    });
    return (async (): Promise<Preparation> => {
      let job: Promise<Preparation>;
      try {
        const hit = await found.catch(() => undefined);
        await turn;
        job = hit ? fromCache(unit, hit, key, typer) : lower(unit, key, typer);
      } finally {
        done();
      }
      return job;
    })();
  });
}

async function lookUp(key: string | undefined, cacheDir: string | undefined, grouped: boolean): Promise<Found> {
  if (key === undefined || cacheDir === undefined) return undefined;
  if (!grouped) {
    const module = await cachedModule(key, cacheDir);
    return module && { kind: "module", ...module };
  }
  const source = await cachedSource(key, cacheDir);
  return source && { kind: "source", ...source };
}

async function lower(unit: SandboxUnit, key: string | undefined, typer: TypeSession): Promise<Preparation> {
  const typed = await typer.lower(unit);
  return { kind: "lowered", prepared: prepared(unit, typed, key), diagnostics: typed.diagnostics };
}

/** A cache hit still needs the body's parse (its risk facts); one whose parse reports anything is lowered. */
async function fromCache(
  unit: SandboxUnit,
  hit: NonNullable<Found>,
  key: string | undefined,
  typer: TypeSession,
): Promise<Preparation> {
  const facts = await typer.facts(unit);
  if (!facts) return lower(unit, key, typer);
  if (hit.kind === "module") return { kind: "module", prepared: known(unit, facts, hit.hash), wasm: hit.wasm };
  return { kind: "lowered", prepared: known(unit, facts, hit.hash, hit.source), diagnostics: [] };
}
