/**
 * @fileoverview Plans compared without positions: drops spans (`span`, `idSpan`, `keySpan`...)
 * and the line origins of embedded text, so that the same workflow read from YAML and from .ice
 * compares equal. `llmConfig` is user JSON and is kept as is.
 */

/** A copy of `value` without source positions. */
export function planWithoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(planWithoutSpans);
  if (value === null || typeof value !== "object") return value;
  const out: { [key: string]: unknown } = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "span" || key.endsWith("Span") || key === "lineOrigins") continue;
    out[key] = key === "llmConfig" ? item : planWithoutSpans(item);
  }
  return out;
}
