/**
 * @fileoverview ICE2013: limits written on a node are within the accepted ranges
 * (runtime/profiles.ts LIMIT_RANGES).
 */
import { LIMIT_RANGES } from "../../../runtime/profiles.js";
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

/** Plan limit fields with the names a workflow writes them by. */
const LIMIT_NAMES = { fuel: "fuel", memoryMb: "memory_mb", timeoutMs: "timeout_ms" } as const;

export function limitsInRange(context: CheckContext): void {
  for (const { node } of context.entries) {
    const limits = node.limits;
    if (!limits) continue;
    for (const field of Object.keys(LIMIT_NAMES) as (keyof typeof LIMIT_NAMES)[]) {
      const value = limits[field];
      const { min, max } = LIMIT_RANGES[field];
      if (value !== undefined && (value < min || value > max))
        context.report(Diagnostics.LimitOutOfRange, limits[`${field}Span`] ?? limits.span, [
          LIMIT_NAMES[field],
          value,
          `${min} to ${max}`,
        ]);
    }
  }
}
