/**
 * @fileoverview What callers pass to a generated module's `run(input, options)`: tools, the LLM
 * provider, cancellation, events and limit overrides.
 */
import type { SandboxLimits } from "./profiles.js";

/** Context handed to every tool call. */
export interface ToolContext {
  /** Id of the calling node. */
  readonly nodeId: string;
  /** Aborted when the run is cancelled or the node times out. */
  readonly signal: AbortSignal;
}

/** A tool: an async function of its arguments. */
export type ToolFunction = (args: Record<string, unknown>, context: ToolContext) => unknown;

/** A chat message exchanged with a provider. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant" | "tool";
  readonly content: string;
  /** For `assistant` messages that call tools. */
  readonly toolCalls?: readonly ToolCall[];
  /** For `tool` messages: the call answered. */
  readonly toolCallId?: string;
}

/** A tool call requested by a model. */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: Record<string, unknown>;
}

/** A tool offered to a model. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  /** JSON schema of the arguments. */
  readonly parameters: object;
}

/** One request to a model. */
export interface LlmRequest {
  readonly nodeId: string;
  readonly model: string | undefined;
  readonly messages: readonly ChatMessage[];
  /** Provider settings from the node's `llm_config`. */
  readonly config: Readonly<Record<string, unknown>>;
  /** JSON schema the reply must match, when the node declares an output_schema. */
  readonly outputSchema?: object;
  /** Tools the model may call (agents). */
  readonly tools?: readonly ToolSpec[];
  readonly signal: AbortSignal;
}

/** A model's reply. */
export interface LlmResponse {
  readonly text: string;
  readonly toolCalls?: readonly ToolCall[];
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

/** What runs llm and agent nodes. */
export interface LlmProvider {
  complete(request: LlmRequest): Promise<LlmResponse>;
}

/** A run event, delivered to `options.onEvent` as it happens. */
export type RunEvent =
  | { readonly type: "node_started"; readonly nodeId: string; readonly kind: string; readonly attempt: number }
  | { readonly type: "node_completed"; readonly nodeId: string; readonly kind: string; readonly durationMs: number; readonly fuelUsed?: number }
  | { readonly type: "node_failed"; readonly nodeId: string; readonly kind: string; readonly durationMs: number; readonly code: string; readonly message: string }
  | { readonly type: "node_retrying"; readonly nodeId: string; readonly kind: string; readonly attempt: number; readonly delayMs: number; readonly code: string }
  | { readonly type: "node_skipped"; readonly nodeId: string; readonly kind: string }
  | { readonly type: "log"; readonly nodeId: string; readonly message: string };

/** Options of a generated module's `run`. */
export interface RunOptions {
  /** Tool name to implementation. */
  readonly tools?: Readonly<Record<string, ToolFunction>>;
  /** Runs llm and agent nodes. */
  readonly llm?: LlmProvider;
  /** Cancels the run. */
  readonly signal?: AbortSignal;
  /** Receives every run event. */
  readonly onEvent?: (event: RunEvent) => void;
  /** Overrides the sandbox limits of every sandboxed node. */
  readonly limits?: Partial<SandboxLimits>;
  /** Overrides the sandbox limits of single nodes, by id (wins over `limits`). */
  readonly nodeLimits?: Readonly<Record<string, Partial<SandboxLimits>>>;
  /** Seed of the `random` capability; runs with the same seed draw the same numbers. */
  readonly seed?: number;
}
