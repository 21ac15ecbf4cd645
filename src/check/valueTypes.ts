/**
 * @fileoverview Checking values written in a workflow against the types expected of them (tool
 * arguments, code and sub-workflow inputs): ICE2008 at the value, descending into object and list
 * values written inline so the report points at the offending part.
 */
import { formatType, type ObjectType, type SchemaField, type SchemaType } from "../../runtime/schema.js";
import { Diagnostics, type Span } from "../diagnostics/index.js";
import type { Value, ValueEntry } from "../plan/index.js";
import { isAssignable } from "./assignable.js";
import type { CheckContext } from "./context.js";
import { typeOfValue, type ReferenceScope } from "./types.js";

/** Names a value in messages from its path below the entry (`options.lang`, `rows[2]`). */
export type ValueLabel = (path: string) => string;

/**
 * Reports ICE2008 where `value` (or a part of it) cannot be a `target`. `path` is the value's
 * path below the entry it belongs to; `label` turns it into words for the message.
 */
export function checkValue(
  context: CheckContext,
  value: Value,
  target: SchemaType,
  path: string,
  label: ValueLabel,
  scope: ReferenceScope,
): void {
  if (target.kind === "any") return;
  if (value.kind === "object" && target.kind === "object") {
    const fields = new Map(target.fields.map((f) => [f.name, f]));
    for (const entry of value.entries) {
      const field = fields.get(entry.key);
      if (field) checkValue(context, entry.value, field.type, `${path}.${entry.key}`, label, scope);
    }
    const given = new Set(value.entries.map((e) => e.key));
    const missing = target.fields.find((f) => !f.optional && !given.has(f.name));
    if (missing)
      context.report(Diagnostics.TypeMismatch, value.span, [
        label(path),
        formatType(target),
        `an object without '${missing.name}'`,
      ]);
    return;
  }
  if (value.kind === "array" && target.kind === "array") {
    for (const [index, item] of value.items.entries())
      checkValue(context, item, target.element, `${path}[${index}]`, label, scope);
    return;
  }
  const source = typeOfValue(context.workflow, value, scope);
  if (source && !isAssignable(source, target))
    context.report(Diagnostics.TypeMismatch, value.span, [label(path), formatType(target), formatType(source)]);
}

/**
 * Checks `entries` against the fields of `schema`: each bound value against its field's type, and
 * each required field left unbound through `onMissing`. Entries the schema does not name are
 * not checked here.
 */
export function checkEntries(
  context: CheckContext,
  entries: readonly ValueEntry[],
  schema: ObjectType,
  label: ValueLabel,
  scope: ReferenceScope,
  onMissing: (field: SchemaField) => void,
): void {
  for (const field of schema.fields) {
    const entry = entries.find((e) => e.key === field.name);
    if (entry) checkValue(context, entry.value, field.type, field.name, label, scope);
    else if (!field.optional) onMissing(field);
  }
}

/** Reports ICE2022: `owner` lacks required `field` (`kind`: argument, input), at `at`. */
export function reportMissing(context: CheckContext, at: Span, owner: string, kind: string, field: SchemaField): void {
  context.report(Diagnostics.MissingInput, at, [owner, kind, field.name, formatType(field.type)]);
}
