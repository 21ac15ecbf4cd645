/**
 * @fileoverview The workflow's output as plain JSON: missing values become null, and the -0s a code
 * node computed stay -0 (a JSON copy would turn them into 0).
 */

/** A JSON copy of the output (undefined becomes null), with its -0s kept. */
export function plainOutput(values: Record<string, unknown>): unknown {
  const copy: unknown = JSON.parse(
    JSON.stringify(values, (_key, value: unknown) => (value === undefined ? null : value)),
  );
  return keepNegativeZero(values, copy);
}

/**
 * Puts back the -0s that the JSON copy of an output turned into 0 (a code node computes with
 * JavaScript numbers, and -0 is one of them): the copy decides the shape, and only number leaves
 * that were -0 at the same place in the source change. Values with a `toJSON` are left as copied.
 */
function keepNegativeZero(source: unknown, copy: unknown): unknown {
  if (copy === 0 && Object.is(source, -0)) return -0;
  if (copy === null || typeof copy !== "object" || source === null || typeof source !== "object") return copy;
  if (typeof (source as { toJSON?: unknown }).toJSON === "function") return copy;
  if (Array.isArray(copy)) {
    if (!Array.isArray(source)) return copy;
    for (let i = 0; i < copy.length; i++) copy[i] = keepNegativeZero(source[i], copy[i]);
    return copy;
  }
  const target = copy as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    // An own "__proto__" key stays as copied (assigning it would set the copy's prototype).
    if (key !== "__proto__" && Object.hasOwn(source, key))
      target[key] = keepNegativeZero((source as Record<string, unknown>)[key], target[key]);
  }
  return copy;
}
