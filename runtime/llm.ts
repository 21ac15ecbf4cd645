/**
 * @fileoverview llm and agent nodes on top of an `LlmProvider`: one call with optional structured
 * output, and the agent's tool-calling loop with memory. Both report tokens, usage and steps as
 * run events.
 */
import {
  AbortedError,
  OutputInvalidError,
  ProviderFailedError,
  ProviderMissingError,
  ToolMissingError,
  IceError,
  ToolFailedError,
  messageOf,
} from "./errors.js";
import type {
  AgentMemory,
  ChatMessage,
  LlmProvider,
  LlmRequest,
  LlmResponse,
  ModelPrice,
  RequestGrants,
  RunEvent,
  ToolFunction,
  ToolSpec,
} from "./options.js";
import { ownValue } from "./records.js";
import { validateValue, type SchemaType } from "./schema.js";
import { toJsonSchema } from "./jsonSchema.js";
import { costOf, priceOf } from "./providers/pricing.js";
import type { UsageMeter } from "./usage.js";

export interface LlmCall {
  readonly prompt: string;
  readonly model?: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

export interface AgentCall extends LlmCall {
  readonly tools: readonly string[];
  readonly maxIterations: number;
}

/** What an llm or agent node runs with. */
export interface LlmContext {
  readonly nodeId: string;
  readonly provider: LlmProvider | undefined;
  /** This attempt's signal (run cancellation and node timeout). */
  readonly signal: AbortSignal;
  readonly emit: (event: RunEvent) => void;
  /** Tokens and cost of this attempt. */
  readonly meter?: UsageMeter;
  readonly pricing?: Readonly<Record<string, ModelPrice>>;
  readonly memory?: AgentMemory;
  /** The operator's grants for model requests (hosts, environment variables). */
  readonly grants?: RequestGrants;
}

/** Tool signatures offered to an agent, by name. */
export type AgentToolSpecs = Readonly<Record<string, { readonly description: string; readonly parameters: object }>>;

/** One model call. With an output type, the reply is parsed as JSON and validated. */
export async function callLlm(
  context: LlmContext,
  call: LlmCall,
  outputType: SchemaType | undefined,
): Promise<unknown> {
  const structured =
    outputType !== undefined &&
    outputType.kind === "object" &&
    !(outputType.fields.length === 1 && outputType.fields[0]!.name === "text");
  const response = await complete(
    context,
    call,
    [{ role: "user", content: call.prompt }],
    structured ? { outputSchema: toJsonSchema(outputType) } : {},
  );
  if (!structured) return { text: response.text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripFences(response.text));
  } catch {
    throw new OutputInvalidError(context.nodeId, `model reply is not JSON: ${response.text.slice(0, 200)}`);
  }
  const problem = validateValue(parsed, outputType, "output");
  if (problem) throw new OutputInvalidError(context.nodeId, problem);
  return parsed;
}

/**
 * Tool-calling loop: ask, run the tools the model calls, answer back, until it stops calling or
 * `maxIterations` model calls were made. With `llm_config.memory_key`, the conversation is loaded
 * from and appended to `context.memory` under that key.
 */
export async function runAgent(
  context: LlmContext,
  call: AgentCall,
  tools: Readonly<Record<string, ToolFunction>>,
  specs: AgentToolSpecs,
): Promise<{ text: string; iterations: number }> {
  const { nodeId, signal, emit } = context;
  if (!context.provider) throw new ProviderMissingError(nodeId);
  const offered: ToolSpec[] = call.tools.map((name) => ({
    name,
    description: ownValue(specs, name)?.description ?? name,
    parameters: ownValue(specs, name)?.parameters ?? { type: "object" },
  }));
  for (const name of call.tools)
    if (typeof ownValue(tools, name) !== "function") throw new ToolMissingError(nodeId, name);
  const memoryKey = typeof call.config?.["memory_key"] === "string" ? (call.config["memory_key"] as string) : undefined;
  const memory = memoryKey !== undefined ? context.memory : undefined;
  const messages: ChatMessage[] = [...(memory ? await memory.load(memoryKey!) : [])];
  const remember = async (added: ChatMessage[]): Promise<void> => {
    messages.push(...added);
    if (memory) await memory.append(memoryKey!, added);
  };
  await remember([{ role: "user", content: call.prompt }]);
  for (let iteration = 1; iteration <= call.maxIterations; iteration++) {
    const response = await complete(context, call, messages, { tools: offered });
    const calls = response.toolCalls ?? [];
    emit({ type: "agent_step", nodeId, iteration, toolCalls: calls.map((c) => c.name), text: response.text });
    if (calls.length === 0) {
      await remember([{ role: "assistant", content: response.text }]);
      return { text: response.text, iterations: iteration };
    }
    const answers: ChatMessage[] = [];
    for (const toolCall of calls) {
      const tool = ownValue(tools, toolCall.name);
      const started = performance.now();
      let content: string;
      let failure: string | undefined;
      if (!call.tools.includes(toolCall.name) || !tool)
        failure = `tool '${toolCall.name}' is not available; available: ${call.tools.join(", ") || "none"}`;
      else if (toolCall.invalidArguments !== undefined)
        failure = `arguments are not a JSON object: ${toolCall.invalidArguments.slice(0, 200)}`;
      if (failure === undefined) {
        try {
          content = JSON.stringify((await tool!(toolCall.arguments, { nodeId, signal })) ?? null);
        } catch (error) {
          if (signal.aborted) throw signal.reason instanceof IceError ? signal.reason : new AbortedError(nodeId);
          failure = new ToolFailedError(nodeId, toolCall.name, error).message;
          content = `error: ${failure}`;
        }
      } else content = `error: ${failure}`;
      emit({
        type: "tool_call",
        nodeId,
        tool: toolCall.name,
        durationMs: performance.now() - started,
        ok: failure === undefined,
        ...(failure !== undefined && { error: failure }),
      });
      answers.push({ role: "tool", content, toolCallId: toolCall.id });
    }
    await remember([{ role: "assistant", content: response.text, toolCalls: calls }, ...answers]);
  }
  throw new IceError(
    "ICE_PROVIDER_FAILED",
    `agent did not finish within max_iterations (${call.maxIterations})`,
    nodeId,
  );
}

/** One provider call, with token streaming, retry and usage events; non-IceErrors become ICE_PROVIDER_FAILED. */
async function complete(
  context: LlmContext,
  call: LlmCall,
  messages: readonly ChatMessage[],
  extra: Pick<LlmRequest, "outputSchema" | "tools">,
): Promise<LlmResponse> {
  const { nodeId, provider, signal, emit } = context;
  if (!provider) throw new ProviderMissingError(nodeId);
  const config = call.config ?? {};
  const started = performance.now();
  let response: LlmResponse;
  try {
    response = await provider.complete({
      nodeId,
      model: call.model,
      messages: [...messages],
      config,
      ...extra,
      ...(context.grants && { grants: context.grants }),
      signal,
      onToken: (text) => emit({ type: "llm_token", nodeId, text }),
      onRetry: (retry) => emit({ type: "llm_retrying", nodeId, ...retry }),
    });
  } catch (error) {
    if (error instanceof IceError) throw error;
    if (signal.aborted) throw signal.reason instanceof IceError ? signal.reason : new AbortedError(nodeId);
    throw new ProviderFailedError(nodeId, error);
  }
  if (typeof response?.text !== "string")
    throw new ProviderFailedError(nodeId, new Error(`provider returned ${messageOf(response)} instead of { text }`));
  if (response.usage) {
    const model = response.model ?? call.model ?? "unknown";
    const price =
      priceOf(model, config, context.pricing) ??
      (call.model !== undefined ? priceOf(call.model, config, context.pricing) : undefined);
    const costUsd = price && costOf(response.usage, price);
    context.meter?.add(response.usage, costUsd);
    emit({
      type: "llm_usage",
      nodeId,
      model,
      ...response.usage,
      ...(costUsd !== undefined && { costUsd }),
      durationMs: performance.now() - started,
    });
  }
  return response;
}

function stripFences(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return fenced ? fenced[1]! : text;
}

/** Agent memory held in this process. */
export class InMemoryAgentMemory implements AgentMemory {
  private readonly conversations = new Map<string, ChatMessage[]>();

  load(key: string): readonly ChatMessage[] {
    return [...(this.conversations.get(key) ?? [])];
  }

  append(key: string, messages: readonly ChatMessage[]): void {
    const list = this.conversations.get(key) ?? [];
    list.push(...messages);
    this.conversations.set(key, list);
  }
}
