/**
 * @fileoverview Which fields each YAML node type accepts and requires (the iceOS blueprint field
 * names, README "Workflows in YAML"). Unknown fields are reported against this table with a suggestion.
 */
import type { NodeKind } from "../../plan/index.js";

/** Fields of one node type, beyond those every node has. */
export interface FieldSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Fields iceOS files carry that mean nothing here: accepted with a warning naming them (ICE1018). */
  readonly ignored?: readonly string[];
}

/**
 * Fields every node accepts; `description` and `name` are accepted and ignored. `backoff_seconds`
 * (iceOS) is the base delay between retries.
 */
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
  "backoff_seconds",
];

/**
 * Fields every node of an iceOS blueprint may carry (its BaseNodeConfig) that mean nothing here.
 * `provider` means something on llm, agent and recursive nodes, which list it themselves.
 */
export const IGNORED_COMMON_FIELDS: readonly string[] = [
  "level",
  "metadata",
  "provider",
  "use_cache",
  "input_mappings",
  "output_mappings",
  "input_selection",
  "output_selection",
  "context_rules",
];

/** Sandboxed nodes also accept `trust` (a trust profile name). */
const SANDBOXED = ["trust"];

/** Model settings of llm, agent and recursive nodes (`temperature`/`max_tokens` written flat go into llm_config). */
const MODEL = ["model", "llm_config", "provider"];

/**
 * Agent fields of agent and recursive nodes. `prompt` (or `agent_config.prompt`) is the task;
 * without one, the node works on the outputs of its dependencies (or sources), or the workflow
 * inputs. `package`/`agent_package` name an implementation the operator registers.
 */
const AGENT = [...MODEL, "prompt", "agent_config", "tools", "max_iterations", "package", "agent_package", "memory"];

export const NODE_FIELDS: { readonly [kind in NodeKind]: FieldSpec } = {
  tool: { required: ["tool_name"], optional: ["tool_args"] },
  code: { required: ["code"], optional: ["imports", "inputs", ...SANDBOXED], ignored: ["language", "sandbox"] },
  condition: {
    required: ["expression"],
    optional: ["true_path", "false_path", "true_branch", "false_branch", ...SANDBOXED],
  },
  loop: {
    required: ["items_source"],
    optional: ["body", "body_nodes", "item_var", "max_parallel", "parallel"],
    ignored: ["max_iterations"],
  },
  parallel: { required: ["branches"], optional: [], ignored: ["max_concurrency", "merge_outputs"] },
  workflow: { required: ["workflow_ref"], optional: ["inputs"], ignored: ["exposed_outputs", "config_overrides"] },
  llm: {
    required: ["prompt"],
    optional: [...MODEL, "temperature", "max_tokens"],
    ignored: ["format_specifications", "coerce_output_types", "coerce_input_types", "output_format", "json_schema"],
  },
  agent: { required: [], optional: AGENT, ignored: ["agent_attr", "version_constraint"] },
  recursive: {
    required: ["recursive_sources"],
    optional: [...AGENT, "convergence_condition", "max_rounds"],
    ignored: ["preserve_context", "context_key", "agent_attr", "version_constraint"],
  },
};

/** Every field a node of `kind` accepts with a meaning. */
export function fieldsOf(kind: NodeKind): readonly string[] {
  const spec = NODE_FIELDS[kind];
  return [...COMMON_FIELDS, ...spec.required, ...spec.optional];
}

/** Fields a node of `kind` accepts with a warning that they mean nothing here. */
export function ignoredFieldsOf(kind: NodeKind): readonly string[] {
  const own = new Set(fieldsOf(kind));
  return [...IGNORED_COMMON_FIELDS, ...(NODE_FIELDS[kind].ignored ?? [])].filter((f) => !own.has(f));
}

/** Fields of a `limits` mapping, to plan names. */
export const LIMIT_FIELDS = { fuel: "fuel", memory_mb: "memoryMb", timeout_ms: "timeoutMs" } as const;

/** iceOS's retry_policy fields: `backoff_seconds` is the base delay, `backoff_strategy` fixed or exponential. */
export const ICEOS_RETRY_POLICY_FIELDS: readonly string[] = ["backoff_seconds", "backoff_strategy"];

/** Fields of a tool declaration in the top-level `tools:` map. */
export const TOOL_DECLARATION_FIELDS: readonly string[] = ["description", "input_schema", "output_schema"];

/**
 * Top-level fields of a workflow; `description` and `version` are kept in the plan's `about`. The
 * iceOS blueprint fields: `id`, `blueprint_id`, `schema_version`, `api_version`, `metadata` (kept in the plan's
 * `about`), `inputs` (`{ required: [...], optional: [...] }`: input names, typed by
 * `input_schema` where it names them, else any).
 */
export const TOP_LEVEL_FIELDS: readonly string[] = [
  "name",
  "description",
  "version",
  "input_schema",
  "inputs",
  "nodes",
  "outputs",
  "tools",
  "id",
  "blueprint_id",
  "schema_version",
  "api_version",
  "metadata",
];

/** Fields of the top-level `metadata` mapping (iceOS), to their place in the plan's `about`. */
export const METADATA_FIELDS = {
  id: "metadataId",
  name: "title",
  description: "description",
  tags: "tags",
  draft_name: "draftName",
} as const;

/**
 * Metadata iceOS files often carry that means nothing here. iceOS's `metadata` is free-form
 * ("arbitrary metadata for documentation"), so any other key is accepted with the same warning.
 */
export const IGNORED_METADATA_FIELDS: readonly string[] = ["version", "author", "created_at", "updated_at", "owner"];

/**
 * Node types iceOS renamed (its NodeType enum: "tool (formerly skill)"; `ai` was its first name
 * for a single-prompt LLM node): older blueprints still use them. Read as the new name with a
 * warning (ICE1033); its removed composites (`unit`, `nested_chain`) are not renames.
 */
export const RENAMED_ICEOS_NODE_TYPES: Readonly<Record<string, NodeKind>> = { skill: "tool", ai: "llm" };

/** Fields of the top-level `inputs` mapping. */
export const INPUTS_FIELDS: readonly string[] = ["required", "optional"];

/** Fields of an agent's `agent_config` (iceOS); others go into llm_config with a warning if unknown. */
export const AGENT_CONFIG_FIELDS: readonly string[] = ["prompt", "system_prompt", "max_iterations", "tools"];

/** Fields of an agent's `memory` mapping. */
export const MEMORY_FIELDS: readonly string[] = ["backend", "key"];

/** The API version of iceOS blueprints this front end reads. */
export const BLUEPRINT_API_VERSION = "blueprint.v1";
