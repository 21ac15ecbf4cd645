/**
 * @fileoverview The value kinds the idiom lowering reasons about (int, float, string, bool) and
 * how schema types and written type annotations map onto them.
 */
import type { ts } from "ts-morph";
import type { SchemaType } from "../../../../runtime/schema.js";

/** What kind of value an expression has, as far as the lowering needs to know. */
export type Kind = "int" | "float" | "string" | "bool";

/** A schema type as an expression has it: `optional` when it is an optional field read. */
export interface Typed {
  readonly type: SchemaType;
  readonly optional: boolean;
}

/** AssemblyScript's integer types, as written in annotations. */
const INT_TYPES = new Set(["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "isize", "usize"]);

/** `Math` functions that return an integer for an integer argument (as does `abs`). */
export const INT_MATH = new Set(["floor", "ceil", "round", "trunc"]);

/** True for the schema types that cross as numbers and booleans (optional ones have presence flags). */
export function isPrimitive(type: SchemaType): boolean {
  return type.kind === "integer" || type.kind === "number" || type.kind === "boolean";
}

/** The kind of a value of a schema type; undefined for arrays, objects and `any`. */
export function kindOfSchema(type: SchemaType): Kind | undefined {
  switch (type.kind) {
    case "integer":
      return "int";
    case "number":
      return "float";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    default:
      return undefined;
  }
}

/** The kind a type annotation declares (`number`, `i32`, `string`...), when it is a simple one. */
export function kindOfTypeNode(type: ts.TypeNode): Kind | undefined {
  const text = type.getText().trim();
  if (text === "number" || text === "f64" || text === "f32") return "float";
  if (INT_TYPES.has(text)) return "int";
  if (text === "string") return "string";
  if (text === "boolean" || text === "bool") return "bool";
  return undefined;
}

/** The kind of an arithmetic result: int when both are, float when one is float and the other numeric. */
export function numeric(a: Kind | undefined, b: Kind | undefined): Kind | undefined {
  if (a === "int" && b === "int") return "int";
  if ((a === "float" && (b === "int" || b === "float")) || (b === "float" && a === "int")) return "float";
  return undefined;
}
