/**
 * @fileoverview A code node's inputs as its body sees them. The schema treats `null` in an
 * optional field (of any type but `any`) as absent (schema.ts `validateValue`), and the sandbox's
 * codec carries it as absent; a trusted body, run directly as JavaScript, gets the same value:
 * the field left out, so `inputs.x === undefined` and `String(inputs.x)` agree on both paths.
 */
import { ownValue, setOwn } from "./records.js";
import type { SchemaType } from "./schema.js";

/** `value` without the `null`s its type's optional fields hold (the same object when there are none). */
export function withoutAbsentNulls(value: unknown, type: SchemaType): unknown {
  return hasOptionalFields(type) ? stripped(value, type) : value;
}

/** Types known to hold, or not, an optional field (other than of type `any`) at any depth. */
const OPTIONAL_FIELDS = new WeakMap<SchemaType, boolean>();

/** True when a value of `type` may carry a `null` that stands for an absent field (the walk has work to do). */
function hasOptionalFields(type: SchemaType): boolean {
  if (type.kind !== "array" && type.kind !== "object") return false;
  let known = OPTIONAL_FIELDS.get(type);
  if (known === undefined) {
    known =
      type.kind === "array"
        ? hasOptionalFields(type.element)
        : type.fields.some((f) => (f.optional && f.type.kind !== "any") || hasOptionalFields(f.type));
    OPTIONAL_FIELDS.set(type, known);
  }
  return known;
}

function stripped(value: unknown, type: SchemaType): unknown {
  if (type.kind === "array" && Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const element = stripped(value[i], type.element);
      if (element === value[i]) continue;
      copy ??= value.slice();
      copy[i] = element;
    }
    return copy ?? value;
  }
  if (type.kind !== "object" || typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const field of type.fields) {
    const fieldValue = ownValue(record, field.name);
    if (fieldValue === undefined) continue;
    const absent = fieldValue === null && field.optional && field.type.kind !== "any";
    const inner = absent ? undefined : stripped(fieldValue, field.type);
    if (inner === fieldValue) continue;
    copy ??= { ...record };
    if (absent) delete copy[field.name];
    else setOwn(copy, field.name, inner);
  }
  return copy ?? value;
}
