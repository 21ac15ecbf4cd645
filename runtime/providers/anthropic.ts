/**
 * @fileoverview The Anthropic Messages protocol, on the official `@anthropic-ai/sdk`: streaming
 * over SSE with token callbacks, tool use, structured output as a forced `output` tool whose input
 * schema is the node's output schema, usage. Retries and timeouts are ours (see `retry.ts`).
 */
import type Anthropic from "@anthropic-ai/sdk";
import { ProviderRequestError } from "../errors.js";
import type { ChatMessage, LlmProvider, LlmRequest, LlmResponse, TokenUsage, ToolCall } from "../options.js";
import {
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
  name: "Anthropic",
  baseUrlEnv: "ANTHROPIC_BASE_URL",
  apiKeyEnv: "ANTHROPIC_API_KEY",
  defaultBaseURL: "https://api.anthropic.com",
};
const DEFAULT_MODEL = "claude-sonnet-4-6";
const DEFAULT_MAX_TOKENS = 4096;
const API_VERSION = "2023-06-01";
/** Name of the tool that carries structured output. */
const OUTPUT_TOOL = "output";

/** An `LlmProvider` speaking the Anthropic Messages API. */
export function anthropicProvider(options: ProviderOptions = {}): LlmProvider {
  const clientFor = clientsByEndpoint(async ({ baseURL, apiKey }) => {
    // The documented wire protocol: `x-api-key` (the SDK would send a bearer token) and the stable API version.
    const defaultHeaders = {
      "x-api-key": apiKey ?? "not-needed",
      authorization: null,
      "anthropic-version": API_VERSION,
      ...options.headers,
    };
    const { default: AnthropicClient } = await import("@anthropic-ai/sdk");
    return new AnthropicClient({
      apiKey: apiKey ?? "not-needed",
      baseURL,
      maxRetries: 0,
      timeout: 86_400_000,
      defaultHeaders,
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
  client: Anthropic,
  baseURL: string,
  request: LlmRequest,
  options: ProviderOptions,
): Promise<LlmResponse> {
  const settings = requestSettings(options, request.config);
  const model = modelOf(request, options, "ANTHROPIC_MODEL", DEFAULT_MODEL);
  const body = requestBody(model, request, settings.stream);
  return performRequest(
    request,
    baseURL,
    settings,
    (signal) => client.messages.create(body as never, { signal }) as Promise<unknown>,
    async (reply) => {
      const response =
        settings.stream && isAsyncIterable<Anthropic.RawMessageStreamEvent>(reply)
          ? await readStream(reply, request, baseURL)
          : readMessage(reply as Anthropic.Message);
      return request.outputSchema ? structured(response) : response;
    },
  );
}

function requestBody(model: string, request: LlmRequest, stream: boolean): Record<string, unknown> {
  const c = request.config;
  const system = [stringOf(c["system"]), ...request.messages.filter((m) => m.role === "system").map((m) => m.content)]
    .filter(Boolean)
    .join("\n\n");
  const tools = [
    ...(request.tools ?? []).map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: objectSchema(t.parameters),
    })),
    ...(request.outputSchema
      ? [
          {
            name: OUTPUT_TOOL,
            description: "Reply with your answer as this tool's input.",
            input_schema: objectSchema(request.outputSchema),
          },
        ]
      : []),
  ];
  return {
    model,
    max_tokens: numberOf(c["max_tokens"]) ?? DEFAULT_MAX_TOKENS,
    messages: toWire(request.messages),
    ...(system && { system }),
    ...(numberOf(c["temperature"]) !== undefined && { temperature: c["temperature"] }),
    ...(numberOf(c["top_p"]) !== undefined && { top_p: c["top_p"] }),
    ...(numberOf(c["top_k"]) !== undefined && { top_k: c["top_k"] }),
    ...(c["stop"] !== undefined && { stop_sequences: Array.isArray(c["stop"]) ? c["stop"] : [c["stop"]] }),
    ...(tools.length > 0 && { tools }),
    ...(request.outputSchema && { tool_choice: { type: "tool", name: OUTPUT_TOOL } }),
    ...(stream && { stream: true }),
  };
}

function objectSchema(schema: object): object {
  return (schema as { type?: unknown }).type === "object" ? schema : { type: "object", properties: {}, ...schema };
}

type WireBlock = Record<string, unknown>;

/** Chat messages as Anthropic turns: tool results go back in user turns, consecutive ones merged. */
function toWire(messages: readonly ChatMessage[]): { role: "user" | "assistant"; content: string | WireBlock[] }[] {
  const turns: { role: "user" | "assistant"; content: string | WireBlock[] }[] = [];
  for (const message of messages) {
    if (message.role === "system") continue;
    if (message.role === "tool") {
      const block = { type: "tool_result", tool_use_id: message.toolCallId ?? "", content: message.content };
      const last = turns.at(-1);
      if (
        last &&
        last.role === "user" &&
        Array.isArray(last.content) &&
        last.content.every((b) => b["type"] === "tool_result")
      )
        last.content.push(block);
      else turns.push({ role: "user", content: [block] });
    } else if (message.role === "assistant") {
      const blocks: WireBlock[] = [
        ...(message.content ? [{ type: "text", text: message.content }] : []),
        ...(message.toolCalls ?? []).map((call) => ({
          type: "tool_use",
          id: call.id,
          name: call.name,
          input: call.arguments,
        })),
      ];
      turns.push({ role: "assistant", content: blocks.length > 0 ? blocks : [{ type: "text", text: "" }] });
    } else {
      turns.push({ role: "user", content: message.content });
    }
  }
  return turns;
}

function readMessage(message: Anthropic.Message): LlmResponse {
  let text = "";
  const toolCalls: ToolCall[] = [];
  for (const block of message.content ?? []) {
    if (block.type === "text") text += block.text;
    else if (block.type === "tool_use")
      toolCalls.push({ id: block.id, name: block.name, arguments: (block.input ?? {}) as Record<string, unknown> });
  }
  return {
    text,
    ...(toolCalls.length > 0 && { toolCalls }),
    ...(message.usage && {
      usage: { inputTokens: message.usage.input_tokens ?? 0, outputTokens: message.usage.output_tokens ?? 0 },
    }),
    ...(message.model && { model: message.model }),
    ...(message.stop_reason && { stopReason: message.stop_reason }),
  };
}

interface Block {
  readonly type: string;
  text: string;
  readonly id: string;
  readonly name: string;
  json: string;
}

async function readStream(
  stream: AsyncIterable<Anthropic.RawMessageStreamEvent>,
  request: LlmRequest,
  baseURL: string,
): Promise<LlmResponse> {
  const blocks: Block[] = [];
  let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let model: string | undefined;
  let stopReason: string | undefined;
  let stopped = false;
  for await (const event of stream) {
    switch (event.type) {
      case "message_start":
        model = event.message.model;
        usage = {
          inputTokens: event.message.usage?.input_tokens ?? 0,
          outputTokens: event.message.usage?.output_tokens ?? 0,
        };
        break;
      case "content_block_start": {
        const b = event.content_block as { type: string; text?: string; id?: string; name?: string };
        blocks[event.index] = { type: b.type, text: b.text ?? "", id: b.id ?? "", name: b.name ?? "", json: "" };
        if (b.text) request.onToken?.(b.text);
        break;
      }
      case "content_block_delta": {
        const block = blocks[event.index];
        const delta = event.delta as { type: string; text?: string; partial_json?: string };
        if (!block) break;
        if (delta.type === "text_delta" && delta.text) {
          block.text += delta.text;
          request.onToken?.(delta.text);
        } else if (delta.type === "input_json_delta" && delta.partial_json) {
          block.json += delta.partial_json;
          if (block.name === OUTPUT_TOOL && request.outputSchema) request.onToken?.(delta.partial_json);
        }
        break;
      }
      case "message_delta":
        if (event.delta.stop_reason) stopReason = event.delta.stop_reason;
        if (event.usage?.output_tokens !== undefined)
          usage = { inputTokens: usage.inputTokens, outputTokens: event.usage.output_tokens };
        break;
      case "message_stop":
        stopped = true;
        break;
      default:
        break;
    }
  }
  if (!stopped)
    throw new ProviderRequestError(
      request.nodeId,
      "stream_cut",
      `stream from ${baseURL} ended before the reply was complete (no message_stop)`,
    );
  const text = blocks
    .filter((b) => b?.type === "text")
    .map((b) => b.text)
    .join("");
  const toolCalls = blocks
    .filter((b) => b?.type === "tool_use")
    .map((b): ToolCall => ({ id: b.id, name: b.name, ...parseArguments(b.json) }));
  return {
    text,
    ...(toolCalls.length > 0 && { toolCalls }),
    usage,
    ...(model && { model }),
    ...(stopReason && { stopReason }),
  };
}

/** Structured output: the forced `output` tool's input is the reply; a plain text reply is kept as is. */
function structured(response: LlmResponse): LlmResponse {
  const call = response.toolCalls?.find((c) => c.name === OUTPUT_TOOL);
  if (!call) return response;
  const { toolCalls: _ignored, ...rest } = response;
  return { ...rest, text: call.invalidArguments ?? JSON.stringify(call.arguments) };
}
