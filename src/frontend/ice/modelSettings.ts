/**
 * @fileoverview The arguments of `llm` and `agent` nodes: `model`, for agents `tools` and
 * `max_iterations`, and everything else provider settings (`llm_config`), written flat
 * (`llm classify(model: "gpt-4o-mini", provider: "openai", temperature: 0)`). An explicit
 * `llm_config: { ... }` argument is merged in, for settings whose names are taken.
 */
import type { ArgumentCstNode, ValueCstNode } from "../../../grammar/index.js";
import { Diagnostics } from "../../diagnostics/index.js";
import { setEntry, type JsonValue, type Named, type Value } from "../../plan/index.js";
import { DEFAULT_MAX_ITERATIONS } from "../yaml/fieldTable.js";
import { describeValue, nameOf } from "./clauses.js";
import { constantOf, keyText } from "./constants.js";
import type { IceContext } from "./context.js";

export interface ModelSettings {
  readonly model?: string;
  readonly llmConfig: { readonly [key: string]: JsonValue };
  readonly tools: readonly Named[];
  readonly maxIterations: number;
}

/** Reads the arguments; undefined when one could not be read (it was reported). */
export function modelSettings(
  ice: IceContext,
  args: readonly ArgumentCstNode[],
  kind: "llm" | "agent",
  valueOf?: (value: ValueCstNode) => Value,
): ModelSettings | undefined {
  const config: { [key: string]: JsonValue } = {};
  const seen = new Set<string>();
  let model: string | undefined;
  let tools: Named[] = [];
  let maxIterations = DEFAULT_MAX_ITERATIONS;
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
    if (kind === "agent" && key.key === "tools" && valueOf) {
      const list = valueOf(value);
      const items = list.kind === "array" ? list.items : [list];
      tools = items.flatMap(
        (item) => nameOf(item) ?? (wrong("tools", "a list of tool names", value, describeValue(item)), []),
      );
      continue;
    }
    const constant = constantOf(ice, value, `'${key.key}'`);
    if (constant === undefined) {
      ok = false;
    } else if (key.key === "model") {
      if (typeof constant === "string") model = constant;
      else wrong("model", "a string", value, JSON.stringify(constant));
    } else if (kind === "agent" && key.key === "max_iterations") {
      if (typeof constant === "number" && Number.isInteger(constant) && constant >= 1) maxIterations = constant;
      else wrong("max_iterations", "an integer >= 1", value, JSON.stringify(constant));
    } else if (key.key === "llm_config") {
      if (constant !== null && typeof constant === "object" && !Array.isArray(constant))
        for (const [k, v] of Object.entries(constant)) setEntry(config, k, v);
      else wrong("llm_config", "an object", value, JSON.stringify(constant));
    } else {
      setEntry(config, key.key, constant);
    }
  }
  return ok ? { llmConfig: config, tools, maxIterations, ...(model !== undefined && { model }) } : undefined;
}
