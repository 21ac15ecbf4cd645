/**
 * @fileoverview The virtual file a body is checked in: TypeScript declarations generated from the
 * node's schemas (`interface Inputs`, `interface Output`, `declare const inputs: Inputs`) and the
 * body as the block of `function __ice_node(): Output { ... }`. `integer` fields are `number`
 * (JavaScript numbers; integrality is checked at the node's boundary); `any` fields (and nested maps
 * without fields) are `any`, JSON values in the sandbox.
 */
import type { ObjectType, SchemaType } from "../../runtime/schema.js";

/** Name of the function that holds the body. */
export const NODE_FUNCTION = "__ice_node";

/** A generated virtual file and where the body sits in it. */
export interface BodyFile {
  readonly text: string;
  /** Offset of the body's first character in `text`. */
  readonly bodyStart: number;
}

/** The TypeScript spelling of a schema type. */
export function schemaTypeText(type: SchemaType): string {
  switch (type.kind) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "any":
      return "any";
    case "array": {
      const element = schemaTypeText(type.element);
      return type.element.kind === "object" ? `Array<${element}>` : `${element}[]`;
    }
    case "object":
      // A nested map without declared fields holds any JSON object: a JSON value, as `any`.
      if (type.fields.length === 0) return "any";
      return `{ ${type.fields.map((f) => `${key(f.name)}${f.optional ? "?" : ""}: ${schemaTypeText(f.type)}`).join("; ")} }`;
  }
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function interfaceText(name: string, type: ObjectType): string {
  const fields = type.fields.map((f) => `  ${key(f.name)}${f.optional ? "?" : ""}: ${schemaTypeText(f.type)};`);
  return `interface ${name} {\n${fields.join("\n")}\n}`;
}

/** The file for one body. */
export function bodyFile(body: string, inputType: ObjectType, outputType: ObjectType): BodyFile {
  const head = [
    interfaceText("Inputs", inputType),
    "type Input = Inputs;",
    interfaceText("Output", outputType),
    "declare const inputs: Inputs;",
    `function ${NODE_FUNCTION}(): Output {\n`,
  ].join("\n");
  return { text: `${head}${body}\n}\n`, bodyStart: head.length };
}
