/**
 * @fileoverview Trust profiles: named defaults for sandbox limits (graduated sandboxing). A node
 * picks one with `trust:`; its own `limits` override the profile; run options override both.
 */

/** Limits in force for one sandboxed run. */
export interface SandboxLimits {
  /** Instruction budget, in fuel units. */
  readonly fuel: number;
  /** Linear memory cap, in bytes (a multiple of 64 KiB). */
  readonly memoryBytes: number;
  /** Wall-clock timeout, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * `strict`: tight limits for expressions and small transforms. `untrusted` (the default): room
 * for ordinary code. `trusted`: the workflow vouches for the code; it runs directly, as
 * JavaScript, with only the wall-clock timeout.
 */
export type TrustProfileName = "strict" | "untrusted" | "trusted";

export interface TrustProfile {
  readonly limits: SandboxLimits;
  /** True when code and condition nodes run directly (no WASM). */
  readonly direct: boolean;
}

const MiB = 1024 * 1024;

export const TRUST_PROFILES: { readonly [name in TrustProfileName]: TrustProfile } = {
  strict: { direct: false, limits: { fuel: 1_000_000, memoryBytes: 4 * MiB, timeoutMs: 250 } },
  untrusted: { direct: false, limits: { fuel: 100_000_000, memoryBytes: 16 * MiB, timeoutMs: 2_000 } },
  trusted: { direct: true, limits: { fuel: Number.MAX_SAFE_INTEGER, memoryBytes: 4096 * MiB, timeoutMs: 60_000 } },
};

export const DEFAULT_TRUST_PROFILE: TrustProfileName = "untrusted";

/** Accepted ranges for limits written in a workflow. */
export const LIMIT_RANGES = {
  fuel: { min: 1_000, max: 1e15 },
  memoryMb: { min: 1, max: 4096 },
  timeoutMs: { min: 1, max: 3_600_000 },
} as const;

export function isTrustProfileName(name: string): name is TrustProfileName {
  return Object.hasOwn(TRUST_PROFILES, name);
}
