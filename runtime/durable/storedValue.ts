/**
 * @fileoverview How a durable run's values (its input, each node's outcome, its output) are stored:
 * as one string iceosc encodes and decodes itself, which DBOS stores as it is.
 *
 * Why not DBOS's own serializer (superjson): it assigns keys while rebuilding a value, so an own
 * `__proto__` key (which workflow data may hold: JSON.parse makes it an own key) was dropped or
 * turned into a prototype, and it refuses to restore -0, NaN, Infinity or undefined below a
 * `constructor` or `prototype` key ("constructor is not allowed as a property"): a durable run of a
 * workflow whose data has such keys lost data or failed where a plain run succeeds (red team 10).
 *
 * The text is JSON whose every array is a tagged tuple (`["o", key, value, ...]` an object, `["a",
 * ...]` an array, `["n", "-0"]` a number JSON cannot hold, ...); decoding defines each key as an
 * own data property, so no key of the data ever reaches a setter or a prototype, and the decoded
 * value is plain data (no functions: nothing in it is thenable or has a `toJSON` to call).
 */

type Encoded = null | boolean | string | number | Encoded[];

/** The string a durable run stores for `value`. */
export function encodeStored(value: unknown): string {
  return JSON.stringify(encode(value, new Set()));
}

/** The value `encodeStored` stored; a value DBOS stored before this format (not a string) as it is. */
export function decodeStored(stored: unknown): unknown {
  if (typeof stored !== "string") return stored;
  let tree: unknown;
  try {
    tree = JSON.parse(stored);
  } catch {
    throw new Error("a stored value of this durable run is not iceosc's format (was the run database edited?)");
  }
  return decode(tree);
}

function encode(value: unknown, open: Set<object>): Encoded {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0)
        ? value
        : ["n", Object.is(value, -0) ? "-0" : String(value)];
    case "bigint":
      return ["b", value.toString()];
    case "undefined":
    case "function":
    case "symbol":
      return ["u"];
  }
  if (value === null) return null;
  const object = value as object;
  // A cycle cannot be stored: its back edge becomes null, as DBOS's serializer did.
  if (open.has(object)) return null;
  open.add(object);
  try {
    if (Array.isArray(object)) {
      const items: Encoded[] = ["a"];
      for (let i = 0; i < object.length; i++) items.push(encode(object[i], open));
      return items;
    }
    if (object instanceof Date) return ["d", encode(object.getTime(), open)];
    if (object instanceof Map) {
      const entries: Encoded[] = ["m"];
      for (const [key, item] of object) entries.push(encode(key, open), encode(item, open));
      return entries;
    }
    if (object instanceof Set) return ["s", ...[...object].map((item) => encode(item, open))];
    const fields: Encoded[] = ["o"];
    for (const key of Object.keys(object)) fields.push(key, encode((object as Record<string, unknown>)[key], open));
    return fields;
  } finally {
    open.delete(object);
  }
}

function decode(tree: unknown): unknown {
  if (!Array.isArray(tree)) {
    if (tree === null || typeof tree !== "object") return tree;
    throw malformed();
  }
  const [tag, ...rest] = tree as unknown[];
  switch (tag) {
    case "u":
      return undefined;
    case "n":
      return Number(rest[0]);
    case "b":
      return BigInt(String(rest[0]));
    case "a":
      return rest.map(decode);
    case "d":
      return new Date(decode(rest[0]) as number);
    case "m": {
      const map = new Map<unknown, unknown>();
      for (let i = 0; i + 1 < rest.length; i += 2) map.set(decode(rest[i]), decode(rest[i + 1]));
      return map;
    }
    case "s":
      return new Set(rest.map(decode));
    case "o": {
      const object: Record<string, unknown> = {};
      for (let i = 0; i + 1 < rest.length; i += 2)
        // Defined, never assigned: `__proto__` stays an own key and no setter runs.
        Object.defineProperty(object, String(rest[i]), {
          value: decode(rest[i + 1]),
          writable: true,
          enumerable: true,
          configurable: true,
        });
      return object;
    }
    default:
      throw malformed();
  }
}

function malformed(): Error {
  return new Error("a stored value of this durable run is malformed (was the run database edited?)");
}
