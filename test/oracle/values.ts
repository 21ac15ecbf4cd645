/**
 * @fileoverview JSON for oracle cases saved to files: numbers JSON cannot write (-0, NaN,
 * ±Infinity) are written as `{ "$number": "-0" }` and read back as the number.
 */

/** `value` as JSON text, keeping -0, NaN and the infinities. */
export function toJson(value: unknown): string {
  return JSON.stringify(encode(value), null, 2);
}

/** The value `toJson` wrote. */
export function fromJson(text: string): unknown {
  return decode(JSON.parse(text));
}

function encode(value: unknown): unknown {
  if (typeof value === "number" && (Object.is(value, -0) || !Number.isFinite(value)))
    return { $number: Object.is(value, -0) ? "-0" : String(value) };
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === "$number" && typeof record.$number === "string") return Number(record.$number);
    return Object.fromEntries(keys.map((k) => [k, decode(record[k])]));
  }
  return value;
}
