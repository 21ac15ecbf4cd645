/**
 * @fileoverview llm and agent nodes on top of an `LlmProvider`: one call with optional structured
 * output, and the agent's tool-calling loop.
 */
import { OutputInvalidError, ProviderFailedError, ProviderMissingError, ToolMissingError, IceError, ToolFailedError } from "./errors.js";
import type { ChatMessage, LlmProvider, ToolFunction, ToolSpec } from "./options.js";
import { validateValue, type SchemaType } from "./schema.js";
import { toJsonSchema } from "./jsonSchema.js";

export interface LlmCall {
  readonly prompt: string;
  readonly model?: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

export interface AgentCall extends LlmCall {
  readonly tools: readonly string[];
  readonly maxIterations: number;
}

/** One model call. With an output type, the reply is parsed as JSON and validated. */
export async function callLlm(nodeId: string, provider: LlmProvider | undefined, call: LlmCall, outputType: SchemaType | undefined, signal: AbortSignal): Promise<unknown> {
  if (!provider) throw new ProviderMissingError(nodeId);
  const structured = outputType !== undefined && outputType.kind === "object" && !(outputType.fields.length === 1 && outputType.fields[0]!.name === "text");
  const response = await complete(nodeId, () =>
    provider.complete({
      nodeId,
      model: call.model,
      messages: [{ role: "user", content: call.prompt }],
      config: call.config ?? {},
      ...(structured && { outputSchema: toJsonSchema(outputType) }),
      signal,
    }),
  );
  if (!structured) return { text: response.text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripFences(response.text));
  } catch {
    throw new OutputInvalidError(nodeId, `model reply is not JSON: ${response.text.slice(0, 200)}`);
  }
  const problem = validateValue(parsed, outputType, "output");
  if (problem) throw new OutputInvalidError(nodeId, problem);
  return parsed;
}

/** Tool-calling loop: ask, run the tools the model calls, answer back, until it stops calling. */
export async function runAgent(
  nodeId: string,
  provider: LlmProvider | undefined,
  call: AgentCall,
  tools: Readonly<Record<string, ToolFunction>>,
  specs: Readonly<Record<string, { readonly description: string; readonly parameters: object }>>,
  signal: AbortSignal,
): Promise<{ text: string; iterations: number }> {
  if (!provider) throw new ProviderMissingError(nodeId);
  const offered: ToolSpec[] = call.tools.map((name) => ({ name, description: specs[name]?.description ?? name, parameters: specs[name]?.parameters ?? { type: "object" } }));
  for (const name of call.tools) if (typeof tools[name] !== "function") throw new ToolMissingError(nodeId, name);
  const messages: ChatMessage[] = [{ role: "user", content: call.prompt }];
  for (let iteration = 1; iteration <= call.maxIterations; iteration++) {
    const response = await complete(nodeId, () => provider.complete({ nodeId, model: call.model, messages, config: call.config ?? {}, tools: offered, signal }));
    const calls = response.toolCalls ?? [];
    if (calls.length === 0) return { text: response.text, iterations: iteration };
    messages.push({ role: "assistant", content: response.text, toolCalls: calls });
    for (const toolCall of calls) {
      const tool = tools[toolCall.name];
      let content: string;
      if (!call.tools.includes(toolCall.name) || !tool) content = `error: tool '${toolCall.name}' is not available`;
      else {
        try {
          content = JSON.stringify((await tool(toolCall.arguments, { nodeId, signal })) ?? null);
        } catch (error) {
          if (signal.aborted) throw error;
          content = `error: ${new ToolFailedError(nodeId, toolCall.name, error).message}`;
        }
      }
      messages.push({ role: "tool", content, toolCallId: toolCall.id });
    }
  }
  throw new IceError("ICE_PROVIDER_FAILED", `agent did not finish within max_iterations (${call.maxIterations})`, nodeId);
}

async function complete<T>(nodeId: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof IceError) throw error;
    throw new ProviderFailedError(nodeId, error);
  }
}

function stripFences(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return fenced ? fenced[1]! : text;
}
