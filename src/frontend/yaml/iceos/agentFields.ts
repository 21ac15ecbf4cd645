/**
 * @fileoverview Model and agent fields of llm, agent and recursive nodes, in the plain and the
 * iceOS spellings:
 *
 * - `model`, or `llm_config.model` (which wins: iceOS files put the input-driven choice there,
 *   `model: "{{ inputs.model or 'gpt-4o' }}"`); either may be a reference with a default.
 * - `provider` on the node goes into `llm_config.provider` (the one in llm_config wins); an llm
 *   node's flat `temperature`/`max_tokens` likewise.
 * - `prompt`, or `agent_config.prompt`; `agent_config.system_prompt` becomes
 *   `llm_config.system` (the system message), its `max_iterations`/`tools` count where the node does not set them.
 * - `package` / `agent_package`: a registered implementation's name.
 * - `memory: { backend: memory | redis, key? }` (or `memory: redis`).
 *
 * Without a prompt, an agent's task is the outputs of its dependencies (recursive: its sources),
 * one per line, or else the workflow inputs: the prompt is written into the plan, so `convert`
 * shows it.
 */
import { isMap, isScalar, type Node } from "yaml";
import { didYouMean, Diagnostics, type Span } from "../../../diagnostics/index.js";
import {
  MEMORY_BACKENDS,
  type AgentSettings,
  type JsonValue,
  type MemoryBackend,
  type MemorySettings,
  type ModelSettings,
  type Named,
  type TemplateValue,
  type Value,
} from "../../../plan/index.js";
import { isNull, type MapEntry, type YamlContext } from "../context.js";
import { DEFAULT_MAX_ITERATIONS } from "../../../plan/defaults.js";
import { AGENT_CONFIG_FIELDS, MEMORY_FIELDS } from "../fieldTable.js";
import { jsonOf, readJsonMap, readTemplate, readValue } from "../values.js";

type FieldMap = ReadonlyMap<string, MapEntry>;

/** Spellings of the in-process backend. */
const MEMORY_ALIASES: { readonly [written: string]: MemoryBackend } = {
  memory: "memory",
  in_memory: "memory",
  inmemory: "memory",
  local: "memory",
  redis: "redis",
};

/** model, llm_config, provider (and for llm nodes temperature, max_tokens). */
export function readModelSettings(ctx: YamlContext, fields: FieldMap): ModelSettings {
  const configEntry = fields.get("llm_config");
  const llmConfig: { [key: string]: JsonValue } = {};
  let model: Value | undefined;
  const modelEntry = fields.get("model");
  if (modelEntry) model = readModel(ctx, modelEntry);
  if (configEntry && !isNull(configEntry.value)) {
    const entries = ctx.mapping(configEntry.value, "'llm_config'", configEntry.keySpan) ?? [];
    const rest = entries.filter((e) => e.key !== "model");
    Object.assign(llmConfig, readJsonMap(ctx, configEntry, rest));
    const inner = entries.find((e) => e.key === "model");
    if (inner) model = readModel(ctx, inner) ?? model;
  }
  for (const flat of ["provider", "temperature", "max_tokens"]) {
    const entry = fields.get(flat);
    if (!entry || flat in llmConfig) continue;
    llmConfig[flat] = jsonOf(ctx, entry.value);
  }
  return { llmConfig, ...(model && { model }) };
}

function readModel(ctx: YamlContext, entry: MapEntry): Value | undefined {
  if (!isScalar(entry.value) || typeof entry.value.value !== "string")
    return ctx.wrongType(
      "model",
      "a model name or a reference ('{{ inputs.model or \"gpt-4o\" }}')",
      entry.value,
      entry.keySpan,
    );
  return readValue(ctx, entry.value, entry.keySpan);
}

/** Everything agent and recursive nodes share; `context` names what a prompt-less agent works on. */
export function readAgentSettings(
  ctx: YamlContext,
  fields: FieldMap,
  at: Span,
  context: readonly Named[],
): AgentSettings | undefined {
  const settings = readModelSettings(ctx, fields);
  const agentConfig = readAgentConfig(ctx, fields.get("agent_config"));
  const promptEntry = fields.get("prompt") ?? agentConfig.get("prompt");
  const prompt = promptEntry ? readTemplate(ctx, promptEntry) : implicitPrompt(context, at);
  const toolsEntry = fields.get("tools") ?? agentConfig.get("tools");
  const tools = toolsEntry ? ctx.names(toolsEntry) : [];
  const iterationsEntry = fields.get("max_iterations") ?? agentConfig.get("max_iterations");
  const maxIterations = iterationsEntry
    ? ctx.number(iterationsEntry, { integer: true, min: 1 })
    : DEFAULT_MAX_ITERATIONS;
  const system = agentConfig.get("system_prompt");
  if (system && !("system" in settings.llmConfig)) {
    const text = ctx.string(system);
    if (text !== undefined) (settings.llmConfig as { [key: string]: JsonValue })["system"] = text;
  }
  const pkg = readPackage(ctx, fields);
  const memoryEntry = fields.get("memory");
  const memory = memoryEntry ? readMemory(ctx, memoryEntry) : undefined;
  if (!prompt || maxIterations === undefined) return undefined;
  return {
    ...settings,
    prompt,
    tools,
    maxIterations,
    ...(pkg && { package: pkg }),
    ...(memory && { memory }),
  };
}

/** `agent_config`: its known fields by name; others are reported (they would be dropped). */
function readAgentConfig(ctx: YamlContext, entry: MapEntry | undefined): Map<string, MapEntry> {
  const out = new Map<string, MapEntry>();
  if (!entry || isNull(entry.value)) return out;
  for (const field of ctx.mapping(entry.value, "'agent_config'", entry.keySpan) ?? []) {
    if (AGENT_CONFIG_FIELDS.includes(field.key)) out.set(field.key, field);
    else
      ctx.bag.report(Diagnostics.UnknownEntryField, field.keySpan, [
        field.key,
        "'agent_config'",
        didYouMean(field.key, AGENT_CONFIG_FIELDS),
      ]);
  }
  return out;
}

/** `package` or `agent_package` (not both). */
function readPackage(ctx: YamlContext, fields: FieldMap): Named | undefined {
  const own = fields.get("package");
  const other = fields.get("agent_package");
  if (own && other) {
    ctx.bag.report(Diagnostics.BadIceosField, other.keySpan, [
      "'package' and 'agent_package' name the same thing: give one of them",
    ]);
  }
  const entry = own ?? other;
  return entry && ctx.named(entry);
}

/** memory : backend | { backend, key? } */
function readMemory(ctx: YamlContext, entry: MapEntry): MemorySettings | undefined {
  const value: Node | null = entry.value;
  let backendEntry: MapEntry | undefined;
  let key: string | undefined;
  if (isScalar(value)) backendEntry = entry;
  else if (isMap(value)) {
    for (const field of ctx.mapping(value, "'memory'", entry.keySpan) ?? []) {
      if (field.key === "backend") backendEntry = field;
      else if (field.key === "key") key = ctx.string(field);
      else
        ctx.bag.report(Diagnostics.UnknownEntryField, field.keySpan, [
          field.key,
          "'memory'",
          didYouMean(field.key, MEMORY_FIELDS),
        ]);
    }
  } else return ctx.wrongType("memory", "a mapping such as '{ backend: redis }'", value, entry.keySpan);
  const span = ctx.span(value, entry.keySpan);
  if (!backendEntry) return { backend: "memory", span, ...(key !== undefined && { key }) };
  const written = ctx.string(backendEntry);
  if (written === undefined) return undefined;
  const alias = written.toLowerCase();
  const backend = Object.hasOwn(MEMORY_ALIASES, alias) ? MEMORY_ALIASES[alias] : undefined;
  if (!backend) {
    ctx.bag.report(Diagnostics.WrongFieldType, ctx.span(backendEntry.value), [
      "backend",
      MEMORY_BACKENDS.map((b) => `'${b}'`).join(" or "),
      `'${written}'${didYouMean(written, Object.keys(MEMORY_ALIASES))}`,
    ]);
    return undefined;
  }
  return { backend, span, ...(key !== undefined && { key }) };
}

/** The task of an agent written without a prompt: what it depends on, else the workflow inputs. */
function implicitPrompt(context: readonly Named[], at: Span): TemplateValue {
  if (context.length === 0)
    return { kind: "template", parts: ["Inputs: ", { kind: "ref", path: ["inputs"], span: at }], span: at };
  const parts: TemplateValue["parts"][number][] = [];
  context.forEach((dep, index) => {
    parts.push(`${index > 0 ? "\n" : ""}${dep.name}: `);
    parts.push({ kind: "ref", path: [dep.name], span: dep.span });
  });
  return { kind: "template", parts, span: at };
}
