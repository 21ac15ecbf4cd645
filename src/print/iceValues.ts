/**
 * @fileoverview Plan values, constants and schema types as .ice text: TypeScript-like literals,
 * backtick templates with `${path}`, types such as `{ rows: { id: string }[], note?: string }`.
 */
import type { JsonValue, ObjectType, SchemaType, TemplateValue, Value } from "../plan/index.js";
import { referenceText } from "../frontend/template.js";
import { printName, printPath } from "./names.js";

/** A value on one line (templates keep their line breaks). */
export function printValue(value: Value): string {
  switch (value.kind) {
    case "ref":
      return value.fallback ? `\`\${${referenceText(value, "ice")}}\`` : printPath(value.path);
    case "literal":
      return printConstant(value.value);
    case "template":
      return printTemplate(value);
    case "object":
      return value.entries.length === 0
        ? "{}"
        : `{ ${value.entries.map((e) => `${printName(e.key)}: ${printValue(e.value)}`).join(", ")} }`;
    case "array":
      return `[${value.items.map(printValue).join(", ")}]`;
  }
}

/** A JSON value as an .ice constant. */
export function printConstant(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(printConstant).join(", ")}]`;
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  return entries.length === 0
    ? "{}"
    : `{ ${entries.map(([k, v]) => `${printName(k)}: ${printConstant(v)}`).join(", ")} }`;
}

/** A surrogate without its pair: a UTF-8 file cannot hold it, so it is written as an escape. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `` `text ${path} text` ``, escaping backslashes, backticks, `${` and lone surrogates. */
export function printTemplate(template: TemplateValue): string {
  const text = template.parts
    .map((part) =>
      typeof part === "string"
        ? part
            .replace(/\\/g, "\\\\")
            .replace(/`/g, "\\`")
            .replace(/\$\{/g, "\\${")
            .replace(LONE_SURROGATE, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
        : `\${${referenceText(part, "ice")}}`,
    )
    .join("");
  return `\`${text}\``;
}

/** A schema type. */
export function printType(type: SchemaType): string {
  switch (type.kind) {
    case "array":
      return `${printType(type.element)}[]`;
    case "object":
      return printObjectType(type);
    default:
      return type.kind;
  }
}

/** `{ name: type, other?: type }` */
export function printObjectType(type: ObjectType): string {
  if (type.fields.length === 0) return "{}";
  return `{ ${type.fields.map((f) => `${printName(f.name)}${f.optional ? "?" : ""}: ${printType(f.type)}`).join(", ")} }`;
}
