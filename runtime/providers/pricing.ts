/**
 * @fileoverview Cost of a model call from its token usage. A small table of list prices (US
 * dollars per million tokens, as published when this file was written; override with
 * `options.pricing` or `llm_config.pricing`) matched by model-name prefix, longest first.
 */
import type { ModelPrice, TokenUsage } from "../options.js";
import { numberOf } from "./common.js";

export const LIST_PRICES: Readonly<Record<string, ModelPrice>> = {
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
  "claude-3-5-haiku": { inputPerMillion: 0.8, outputPerMillion: 4 },
  "claude-haiku-4-5": { inputPerMillion: 1, outputPerMillion: 5 },
  "claude-sonnet-4": { inputPerMillion: 3, outputPerMillion: 15 },
  "claude-3-7-sonnet": { inputPerMillion: 3, outputPerMillion: 15 },
  "claude-opus-4": { inputPerMillion: 15, outputPerMillion: 75 },
};

/** The price of `model`: `llm_config.pricing` first, then `overrides`, then the list; undefined if unknown. */
export function priceOf(
  model: string,
  config: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, ModelPrice>> | undefined,
): ModelPrice | undefined {
  const own = config["pricing"] as Record<string, unknown> | undefined;
  if (own && typeof own === "object") {
    const input = numberOf(own["input_per_million"]);
    const output = numberOf(own["output_per_million"]);
    if (input !== undefined && output !== undefined) return { inputPerMillion: input, outputPerMillion: output };
  }
  const table = { ...LIST_PRICES, ...overrides };
  // Own entries only: a model named `constructor` found Object.prototype's member (a NaN cost).
  if (Object.hasOwn(table, model) && table[model]) return table[model];
  const prefix = Object.keys(table)
    .filter((name) => model.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? table[prefix] : undefined;
}

/** Dollars for `usage` at `price`. */
export function costOf(usage: TokenUsage, price: ModelPrice): number {
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}
