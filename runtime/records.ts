/**
 * @fileoverview Records keyed by workflow data (field names, tool names, node ids): reads never
 * find `Object.prototype`'s members, so a key like `__proto__`, `constructor` or `toString` finds
 * only what the record itself holds; writes define own properties, so `__proto__` is a key like any other and
 * never sets a prototype. (The compiler refuses such names where it can; the runtime is safe
 * regardless.)
 */

/**
 * `record[key]`, except that a key naming a member of `Object.prototype` (`__proto__`,
 * `constructor`, `toString`, ...) finds only an own property. Other inherited values are kept:
 * the operator's records (`options.tools`) may be class instances or proxies.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (record === undefined || record === null) return undefined;
  if (Object.hasOwn(record, key)) return record[key];
  return key in Object.prototype ? undefined : record[key];
}

/**
 * True when `key` names a member of `Object.prototype` now, so that reading it must go through
 * `ownValue`. Readers built once per schema (the sandbox's encoders, conforms.ts) ask this when
 * they are built and read other keys directly: a member added to `Object.prototype` later
 * (pollution, which means the host is already compromised) is not guarded against there.
 */
export function isPrototypeKey(key: string): boolean {
  return key in Object.prototype;
}

/** Sets `record[key] = value` as an own, enumerable data property (also for `__proto__`). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An empty record with no prototype: no key of it is inherited. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
