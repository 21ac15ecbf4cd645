/**
 * @fileoverview Plan values as JavaScript expressions: references become property reads on the
 * node variables in scope, templates become template literals tagged `rt.template` (which splices
 * each value as text and bounds the whole).
 */
import { ENV_ROOT, INPUTS_ROOT, type RefValue, type Value } from "../../plan/index.js";
import { dataLiteral, templateChunk } from "./literals.js";
import { member, propertyName } from "./names.js";

/** Resolves the root of a reference path to a JavaScript expression. */
export type RootResolver = (root: string) => string;

/** A value as a JavaScript expression. */
export function emitValue(value: Value, resolve: RootResolver): string {
  switch (value.kind) {
    case "literal":
      return dataLiteral(value.value);
    case "ref":
      return emitRef(value, resolve);
    case "template":
      return `rt.template\`${value.parts.map((part) => (typeof part === "string" ? templateChunk(part) : `\${${emitRef(part, resolve)}}`)).join("")}\``;
    case "object":
      return `{ ${value.entries.map((e) => `${propertyName(e.key)}: ${emitValue(e.value, resolve)}`).join(", ")} }`;
    case "array":
      return `[${value.items.map((item) => emitValue(item, resolve)).join(", ")}]`;
  }
}

/** An object literal of entries (`inputs`, `tool_args`, `outputs`). */
export function emitEntries(entries: readonly { key: string; value: Value }[], resolve: RootResolver): string {
  if (entries.length === 0) return "{}";
  return `{ ${entries.map((e) => `${propertyName(e.key)}: ${emitValue(e.value, resolve)}`).join(", ")} }`;
}

/** A reference, with its default when the value is absent (`x ?? "d"`). */
export function emitRef(ref: RefValue, resolve: RootResolver): string {
  const read = emitPath(ref.path, resolve);
  if (!ref.fallback) return read;
  const fallback = ref.fallback.kind === "ref" ? emitRef(ref.fallback, resolve) : dataLiteral(ref.fallback.value);
  return `(${read} ?? ${fallback})`;
}

/** `inputs.a` for workflow inputs; `rt.env("NAME")` for environment variables (the operator's policy decides); `node?.a?.b` for node outputs and loop items, which may be absent. */
export function emitPath(path: readonly string[], resolve: RootResolver): string {
  const [root, ...fields] = path;
  if (root === ENV_ROOT && fields.length > 0) {
    let env = `rt.env(${dataLiteral(fields[0]!)})`;
    for (const field of fields.slice(1)) env = member(env, field, true);
    return env;
  }
  let expression = resolve(root!);
  fields.forEach((field, index) => {
    expression = member(expression, field, !(root === INPUTS_ROOT && index === 0));
  });
  return expression;
}
