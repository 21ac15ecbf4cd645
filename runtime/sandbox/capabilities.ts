/**
 * @fileoverview Capabilities a sandboxed node may be granted (`imports:`), and the host imports
 * each one lets the module reach. The compiler re-exports the names; the runtime uses the import
 * map as its allowlist. Nothing outside this table ever reaches a sandbox.
 */
import { INTRINSIC_IMPORTS } from "./intrinsics.js";

/**
 * Imports every sandbox module may have: the host-made memory, AssemblyScript's `abort`, the
 * fuel meter's `ice.tick` (called when a slice of fuel is spent) and the pure number intrinsics
 * of intrinsics.ts (`ice.num_to_str`, `ice.str_to_num`, `ice.math`).
 */
export const BASE_IMPORTS: readonly string[] = [
  "env.memory",
  "env.abort",
  "ice.tick",
  ...Object.keys(INTRINSIC_IMPORTS),
];

/** Console functions routed to the log hook. */
export const LOG_IMPORTS: readonly string[] = ["log", "debug", "info", "warn", "error"]
  .map((f) => `env.console.${f}`)
  .concat("env.trace");

/**
 * Capability name to the `module.name` imports it allows.
 * - `math`: `Math.*` except `Math.random`; pure WebAssembly, imports nothing.
 * - `json`: `JSON.parse`/`JSON.stringify` in a body; pure WebAssembly, imports nothing.
 * - `random`: `Math.random`, seeded by the host (`env.seed`, from `SandboxHooks.seed`).
 * - `time`: `Date.now()` (`env.Date.now`, from `SandboxHooks.now`).
 * - `log`: `console.log`/`debug`/`info`/`warn`/`error` and `trace` (to `SandboxHooks.log`).
 */
export const CAPABILITY_IMPORTS: { readonly [name: string]: readonly string[] } = {
  math: [],
  json: [],
  random: ["env.seed"],
  time: ["env.Date.now"],
  log: LOG_IMPORTS,
};

/** Known capability names. */
export const CAPABILITY_NAMES: readonly string[] = Object.keys(CAPABILITY_IMPORTS);

/** The capability that allows an import, if any. */
export function capabilityForImport(qualifiedName: string): string | undefined {
  return CAPABILITY_NAMES.find((name) => CAPABILITY_IMPORTS[name]!.includes(qualifiedName));
}

/** All imports allowed for a set of granted capabilities. */
export function allowedImports(capabilities: readonly string[]): Set<string> {
  const allowed = new Set(BASE_IMPORTS);
  for (const name of capabilities) for (const item of CAPABILITY_IMPORTS[name] ?? []) allowed.add(item);
  return allowed;
}
