/**
 * @fileoverview One asc program for the code nodes of a workflow (issue 13 target 4).
 *
 * Why: every unit carries ~11 KB of the code-node library, and asc plus binaryen's -O2 compiled and
 * optimised it again for each unit: for 20 units ~4 s of CPU against ~0.5 s for the same 20 bodies
 * as one program (bench/README.md, "Cold builds of code nodes"). So the distinct lowered bodies of
 * a group (the sandbox units of one workflow) are compiled together: each body is its own file of
 * the program (the first is the entry, the others `__ice_u<k>.ts`; top-level names are
 * module-scoped, so bodies never clash), and the entry re-exports each other body's `__ice_run` as
 * `__ice_run_<k>`. The optimised module is then split
 * into one module per body (`SPLIT_SOURCE`): the other bodies' entries removed, this one's exported
 * as `__ice_run`, and what no export or the start function reaches removed. A node's module thus
 * has the shape it had alone (same exports, metered and verified alone, its own instance, memory
 * and fuel), holds no other body's functions, and the manifest, runtime and out-dir are unchanged.
 *
 * A module of a group depends on every body of the group, so it is cached under the group's key
 * (the bodies' own keys, in order) and its index: the same workflow always gives the same bytes,
 * whatever the cache held, and one changed body compiles its whole group again. A group of one
 * body is compiled exactly as before (its key is the body's own).
 */
import { createHash } from "node:crypto";
import { ENTRY_FILE } from "./compilerFlags.js";

/** Bump when the combined program's shape or the split changes. */
const GROUP_FORMAT = "iceosc-group-1";

/** The file of the program holding body `k` (k >= 1; body 0 is the entry). */
export function bodyFileName(k: number): string {
  return `__ice_u${k}.ts`;
}

/** The export a body's entry has in the combined module before the split. */
export function entryExport(k: number): string {
  return k === 0 ? "__ice_run" : `__ice_run_${k}`;
}

/**
 * The combined program of distinct lowered sources: the entry's text and the other files. Body 0
 * is the entry itself, followed by the re-exports of the others' entries: asc compiles only entry
 * files' top-level code up front, and with every body behind a re-export (an entry of re-exports
 * only) the library's globals were read by the bodies' functions before their declarations ran
 * (asc: "Variable '~lib/__ice_js/__ice_where_at' used before its declaration").
 */
export function combinedProgram(sources: readonly string[]): {
  readonly entry: string;
  readonly files: Readonly<Record<string, string>>;
} {
  const files: Record<string, string> = {};
  const lines = [sources[0] ?? "", "// the other code nodes of the workflow (iceosc, generated)"];
  sources.forEach((source, k) => {
    if (k === 0) return;
    const file = bodyFileName(k);
    if (file === ENTRY_FILE) throw new Error("a body's file cannot be the entry");
    files[file] = source;
    lines.push(`export { __ice_run as ${entryExport(k)} } from "./${file.slice(0, -3)}";`);
  });
  lines.push("");
  return { entry: lines.join("\n"), files };
}

/**
 * The cache key of body `k`'s module in a group whose distinct bodies have the keys `keys`
 * (cache.ts artifactHash of each lowered source): for a group of one, the body's own key.
 */
export function memberKey(keys: readonly string[], k: number): string {
  if (keys.length === 1) return keys[0]!;
  return createHash("sha256")
    .update(JSON.stringify([GROUP_FORMAT, keys, k]))
    .digest("hex");
}

/**
 * `splitEntries(binaryen, binary, count, features)`: the optimised combined module as one module
 * per body, as JavaScript text for the compiler workers (compilerWorkerScript.ts) and this thread
 * (tests). For body k: the other bodies' entries are no longer exported, k's is exported as
 * `__ice_run` (last, after `_start`, `__ice_alloc` and memory's exports), and
 * `remove-unused-module-elements` drops every function, global, table entry and import that no
 * export and no start code reaches. Binaryen's passes keep the behaviour of what is still exported,
 * so body k's entry runs as it did in the combined module.
 */
export const SPLIT_SOURCE = `
function splitEntries(binaryen, binary, count, features) {
  const parts = [];
  for (let k = 0; k < count; k++) {
    const m = binaryen.readBinary(binary);
    try {
      m.setFeatures(features);
      let internal = null;
      for (let j = 0; j < count; j++) {
        const name = j === 0 ? "__ice_run" : "__ice_run_" + j;
        if (j === k) internal = binaryen.getExportInfo(m.getExport(name)).value;
        m.removeExport(name);
      }
      m.addFunctionExport(internal, "__ice_run");
      m.runPasses(["remove-unused-module-elements"]);
      parts.push(m.emitBinary());
    } finally {
      m.dispose();
    }
  }
  return parts;
}
`;
