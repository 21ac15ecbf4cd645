/**
 * @fileoverview ICE2024: a node that gives both `retries` and `retry_policy.max_attempts` gives
 * the same number of attempts (max_attempts = retries + 1).
 */
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function consistentRetries(context: CheckContext): void {
  for (const { node } of context.entries) {
    const maxAttempts = node.retryPolicy?.maxAttempts;
    if (node.retries === undefined || maxAttempts === undefined || maxAttempts === node.retries + 1) continue;
    context.report(Diagnostics.RetriesDisagree, node.retryPolicy!.span, [node.retries, maxAttempts]);
  }
}
