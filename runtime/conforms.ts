/**
 * @fileoverview Whether a value conforms to a schema type, as a yes/no: a checker specialised to
 * the type (closures built once per type object, kept in a WeakMap), for the hot paths of a run
 * (every tool's output, every trusted code node's input and output). It accepts exactly what
 * schema.ts's `validateValue` accepts; `validateValue` asks it first and only walks the value
 * again, building paths for its message, when the answer is no. Building a path for every
 * element and field of a valid value was most of a small workflow's validation cost.
 */
import { isPrototypeKey, ownValue } from "./records.js";
import type { SchemaField, SchemaType } from "./schema.js";

type Check = (value: unknown) => boolean;

/** A field of an object type as the hot paths read it (here and runtime/sandbox/encoder.ts). */
export interface FieldPlan {
  readonly name: string;
  readonly optional: boolean;
  /** The name is a member of Object.prototype (records.ts): read only an own property. */
  readonly prototypeKey: boolean;
  /** null is a value of an `any` field (JSON data), and absent for the others. */
  readonly nullIsValue: boolean;
}

export function fieldPlan(field: SchemaField): FieldPlan {
  return {
    name: field.name,
    optional: field.optional,
    prototypeKey: isPrototypeKey(field.name),
    nullIsValue: field.type.kind === "any",
  };
}

/** The field's value in `record`, or undefined when it is absent (missing, or null outside `any`). */
export function presentValue(record: Record<string, unknown>, field: FieldPlan): unknown {
  const value = field.prototypeKey ? ownValue(record, field.name) : record[field.name];
  return value === null && !field.nullIsValue ? undefined : value;
}

const checks = new WeakMap<SchemaType, Check>();

/** True when `value` conforms to `type` (schema.ts `validateValue` returns undefined). */
export function conforms(value: unknown, type: SchemaType): boolean {
  return checkOf(type)(value);
}

function checkOf(type: SchemaType): Check {
  let check = checks.get(type);
  if (!check) {
    check = makeCheck(type);
    checks.set(type, check);
  }
  return check;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function makeCheck(type: SchemaType): Check {
  switch (type.kind) {
    case "any":
      return (v) => v !== undefined;
    case "string":
      return (v) => typeof v === "string";
    case "boolean":
      return (v) => typeof v === "boolean";
    case "number":
      return (v) => typeof v === "number" && Number.isFinite(v);
    case "integer":
      return (v) => typeof v === "number" && Number.isInteger(v);
    case "array": {
      const element = checkOf(type.element);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case "object": {
      const fields = type.fields.map((f) => ({ ...fieldPlan(f), check: checkOf(f.type) }));
      return (v) => {
        if (!isRecord(v)) return false;
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i]!;
          const value = presentValue(v, field);
          if (value === undefined) {
            if (field.optional) continue;
            return false;
          }
          if (!field.check(value)) return false;
        }
        return true;
      };
    }
  }
}
