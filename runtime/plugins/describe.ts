/**
 * @fileoverview A plugin tool's arguments as JSON Schema (what agents are offered), from the
 * argument type the compiler read off the tool's signature.
 */
import { toJsonSchema } from "../jsonSchema.js";
import type { ObjectType } from "../schema.js";

/** JSON schema of a tool's arguments object. */
export function jsonSchemaOf(type: ObjectType): object {
  return toJsonSchema(type);
}
