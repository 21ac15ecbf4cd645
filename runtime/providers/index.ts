/**
 * @fileoverview LLM providers over HTTP: OpenAI-compatible chat completions and Anthropic
 * Messages, and the default provider that picks one per request from `llm_config.provider`.
 */
import { IceError } from "../errors.js";
import type { LlmProvider, LlmRequest, LlmResponse } from "../options.js";
import { anthropicProvider } from "./anthropic.js";
import type { ProviderOptions } from "./common.js";
import { openAiProvider } from "./openai.js";

export { anthropicProvider } from "./anthropic.js";
export { openAiProvider } from "./openai.js";
export type { ProviderOptions } from "./common.js";
export { LIST_PRICES, costOf, priceOf } from "./pricing.js";

/** Options of `defaultProvider`. */
export interface DefaultProviderOptions {
  readonly openai?: ProviderOptions;
  readonly anthropic?: ProviderOptions;
  /** Provider of nodes that name none and whose model does not tell (default: from the environment's keys, else `openai`). */
  readonly fallback?: "openai" | "anthropic";
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The provider generated modules use when `options.llm` is not given: per request, `llm_config.provider`
 * (`openai` or `anthropic`) picks the protocol; without it a `claude-*` model means Anthropic, and
 * otherwise the protocol whose key or base URL is set in the environment (OpenAI when both or neither).
 */
export function defaultProvider(options: DefaultProviderOptions = {}): LlmProvider {
  const env = options.env ?? process.env;
  let openai: LlmProvider | undefined;
  let anthropic: LlmProvider | undefined;
  return {
    complete(request: LlmRequest): Promise<LlmResponse> {
      const name = pick(request, options.fallback, env);
      if (name === "anthropic") {
        anthropic ??= anthropicProvider({ env, ...options.anthropic });
        return anthropic.complete(request);
      }
      if (name === "openai") {
        openai ??= openAiProvider({ env, ...options.openai });
        return openai.complete(request);
      }
      return Promise.reject(
        new IceError(
          "ICE_PROVIDER_MISSING",
          `unknown llm_config.provider '${name}' (expected openai or anthropic)`,
          request.nodeId,
        ),
      );
    },
  };
}

function pick(
  request: LlmRequest,
  fallback: "openai" | "anthropic" | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const named = request.config["provider"];
  if (typeof named === "string" && named !== "") return named.toLowerCase();
  if (request.model?.startsWith("claude")) return "anthropic";
  if (fallback) return fallback;
  const hasOpenAi = Boolean(env["OPENAI_API_KEY"] || env["OPENAI_BASE_URL"]);
  const hasAnthropic = Boolean(env["ANTHROPIC_API_KEY"] || env["ANTHROPIC_BASE_URL"]);
  return hasAnthropic && !hasOpenAi ? "anthropic" : "openai";
}
