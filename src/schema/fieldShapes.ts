/**
 * @fileoverview The JSON Schema shape of each YAML field's value, by field name. Which fields
 * exist (per node type, at the top level, in `limits`...) comes from the front end's field table;
 * this file only says what a value of each field looks like, mirroring what the YAML readers in
 * src/frontend/yaml accept. A field the table gains without an entry here is accepted with any
 * value (the schema never rejects what the compiler accepts).
 */
import { FAILURE_MODES } from "../plan/index.js";
import { LIMIT_FIELDS } from "../frontend/yaml/fieldTable.js";
import { RETRY_POLICY_FIELDS } from "../plan/defaults.js";

/** A JSON Schema (draft-07) fragment. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

const IDENTIFIER = "^[A-Za-z_][A-Za-z0-9_]*$";
const string = (description: string): JsonSchema => ({ type: "string", description });
/** A list of names; a single name is accepted as a list of one (as ctx.names reads it). */
const names = (description: string): JsonSchema => ({
  description,
  anyOf: [{ type: "array", items: { type: "string" } }, { type: "string" }, { type: "null" }],
});
const valueMap = (description: string): JsonSchema => ({
  type: "object",
  description,
  additionalProperties: ref("value"),
});

/** Shapes shared by the definitions section of the schema. */
export const DEFINITIONS: { readonly [name: string]: JsonSchema } = {
  value: {
    description:
      "A value: a literal, a reference written '{{ node.field }}' or '{{ inputs.x }}', or a string template with {{ }} inside text.",
  },
  typeMap: {
    type: "object",
    description:
      "A map of field name to type: string, number, integer, boolean, any, T[], T? (optional field), or a nested map.",
    additionalProperties: ref("fieldType"),
  },
  fieldType: {
    anyOf: [
      {
        type: "string",
        examples: ["string", "number", "integer", "boolean", "any", "string[]", "string?"],
      },
      ref("typeMap"),
      { type: "array", minItems: 1, items: ref("fieldType") },
    ],
  },
  limits: {
    type: "object",
    description: "Sandbox limits (the operator's ceilings apply).",
    properties: Object.fromEntries(
      Object.entries(LIMIT_FIELDS).map(([field, planName]) => [
        field,
        planName === "memoryMb" ? { type: "number", minimum: 0 } : { type: "integer", minimum: 0 },
      ]),
    ),
    additionalProperties: false,
  },
  retryPolicy: {
    type: "object",
    properties: Object.fromEntries(
      Object.entries(RETRY_POLICY_FIELDS).map(([field, spec]) => [
        field,
        { type: spec.integer ? "integer" : "number", minimum: spec.min },
      ]),
    ),
    additionalProperties: false,
  },
  branchTargets: {
    description: "Node ids (or nodes written inline) to run on this branch.",
    anyOf: [
      { type: "null" },
      { type: "string" },
      { type: "array", items: { anyOf: [{ type: "string" }, ref("node")] } },
    ],
  },
  nodeList: { type: "array", items: ref("node") },
  toolDeclaration: {
    description: "A tool's signature, for the checker and for agents.",
    anyOf: [
      { type: "null" },
      {
        type: "object",
        properties: {
          description: { type: "string" },
          input_schema: ref("typeMap"),
          output_schema: ref("fieldType"),
        },
        additionalProperties: false,
      },
    ],
  },
  llmConfig: {
    type: "object",
    description: "Provider settings passed to the model call.",
    properties: {
      provider: { enum: ["openai", "anthropic"] },
      base_url: { type: "string" },
      temperature: { type: "number" },
      max_tokens: { type: "integer", minimum: 1 },
    },
  },
};

/** Node fields by name. */
export const NODE_FIELD_SHAPES: { readonly [field: string]: JsonSchema } = {
  id: { type: "string", pattern: IDENTIFIER, description: "The node's id, unique in the workflow." },
  dependencies: names("Nodes that must run before this one (beyond those its references imply)."),
  input_schema: ref("typeMap"),
  output_schema: ref("typeMap"),
  retries: { type: "integer", minimum: 0 },
  retry_policy: ref("retryPolicy"),
  on_failure: { enum: [...FAILURE_MODES], description: "halt (default) or continue: later nodes see null." },
  timeout_seconds: { type: "number", exclusiveMinimum: 0 },
  limits: ref("limits"),
  description: string("Ignored by the compiler."),
  name: string("Ignored by the compiler."),
  trust: string("A trust profile name (the operator decides what it gets)."),
  tool_name: string("The tool to call."),
  tool_args: valueMap("Arguments of the tool call."),
  code: string("A TypeScript function body: reads inputs.name, returns an object matching output_schema."),
  imports: names("Capabilities the code may use (json, math, ...)."),
  inputs: valueMap("Values bound to inputs.name."),
  expression: {
    type: ["string", "boolean", "number"],
    description: "A boolean expression over earlier outputs (summarize.total > inputs.threshold).",
  },
  true_path: ref("branchTargets"),
  false_path: ref("branchTargets"),
  items_source: { description: "The collection to loop over ('{{ node.items }}')." },
  body: ref("nodeList"),
  item_var: { type: "string", pattern: IDENTIFIER, description: "Names the current item in the body." },
  max_parallel: { type: "integer", minimum: 0, description: "Items in flight at once (default 1); 0: no cap." },
  parallel: { type: "boolean", description: "true: no cap on items at once." },
  branches: {
    type: "array",
    description: "Branches run concurrently: each a list of nodes (or one node), or (iceOS) of top-level node ids.",
    items: { anyOf: [ref("nodeList"), ref("node"), { type: "array", items: { type: "string" } }] },
  },
  workflow_ref: string("The workflow to call (a name or a file path)."),
  prompt: string("A string template."),
  model: string("The model name."),
  llm_config: ref("llmConfig"),
  tools: names("Tools the agent may call."),
  max_iterations: { type: "integer", minimum: 1 },
};

/** Top-level fields by name. */
export const TOP_LEVEL_SHAPES: { readonly [field: string]: JsonSchema } = {
  name: string("The workflow's name (defaults to the file name)."),
  description: string("Ignored by the compiler."),
  version: { type: ["string", "number"], description: "Ignored by the compiler." },
  input_schema: ref("typeMap"),
  nodes: ref("nodeList"),
  outputs: {
    description: "Output name to value ('{{ node.field }}'), or (iceOS) a list of node ids whose outputs are returned.",
    anyOf: [valueMap("Output name to value."), { type: "array", items: { type: "string" } }],
  },
  inputs: {
    description: "iceOS: input names, { required: [...], optional: [...] } (typed by input_schema, else any).",
    anyOf: [
      { type: "array", items: { type: "string" } },
      {
        type: "object",
        properties: {
          required: { type: "array", items: { type: "string" } },
          optional: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
  },
  id: { type: ["string", "number"], description: "iceOS: the blueprint's id (kept, printed back by convert)." },
  schema_version: { type: ["string", "number"], description: "iceOS: the blueprint schema version." },
  api_version: { const: "blueprint.v1", description: "iceOS: the blueprint API version." },
  metadata: { type: "object", description: "iceOS: id, name, description, tags, draft_name." },
  tools: {
    description: "Tool signatures (description, input_schema, output_schema).",
    anyOf: [{ type: "null" }, { type: "object", additionalProperties: ref("toolDeclaration") }],
  },
};
