/**
 * @fileoverview Duplicate keys of a YAML document's maps, found in one pass.
 *
 * The YAML library can report them itself (`uniqueKeys: true`), but it compares each new key with
 * every key before it in the map: a 0.9 MB workflow of 60,000 keys in one map took 32 s of CPU
 * in `iceosc check`, and a file at the size limit minutes. Here each map's keys go into a hash
 * set, so the whole document costs one walk. Equality is the library's (`uniqueKeys: true`): two
 * scalar keys are the same key when their values are `===`; a key that is a collection, an alias
 * or NaN equals no other key.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from "yaml";

/** One duplicate key: where it starts in the source, as the library's errors give positions. */
export interface DuplicateKey {
  readonly pos: readonly [number, number];
}

/** Every key that repeats an earlier key of the same map, in document order within each map. */
export function findDuplicateKeys(document: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // An explicit stack: block nesting is bounded later (checkYamlBounds), after this runs.
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const id = keyIdentity(key);
        if (id.comparable) {
          if (seen.has(id.value) && key) found.push({ pos: [key.range?.[0] ?? 0, (key.range?.[0] ?? 0) + 1] });
          seen.add(id.value);
        }
        if (!isAlias(key)) stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return found;
}

type KeyIdentity = { readonly comparable: true; readonly value: unknown } | { readonly comparable: false };

/** What a key is compared by: its scalar value; anything `===` cannot match is not comparable. */
function keyIdentity(key: unknown): KeyIdentity {
  if (!isScalar(key)) return { comparable: false };
  const value = key.value;
  if (typeof value === "number" && Number.isNaN(value)) return { comparable: false };
  if (typeof value === "object" && value !== null) return { comparable: false };
  if (typeof value === "function") return { comparable: false };
  return { comparable: true, value };
}
