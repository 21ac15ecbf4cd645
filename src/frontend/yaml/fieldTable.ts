/**
 * @fileoverview Which fields each YAML node type accepts and requires (the iceOS blueprint field
 * names, SPEC section 2). Unknown fields are reported against this table with a suggestion.
 */
import type { NodeKind } from "../../plan/index.js";

/** Fields of one node type, beyond those every node has. */
export interface FieldSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** Fields every node accepts; `description` and `name` are accepted and ignored. */
export const COMMON_FIELDS: readonly string[] = [
  "id",
  "type",
  "dependencies",
  "input_schema",
  "output_schema",
  "retries",
  "retry_policy",
  "on_failure",
  "timeout_seconds",
  "limits",
  "description",
  "name",
];

/** Sandboxed nodes also accept `trust` (a trust profile name). */
const SANDBOXED = ["trust"];

export const NODE_FIELDS: { readonly [kind in NodeKind]: FieldSpec } = {
  tool: { required: ["tool_name"], optional: ["tool_args"] },
  code: { required: ["code"], optional: ["imports", "inputs", ...SANDBOXED] },
  condition: { required: ["expression"], optional: ["true_path", "false_path", ...SANDBOXED] },
  loop: { required: ["items_source", "body"], optional: ["item_var", "max_parallel", "parallel"] },
  parallel: { required: ["branches"], optional: [] },
  workflow: { required: ["workflow_ref"], optional: ["inputs"] },
  llm: { required: ["prompt"], optional: ["model", "llm_config"] },
  agent: { required: ["prompt"], optional: ["model", "llm_config", "tools", "max_iterations"] },
};

/** Every field a node of `kind` accepts. */
export function fieldsOf(kind: NodeKind): readonly string[] {
  const spec = NODE_FIELDS[kind];
  return [...COMMON_FIELDS, ...spec.required, ...spec.optional];
}

/** Fields of a `limits` mapping, to plan names. */
export const LIMIT_FIELDS = { fuel: "fuel", memory_mb: "memoryMb", timeout_ms: "timeoutMs" } as const;

/** Fields of a `retry_policy` mapping, to plan names, with the smallest value each accepts. */
export const RETRY_POLICY_FIELDS = {
  max_attempts: { field: "maxAttempts", integer: true, min: 1 },
  base_delay_ms: { field: "baseDelayMs", integer: false, min: 0 },
  factor: { field: "factor", integer: false, min: 1 },
  max_delay_ms: { field: "maxDelayMs", integer: false, min: 0 },
} as const;

/** Fields of a tool declaration in the top-level `tools:` map. */
export const TOOL_DECLARATION_FIELDS: readonly string[] = ["description", "input_schema", "output_schema"];

/** Top-level fields of a workflow; `description` and `version` are accepted and ignored. */
export const TOP_LEVEL_FIELDS: readonly string[] = [
  "name",
  "description",
  "version",
  "input_schema",
  "nodes",
  "outputs",
  "tools",
];

/** Defaults for omitted fields. */
export const DEFAULT_ITEM_VAR = "item";
export const DEFAULT_MAX_PARALLEL = 1;
export const DEFAULT_MAX_ITERATIONS = 5;
