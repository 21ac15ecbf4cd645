/**
 * @fileoverview What the checker knows about a tool: the signature declared in `tools:` (or the
 * schemas written on the tool node itself), else the signature of the runtime's built-in tool of
 * that name (runtime/tools), else nothing (an untyped tool). A declaration wins over a built-in.
 *
 * A built-in signature is advisory, since a run may supply its own tool of the same name
 * (`options.tools` wins): the result type types the fields it lists and reads any other field as
 * `any` (an open type), and the arguments are checked against it only in strict mode.
 */
import { builtinTools } from "../../runtime/tools/index.js";
import { ANY, BOOLEAN, INTEGER, NUMBER, STRING, type ObjectType, type SchemaType } from "../../runtime/schema.js";
import type { ToolNode, Workflow } from "../plan/index.js";

/** A tool's argument and result types; undefined parts are unknown. */
export interface ToolSignature {
  readonly inputSchema?: ObjectType;
  readonly outputSchema?: SchemaType;
  /** Where the signature comes from, for messages. */
  readonly source: "declared" | "builtin";
}

let builtins: ReadonlyMap<string, ToolSignature> | undefined;
const openTypes = new WeakSet<SchemaType>();

/** True for object types that may hold fields they do not list (built-in tool results). */
export function isOpenType(type: SchemaType): boolean {
  return openTypes.has(type);
}

/** Signatures of the built-in tools, by name. */
export function builtinSignatures(): ReadonlyMap<string, ToolSignature> {
  if (!builtins) {
    const tools = builtinTools();
    builtins = new Map(
      Object.entries(tools).map(([name, tool]) => {
        const input = typeOfJsonSchema(tool.parameters);
        return [
          name,
          {
            source: "builtin",
            ...(input.kind === "object" && { inputSchema: input }),
            outputSchema: typeOfJsonSchema(tool.returns, true),
          },
        ];
      }),
    );
  }
  return builtins;
}

/** The signature of tool `name` in `workflow`; undefined for an undeclared, non-built-in tool. */
export function toolSignature(workflow: Workflow, name: string): ToolSignature | undefined {
  const declared = workflow.tools.find((t) => t.name === name);
  if (declared)
    return {
      source: "declared",
      ...(declared.inputSchema && { inputSchema: declared.inputSchema }),
      ...(declared.outputSchema && { outputSchema: declared.outputSchema }),
    };
  return builtinSignatures().get(name);
}

/** The argument types of a tool node: its own `input_schema`, else its tool's signature (a built-in's only when `strict`). */
export function toolInputSchema(workflow: Workflow, node: ToolNode, strict: boolean): ObjectType | undefined {
  if (node.inputSchema) return node.inputSchema;
  const signature = toolSignature(workflow, node.toolName.name);
  return signature?.source === "declared" || strict ? signature?.inputSchema : undefined;
}

/**
 * The schema type of a JSON schema, as far as the schema language goes: unions (`anyOf`) and
 * objects without `properties` are `any`; properties not in `required` are optional. With `open`,
 * its object types read unlisted fields as `any`.
 */
export function typeOfJsonSchema(schema: unknown, open = false): SchemaType {
  if (typeof schema !== "object" || schema === null) return ANY;
  const s = schema as { type?: unknown; items?: unknown; properties?: Record<string, unknown>; required?: unknown };
  switch (s.type) {
    case "string":
      return STRING;
    case "number":
      return NUMBER;
    case "integer":
      return INTEGER;
    case "boolean":
      return BOOLEAN;
    case "array":
      return { kind: "array", element: typeOfJsonSchema(s.items, open) };
    case "object": {
      if (!s.properties) return ANY;
      const required = new Set(Array.isArray(s.required) ? s.required : []);
      const type: SchemaType = {
        kind: "object",
        fields: Object.entries(s.properties).map(([name, field]) => ({
          name,
          type: typeOfJsonSchema(field, open),
          optional: !required.has(name),
        })),
      };
      if (open) openTypes.add(type);
      return type;
    }
    default:
      return ANY;
  }
}
