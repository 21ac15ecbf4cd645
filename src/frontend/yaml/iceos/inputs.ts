/**
 * @fileoverview The workflow's inputs as iceOS writes them: `inputs: { required: [query],
 * optional: [model] }` (names without types; a plain list means all required). Each name becomes
 * a field of the input schema: its type is the one `input_schema` gives it, else any; optional
 * names may be absent from the input. Names in `input_schema` that `inputs` does not list keep
 * their own optionality.
 */
import { didYouMean, Diagnostics } from "../../../diagnostics/index.js";
import type { Named, ObjectType, SchemaField } from "../../../plan/index.js";
import { isNull, type MapEntry, type YamlContext } from "../context.js";
import { INPUTS_FIELDS } from "../fieldTable.js";
import { isSeq } from "yaml";
import { checkName } from "../../names.js";

/** `schema` with the names of `entry` added or made (non-)optional. */
export function mergeInputNames(ctx: YamlContext, entry: MapEntry, schema: ObjectType): ObjectType {
  if (isNull(entry.value)) return schema;
  const lists: { names: Named[]; optional: boolean }[] = [];
  if (isSeq(entry.value)) lists.push({ names: ctx.names(entry), optional: false });
  else {
    for (const field of ctx.mapping(entry.value, "'inputs'", entry.keySpan) ?? []) {
      if (!INPUTS_FIELDS.includes(field.key)) {
        ctx.bag.report(Diagnostics.UnknownEntryField, field.keySpan, [
          field.key,
          "'inputs'",
          didYouMean(field.key, INPUTS_FIELDS),
        ]);
        continue;
      }
      lists.push({ names: ctx.names(field), optional: field.key === "optional" });
    }
  }
  const fields: SchemaField[] = [...schema.fields];
  const seen = new Set<string>();
  for (const { names, optional } of lists) {
    for (const name of names) {
      if (seen.has(name.name)) {
        ctx.bag.report(Diagnostics.BadIceosField, name.span, [`input '${name.name}' is listed twice in 'inputs'`]);
        continue;
      }
      seen.add(name.name);
      if (!checkName(ctx.bag, "input name", name.name, name.span)) continue;
      const at = fields.findIndex((f) => f.name === name.name);
      if (at >= 0) fields[at] = { ...fields[at]!, optional };
      else fields.push({ name: name.name, type: { kind: "any" }, optional });
    }
  }
  return { kind: "object", fields };
}
