/**
 * @fileoverview The operator's policy (README "Operator policy"): its type and defaults, and the check of a
 * workflow's plan against it that runs before any node.
 */
export {
  DEFAULT_POLICY,
  MAX_MEMORY_MB,
  MAX_RUN_MS,
  resolvePolicy,
  type OperatorPolicy,
  type Policy,
} from "./policy.js";
export { checkPlanAgainstPolicy, checkPlanOnce, effectiveLimits, type PolicyOverrides } from "./check.js";
export { hostAllowed } from "./hosts.js";
