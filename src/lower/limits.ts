/**
 * @fileoverview The limits a sandboxed node runs with: its trust profile's, overridden by the
 * node's own `limits` (run options override both, at run time).
 */
import {
  DEFAULT_TRUST_PROFILE,
  TRUST_PROFILES,
  isTrustProfileName,
  type SandboxLimits,
  type TrustProfile,
} from "../../runtime/profiles.js";
import type { PlanNode } from "../plan/index.js";

const PAGE = 64 * 1024;

/** The trust profile a node names, or the default one. */
export function trustProfileOf(node: PlanNode): TrustProfile {
  const name = node.trust?.name;
  return TRUST_PROFILES[name !== undefined && isTrustProfileName(name) ? name : DEFAULT_TRUST_PROFILE];
}

export function resolveLimits(node: PlanNode): SandboxLimits {
  const base = trustProfileOf(node).limits;
  const own = node.limits;
  const memoryBytes =
    own?.memoryMb !== undefined ? Math.ceil((own.memoryMb * 1024 * 1024) / PAGE) * PAGE : base.memoryBytes;
  return {
    fuel: own?.fuel ?? base.fuel,
    memoryBytes,
    timeoutMs: own?.timeoutMs ?? (node.timeoutSeconds !== undefined ? node.timeoutSeconds * 1000 : base.timeoutMs),
  };
}
