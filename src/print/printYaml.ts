/**
 * @fileoverview Plan to YAML text (`iceosc convert --to yaml`), in the iceOS blueprint field
 * names. References print as `"{{ path }}"`, templates as text with `{{ }}`, code bodies as
 * literal block scalars; short maps and lists in flow style. Schemas the short form cannot write
 * (an optional field of object or object-list type) are written as JSON Schema.
 */
import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import {
  setEntry,
  type ObjectType,
  type PlanNode,
  type SchemaType,
  type TemplateValue,
  type Value,
  type ValueEntry,
  type Workflow,
  type WorkflowAbout,
} from "../plan/index.js";
import { DEFAULT_ITEM_VAR, DEFAULT_MAX_ITERATIONS, DEFAULT_MAX_ROUNDS } from "../plan/defaults.js";
import { referenceText } from "../frontend/template.js";
import { toJsonSchema } from "../../runtime/jsonSchema.js";

/** A plan that the target form cannot express. */
export class PrintError extends Error {}

/** YAML-ready data; undefined fields are dropped before printing. */
type Yaml = unknown;
type YamlMap = { [key: string]: Yaml };

/** The workflow as a YAML document. */
export function printYaml(workflow: Workflow): string {
  const root: YamlMap = { name: workflow.name, ...about(workflow.about) };
  if (workflow.inputSchema.fields.length > 0) root.input_schema = objectType(workflow.inputSchema);
  if (workflow.tools.length > 0) {
    root.tools = Object.fromEntries(
      workflow.tools.map((t) => {
        const fields: YamlMap = {};
        if (t.description !== undefined) fields.description = t.description;
        if (t.inputSchema) fields.input_schema = objectType(t.inputSchema);
        if (t.outputSchema) fields.output_schema = fieldType(t.outputSchema, false, "output_schema");
        return [t.name, Object.keys(fields).length > 0 ? fields : null];
      }),
    );
  }
  root.nodes = workflow.nodes.map(node);
  if (workflow.outputs.length > 0) root.outputs = entries(workflow.outputs);
  const document = new Document(prune(root));
  visit(document, {
    Map(_, map) {
      if (map.has("id") || map === document.contents) return;
      if (JSON.stringify(map.toJSON()).length <= 72 && !hasMultiline(map)) map.flow = true;
    },
    Seq(_, seq) {
      if (seq.items.some((i) => isMap(i) && i.has("id"))) return;
      if (JSON.stringify(seq.toJSON()).length <= 72 && !hasMultiline(seq)) seq.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, blockQuote: "literal", flowCollectionPadding: true });
}

/** `id`, `schema_version`, `api_version` and `metadata`, as an iceOS blueprint writes them. */
function about(about: WorkflowAbout | undefined): YamlMap {
  if (!about) return {};
  const metadata: YamlMap = {
    id: about.metadataId,
    name: about.title,
    description: about.description,
    tags: about.tags && [...about.tags],
    draft_name: about.draftName,
  };
  return {
    description: about.summary,
    version: about.version,
    id: about.id,
    blueprint_id: about.blueprintId,
    schema_version: about.schemaVersion,
    api_version: about.apiVersion,
    metadata: Object.values(metadata).some((v) => v !== undefined) ? metadata : undefined,
  };
}

function hasMultiline(node: unknown): boolean {
  if (isScalar(node)) return typeof node.value === "string" && node.value.includes("\n");
  if (isMap(node)) return node.items.some((p) => hasMultiline(p.value));
  if (isSeq(node)) return node.items.some(hasMultiline);
  return false;
}

function node(n: PlanNode): YamlMap {
  const out: YamlMap = { id: n.id, type: n.kind };
  switch (n.kind) {
    case "tool":
      Object.assign(out, { tool_name: n.toolName.name, tool_args: entries(n.args) });
      break;
    case "code":
      Object.assign(out, { imports: n.imports.map((i) => i.name), inputs: entries(n.inputs) });
      break;
    case "condition":
      Object.assign(out, {
        expression: n.source.text,
        true_path: n.truePath.map((t) => t.name),
        false_path: n.falsePath.map((t) => t.name),
      });
      break;
    case "loop":
      Object.assign(out, {
        items_source: value(n.itemsSource),
        item_var: n.itemVar.name === DEFAULT_ITEM_VAR ? undefined : n.itemVar.name,
      });
      if (n.maxParallel === 0) out.parallel = true;
      else if (n.maxParallel !== 1) out.max_parallel = n.maxParallel;
      out.body = n.body.map(node);
      break;
    case "parallel":
      out.branches = n.branches.map((b) => b.map(node));
      break;
    case "workflow":
      Object.assign(out, { workflow_ref: n.workflowRef.name, inputs: entries(n.inputs) });
      break;
    case "llm":
    case "agent":
    case "recursive":
      Object.assign(out, { model: n.model && value(n.model), prompt: template(n.prompt) });
      if (n.kind !== "llm")
        Object.assign(out, {
          tools: n.tools.map((t) => t.name),
          max_iterations: n.maxIterations === DEFAULT_MAX_ITERATIONS ? undefined : n.maxIterations,
          package: n.package?.name,
          memory: n.memory && { backend: n.memory.backend, key: n.memory.key },
        });
      if (n.kind === "recursive")
        Object.assign(out, {
          recursive_sources: n.sources.map((s) => s.name),
          convergence_condition: n.convergence?.source.text,
          max_rounds: n.maxRounds === DEFAULT_MAX_ROUNDS ? undefined : n.maxRounds,
        });
      out.llm_config = n.llmConfig;
      break;
  }
  if (n.dependencies.length > 0) out.dependencies = n.dependencies.map((d) => d.name);
  if (n.inputSchema) out.input_schema = objectType(n.inputSchema, true);
  if (n.outputSchema) out.output_schema = objectType(n.outputSchema, true);
  if (n.retries !== undefined) out.retries = n.retries;
  if (n.retryPolicy)
    out.retry_policy = {
      max_attempts: n.retryPolicy.maxAttempts,
      base_delay_ms: n.retryPolicy.baseDelayMs,
      factor: n.retryPolicy.factor,
      max_delay_ms: n.retryPolicy.maxDelayMs,
    };
  if (n.onFailure) out.on_failure = n.onFailure;
  if (n.timeoutSeconds !== undefined) out.timeout_seconds = n.timeoutSeconds;
  if (n.limits) out.limits = { fuel: n.limits.fuel, memory_mb: n.limits.memoryMb, timeout_ms: n.limits.timeoutMs };
  if (n.trust) out.trust = n.trust.name;
  if (n.title !== undefined) out.name = n.title;
  if (n.description !== undefined) out.description = n.description;
  if (n.kind === "code") out.code = n.code.text;
  return out;
}

function entries(list: readonly ValueEntry[]): YamlMap {
  return Object.fromEntries(list.map((e) => [e.key, value(e.value)]));
}

function value(v: Value): Yaml {
  switch (v.kind) {
    case "ref":
      return `{{ ${referenceText(v)} }}`;
    case "literal":
      return v.value;
    case "template":
      return template(v);
    case "object":
      return entries(v.entries);
    case "array":
      return v.items.map(value);
  }
}

function template(t: TemplateValue): string {
  return t.parts.map((p) => (typeof p === "string" ? p : `{{ ${referenceText(p)} }}`)).join("");
}

/**
 * An object type as a mapping; `keepEmpty` keeps `{}` (a node's schema written empty). A type the
 * short form cannot write (an optional field of object type) is written as JSON Schema.
 */
function objectType(type: ObjectType, keepEmpty = false): Yaml {
  try {
    return shortObjectType(type, keepEmpty);
  } catch (error) {
    if (!(error instanceof PrintError)) throw error;
    return toJsonSchema(type);
  }
}

function shortObjectType(type: ObjectType, keepEmpty = false): Yaml {
  const out = Object.fromEntries(type.fields.map((f) => [f.name, fieldType(f.type, f.optional, f.name)]));
  return keepEmpty || type.fields.length > 0 ? out : {};
}

/** A field's type: `string?`, `integer[]`, a nested mapping, or `[ { ... } ]` for a list of objects. */
function fieldType(type: SchemaType, optional: boolean, field: string): Yaml {
  if (type.kind === "object" || (type.kind === "array" && holdsObject(type))) {
    if (optional)
      throw new PrintError(
        `YAML cannot write the optional field '${field}' of type ${type.kind === "object" ? "object" : "object list"}`,
      );
    return type.kind === "object" ? shortObjectType(type, true) : [fieldType(type.element, false, field)];
  }
  return `${typeText(type)}${optional ? "?" : ""}`;
}

function holdsObject(type: SchemaType): boolean {
  return type.kind === "object" || (type.kind === "array" && holdsObject(type.element));
}

function typeText(type: SchemaType): string {
  return type.kind === "array" ? `${typeText(type.element)}[]` : type.kind;
}

/** Drops undefined fields and empty lists and maps the YAML reader defaults anyway. */
function prune(map: YamlMap): YamlMap {
  const optionalEmpty = new Set(["tool_args", "imports", "inputs", "true_path", "false_path", "tools", "llm_config"]);
  const walk = (v: Yaml, key?: string): Yaml => {
    if (Array.isArray(v)) return v.map((i) => walk(i));
    if (v !== null && typeof v === "object") {
      const out: YamlMap = {};
      for (const [k, item] of Object.entries(v)) {
        if (item === undefined) continue;
        if (key !== "nodes" && optionalEmpty.has(k) && isEmpty(item) && isNodeLike(v)) continue;
        setEntry(out, k, walk(item, k));
      }
      return out;
    }
    return v;
  };
  return walk(map) as YamlMap;
}

function isNodeLike(v: object): boolean {
  return "id" in v && "type" in v;
}

function isEmpty(v: Yaml): boolean {
  return (
    (Array.isArray(v) && v.length === 0) ||
    (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0)
  );
}
