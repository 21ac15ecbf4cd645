/**
 * @fileoverview `iceosc schema`: a JSON Schema (draft-07) of the YAML workflow form, for editors
 * (`# yaml-language-server: $schema=...`) and validators. Which node types and fields exist is
 * read from the YAML front end's own field table (NODE_FIELDS, COMMON_FIELDS, TOP_LEVEL_FIELDS),
 * so the schema and the compiler cannot disagree about a field's name; fieldShapes.ts says what
 * each field's value looks like.
 *
 * Each node type is a definition (`node_tool`, `node_code`, ...) with its fields, the required
 * ones and no others; `node` picks the definition by `type` with if/then, so a validator reports
 * a wrong field at the path of that node (`/nodes/1`) rather than "matches none of 8 schemas".
 */
import { COMMON_FIELDS, ignoredFieldsOf, NODE_FIELDS, TOP_LEVEL_FIELDS } from "../frontend/yaml/fieldTable.js";
import { NODE_KINDS, type NodeKind } from "../plan/index.js";
import { DEFINITIONS, NODE_FIELD_SHAPES, ref, TOP_LEVEL_SHAPES, type JsonSchema } from "./fieldShapes.js";

export const SCHEMA_ID = "https://iceosc.dev/schema/workflow.json";

/** The schema of a workflow YAML document. */
export function workflowJsonSchema(): JsonSchema {
  const kinds = Object.keys(NODE_FIELDS) as NodeKind[];
  const definitions: Record<string, JsonSchema> = { ...DEFINITIONS, node: nodeSchema(kinds) };
  for (const kind of kinds) definitions[`node_${kind}`] = nodeKindSchema(kind);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: SCHEMA_ID,
    title: "iceosc workflow (YAML form)",
    type: "object",
    properties: Object.fromEntries(TOP_LEVEL_FIELDS.map((field) => [field, TOP_LEVEL_SHAPES[field] ?? {}])),
    required: ["nodes"],
    additionalProperties: false,
    definitions,
  };
}

function nodeSchema(kinds: readonly NodeKind[]): JsonSchema {
  return {
    type: "object",
    required: ["id", "type"],
    properties: {
      id: NODE_FIELD_SHAPES.id,
      type: { enum: [...NODE_KINDS.filter((k) => kinds.includes(k))], description: "The node type." },
    },
    allOf: kinds.map((kind) => ({
      if: { properties: { type: { const: kind } }, required: ["type"] },
      // biome-ignore lint/suspicious/noThenProperty: "then" is the JSON Schema keyword.
      then: ref(`node_${kind}`),
    })),
  };
}

function nodeKindSchema(kind: NodeKind): JsonSchema {
  const spec = NODE_FIELDS[kind];
  const fields = [...COMMON_FIELDS, ...spec.required, ...spec.optional];
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field] = NODE_FIELD_SHAPES[field] ?? {};
  for (const field of ignoredFieldsOf(kind))
    properties[field] = { description: "An iceOS field with no meaning here: accepted with a warning." };
  properties.type = { const: kind };
  return {
    type: "object",
    properties,
    required: ["id", "type", ...spec.required],
    additionalProperties: false,
  };
}
