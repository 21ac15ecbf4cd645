/**
 * @fileoverview The OpenAI-compatible chat completions protocol (OpenAI, and through `base_url`
 * Ollama, vLLM, llama.cpp, LM Studio, ...), on the official `openai` SDK: streaming over SSE with
 * token callbacks, tool calls, structured output as `response_format: json_schema`, usage.
 * Retries and timeouts are ours (see `retry.ts`), so waits stay cancellable.
 */
import type OpenAI from "openai";
import { ProviderRequestError } from "../errors.js";
import type { ChatMessage, LlmProvider, LlmRequest, LlmResponse, TokenUsage, ToolCall } from "../options.js";
import {
  allRequired,
  isAsyncIterable,
  numberOf,
  parseArguments,
  performRequest,
  requestSettings,
  clientsByEndpoint,
  modelOf,
  resolveEndpoint,
  stringOf,
  type ProviderOptions,
} from "./common.js";

const ENDPOINT = {
  name: "OpenAI",
  baseUrlEnv: "OPENAI_BASE_URL",
  apiKeyEnv: "OPENAI_API_KEY",
  defaultBaseURL: "https://api.openai.com/v1",
};
const DEFAULT_MODEL = "gpt-4o-mini";

/** An `LlmProvider` speaking the OpenAI chat completions API. */
export function openAiProvider(options: ProviderOptions = {}): LlmProvider {
  const clientFor = clientsByEndpoint(async ({ baseURL, apiKey }) => {
    const { default: OpenAIClient } = await import("openai");
    return new OpenAIClient({
      apiKey: apiKey ?? "not-needed",
      baseURL,
      maxRetries: 0,
      timeout: 86_400_000,
      ...(options.headers && { defaultHeaders: options.headers }),
    });
  });
  return {
    async complete(request: LlmRequest): Promise<LlmResponse> {
      const endpoint = resolveEndpoint(request, options, ENDPOINT);
      return send(await clientFor(endpoint), endpoint.baseURL, request, options);
    },
  };
}

async function send(
  client: OpenAI,
  baseURL: string,
  request: LlmRequest,
  options: ProviderOptions,
): Promise<LlmResponse> {
  const settings = requestSettings(options, request.config);
  const model = modelOf(request, options, "OPENAI_MODEL", DEFAULT_MODEL);
  const body = requestBody(model, request, settings.stream);
  return performRequest(
    request,
    baseURL,
    settings,
    (signal) => client.chat.completions.create(body as never, { signal }) as Promise<unknown>,
    (reply) =>
      settings.stream && isAsyncIterable<OpenAI.Chat.ChatCompletionChunk>(reply)
        ? readStream(reply, request, baseURL)
        : readCompletion(reply as OpenAI.Chat.ChatCompletion, request.nodeId, baseURL),
  );
}

function requestBody(model: string, request: LlmRequest, stream: boolean): Record<string, unknown> {
  const c = request.config;
  const system = stringOf(c["system"]);
  const schema = request.outputSchema;
  return {
    model,
    messages: [...(system ? [{ role: "system", content: system }] : []), ...request.messages.map(toWire)],
    ...(numberOf(c["temperature"]) !== undefined && { temperature: c["temperature"] }),
    ...(numberOf(c["top_p"]) !== undefined && { top_p: c["top_p"] }),
    ...(numberOf(c["max_tokens"]) !== undefined && { max_tokens: c["max_tokens"] }),
    ...(numberOf(c["max_completion_tokens"]) !== undefined && { max_completion_tokens: c["max_completion_tokens"] }),
    ...(numberOf(c["seed"]) !== undefined && { seed: c["seed"] }),
    ...(c["stop"] !== undefined && { stop: c["stop"] }),
    ...(request.tools &&
      request.tools.length > 0 && {
        tools: request.tools.map((t) => ({
          type: "function",
          function: { name: t.name, description: t.description, parameters: t.parameters },
        })),
      }),
    ...(schema && {
      response_format: { type: "json_schema", json_schema: { name: "output", schema, strict: allRequired(schema) } },
    }),
    ...(stream && { stream: true, stream_options: { include_usage: true } }),
  };
}

function toWire(message: ChatMessage): Record<string, unknown> {
  switch (message.role) {
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId ?? "", content: message.content };
    case "assistant":
      return message.toolCalls && message.toolCalls.length > 0
        ? {
            role: "assistant",
            content: message.content || null,
            tool_calls: message.toolCalls.map((call) => ({
              id: call.id,
              type: "function",
              function: { name: call.name, arguments: call.invalidArguments ?? JSON.stringify(call.arguments) },
            })),
          }
        : { role: "assistant", content: message.content };
    default:
      return { role: message.role, content: message.content };
  }
}

function readCompletion(completion: OpenAI.Chat.ChatCompletion, nodeId: string, baseURL: string): LlmResponse {
  const choice = completion.choices?.[0];
  if (!choice) throw new ProviderRequestError(nodeId, "bad_reply", `reply from ${baseURL} has no choices`);
  const calls = (choice.message.tool_calls ?? []).flatMap((call): ToolCall[] =>
    call.type === "function"
      ? [{ id: call.id, name: call.function.name, ...parseArguments(call.function.arguments ?? "") }]
      : [],
  );
  return {
    text: choice.message.content ?? "",
    ...(calls.length > 0 && { toolCalls: calls }),
    ...(completion.usage && {
      usage: {
        inputTokens: completion.usage.prompt_tokens ?? 0,
        outputTokens: completion.usage.completion_tokens ?? 0,
      },
    }),
    ...(completion.model && { model: completion.model }),
    ...(choice.finish_reason && { stopReason: choice.finish_reason }),
  };
}

interface PartialCall {
  id: string;
  name: string;
  args: string;
}

async function readStream(
  stream: AsyncIterable<OpenAI.Chat.ChatCompletionChunk>,
  request: LlmRequest,
  baseURL: string,
): Promise<LlmResponse> {
  let text = "";
  let usage: TokenUsage | undefined;
  let model: string | undefined;
  let finish: string | undefined;
  const calls: PartialCall[] = [];
  for await (const chunk of stream) {
    if (chunk.model) model = chunk.model;
    if (chunk.usage)
      usage = { inputTokens: chunk.usage.prompt_tokens ?? 0, outputTokens: chunk.usage.completion_tokens ?? 0 };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta ?? {};
    if (typeof delta.content === "string" && delta.content !== "") {
      text += delta.content;
      request.onToken?.(delta.content);
    }
    for (const part of delta.tool_calls ?? []) {
      calls[part.index ?? 0] ??= { id: "", name: "", args: "" };
      const slot = calls[part.index ?? 0]!;
      if (part.id) slot.id = part.id;
      if (part.function?.name && !slot.name) slot.name = part.function.name;
      if (part.function?.arguments) slot.args += part.function.arguments;
    }
    if (choice.finish_reason) finish = choice.finish_reason;
  }
  if (finish === undefined) {
    throw new ProviderRequestError(
      request.nodeId,
      "stream_cut",
      `stream from ${baseURL} ended before the reply was complete (no finish_reason)`,
    );
  }
  const toolCalls = calls
    .filter((c) => c !== undefined)
    .map((c, i): ToolCall => ({ id: c.id || `call_${i}`, name: c.name, ...parseArguments(c.args) }));
  return {
    text,
    ...(toolCalls.length > 0 && { toolCalls }),
    ...(usage && { usage }),
    ...(model && { model }),
    stopReason: finish,
  };
}
