/**
 * @fileoverview What both front ends (YAML and .ice) and the printers agree on about plan fields a
 * workflow may leave out or spell in its source: the defaults of omitted fields, and the retry
 * policy's source field names with the plan field each sets and the smallest value it accepts.
 */

/** Defaults for omitted fields. */
export const DEFAULT_ITEM_VAR = "item";
export const DEFAULT_MAX_PARALLEL = 1;
export const DEFAULT_MAX_ITERATIONS = 5;
export const DEFAULT_MAX_ROUNDS = 5;

/** Fields of a `retry_policy` mapping, to plan names, with the smallest value each accepts. */
export const RETRY_POLICY_FIELDS = {
  max_attempts: { field: "maxAttempts", integer: true, min: 1 },
  base_delay_ms: { field: "baseDelayMs", integer: false, min: 0 },
  factor: { field: "factor", integer: false, min: 1 },
  max_delay_ms: { field: "maxDelayMs", integer: false, min: 0 },
} as const;
