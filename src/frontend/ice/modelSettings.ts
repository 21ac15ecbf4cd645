/**
 * @fileoverview The arguments of `llm`, `agent` and `recursive` nodes: `model` (a name, or a
 * reference with a default: `` model: `${inputs.model ?? "gpt-4o"}` ``), for agents `tools`,
 * `max_iterations`, `package` (a registered implementation) and `memory` (`"redis"` or
 * `{ backend: "redis", key: "k" }`), for recursive nodes also `sources` and `max_rounds`; and
 * everything else provider settings (`llm_config`), written flat
 * (`llm classify(model: "gpt-4o-mini", provider: "openai", temperature: 0)`). An explicit
 * `llm_config: { ... }` argument is merged in, for settings whose names are taken.
 */
import type { ArgumentCstNode, ValueCstNode } from "../../../grammar/index.js";
import { Diagnostics } from "../../diagnostics/index.js";
import type { Span } from "../../diagnostics/index.js";
import {
  MEMORY_BACKENDS,
  setEntry,
  type AgentSettings,
  type TemplateValue,
  type JsonValue,
  type MemoryBackend,
  type MemorySettings,
  type Named,
  type Value,
} from "../../plan/index.js";
import { DEFAULT_MAX_ITERATIONS, DEFAULT_MAX_ROUNDS } from "../../plan/defaults.js";
import { describeValue, nameOf } from "./clauses.js";
import { constantOf, keyText } from "./constants.js";
import type { IceContext } from "./context.js";

export interface ModelSettings {
  readonly model?: Value;
  readonly llmConfig: { readonly [key: string]: JsonValue };
  readonly tools: readonly Named[];
  readonly maxIterations: number;
  readonly package?: Named;
  readonly memory?: MemorySettings;
  readonly sources: readonly Named[];
  readonly maxRounds: number;
}

/** Settings that are not provider settings, by node kind. */
const OWN: { readonly [kind in "llm" | "agent" | "recursive"]: readonly string[] } = {
  llm: ["model", "llm_config"],
  agent: ["model", "llm_config", "tools", "max_iterations", "package", "memory"],
  recursive: ["model", "llm_config", "tools", "max_iterations", "package", "memory", "sources", "max_rounds"],
};

/** Names an .ice node's settings take that a provider setting of the same name would clash with. */
export function ownSettings(kind: "llm" | "agent" | "recursive"): readonly string[] {
  return OWN[kind];
}

/** Reads the arguments; undefined when one could not be read (it was reported). */
export function modelSettings(
  ice: IceContext,
  args: readonly ArgumentCstNode[],
  kind: "llm" | "agent" | "recursive",
  toValue: (value: ValueCstNode) => Value,
): ModelSettings | undefined {
  const config: { [key: string]: JsonValue } = {};
  const seen = new Set<string>();
  let model: Value | undefined;
  let tools: Named[] = [];
  let sources: Named[] = [];
  let maxIterations = DEFAULT_MAX_ITERATIONS;
  let maxRounds = DEFAULT_MAX_ROUNDS;
  let pkg: Named | undefined;
  let memory: MemorySettings | undefined;
  const agentLike = kind !== "llm";
  let ok = true;
  const wrong = (field: string, expected: string, value: ValueCstNode, got: string): void => {
    ice.bag.report(Diagnostics.WrongFieldType, ice.node(value), [field, expected, got]);
    ok = false;
  };
  for (const arg of args) {
    const key = arg.children.key?.[0] && keyText(ice, arg.children.key[0].children);
    const value = arg.children.value?.[0];
    if (!key || !value) continue;
    if (seen.has(key.key)) {
      ice.bag.report(Diagnostics.DuplicateKey, ice.token(key.token), [key.key, `the ${kind} node's settings`]);
      continue;
    }
    seen.add(key.key);
    if (agentLike && (key.key === "tools" || (kind === "recursive" && key.key === "sources"))) {
      const list = toValue(value);
      const items = list.kind === "array" ? list.items : [list];
      const expected = `a list of ${key.key === "tools" ? "tool names" : "node ids"}`;
      const names: Named[] = [];
      for (const item of items) {
        const name = nameOf(item);
        if (name) names.push(name);
        else wrong(key.key, expected, value, describeValue(item));
      }
      if (key.key === "tools") tools = names;
      else sources = names;
      continue;
    }
    if (key.key === "model") {
      const read = toValue(value);
      if (read.kind === "literal" && typeof read.value !== "string")
        wrong("model", "a string or a reference", value, JSON.stringify(read.value));
      else if (read.kind === "object" || read.kind === "array")
        wrong("model", "a string or a reference", value, describeValue(read));
      else model = read;
      continue;
    }
    const constant = constantOf(ice, value, `'${key.key}'`);
    if (constant === undefined) {
      ok = false;
    } else if (agentLike && (key.key === "max_iterations" || (kind === "recursive" && key.key === "max_rounds"))) {
      if (typeof constant === "number" && Number.isInteger(constant) && constant >= 1) {
        if (key.key === "max_iterations") maxIterations = constant;
        else maxRounds = constant;
      } else wrong(key.key, "an integer >= 1", value, JSON.stringify(constant));
    } else if (agentLike && key.key === "package") {
      if (typeof constant === "string") pkg = { name: constant, span: ice.node(value) };
      else wrong("package", "a string", value, JSON.stringify(constant));
    } else if (agentLike && key.key === "memory") {
      memory = memoryOf(constant, ice.node(value));
      if (!memory) wrong("memory", `'memory', 'redis' or { backend, key }`, value, JSON.stringify(constant));
    } else if (key.key === "llm_config") {
      if (constant !== null && typeof constant === "object" && !Array.isArray(constant))
        for (const [k, v] of Object.entries(constant)) setEntry(config, k, v);
      else wrong("llm_config", "an object", value, JSON.stringify(constant));
    } else {
      setEntry(config, key.key, constant);
    }
  }
  if (!ok) return undefined;
  // As in YAML, a model named in llm_config is the node's model (iceOS files put it there).
  const configured = config["model"];
  if (typeof configured === "string") {
    model = { kind: "literal", value: configured, span: ice.node(args[0]!) };
    delete config["model"];
  }
  return {
    llmConfig: config,
    tools,
    maxIterations,
    sources,
    maxRounds,
    ...(model !== undefined && { model }),
    ...(pkg && { package: pkg }),
    ...(memory && { memory }),
  };
}

/** `memory: "redis"` or `memory: { backend: "redis", key: "k" }`. */
function memoryOf(value: JsonValue, span: Span): MemorySettings | undefined {
  const fields = typeof value === "string" ? { backend: value } : value;
  if (fields === null || typeof fields !== "object" || Array.isArray(fields)) return undefined;
  const { backend = "memory", key, ...rest } = fields as { [k: string]: JsonValue };
  if (Object.keys(rest).length > 0 || typeof backend !== "string" || (key !== undefined && typeof key !== "string"))
    return undefined;
  if (!(MEMORY_BACKENDS as readonly string[]).includes(backend)) return undefined;
  return { backend: backend as MemoryBackend, span, ...(key !== undefined && { key }) };
}

/** The agent fields of the plan from read settings and a prompt. */
export function agentSettings(settings: ModelSettings, prompt: TemplateValue): AgentSettings {
  return {
    prompt,
    tools: settings.tools,
    maxIterations: settings.maxIterations,
    llmConfig: settings.llmConfig,
    ...(settings.model !== undefined && { model: settings.model }),
    ...(settings.package && { package: settings.package }),
    ...(settings.memory && { memory: settings.memory }),
  };
}
