/**
 * @fileoverview What callers pass to a generated module's `run(input, options)`: tools, the LLM
 * provider, cancellation, events, retry and failure policies, built-in tool settings and limit
 * overrides; and the provider-facing request/response types.
 */
import type { StepExecutor } from "./executor.js";
import type { OperatorPolicy } from "./policy/policy.js";
import type { PluginRegistration } from "./plugins/index.js";
import type { SandboxLimits } from "./profiles.js";

/** Context handed to every tool call. */
export interface ToolContext {
  /** Id of the calling node. */
  readonly nodeId: string;
  /** Aborted when the run is cancelled or the node times out. */
  readonly signal: AbortSignal;
  /**
   * Durable runs only: names this attempt of this node in this run (run id, node path, attempt
   * number), the same in every execution of the run. A tool may be called again with the same key
   * after a crash (tools are at least once): a tool with side effects can deduplicate on it.
   */
  readonly idempotencyKey?: string;
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
  /** Set when the model's arguments were not a JSON object: the raw text it sent. */
  readonly invalidArguments?: string;
}

/** A tool offered to a model. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  /** JSON schema of the arguments. */
  readonly parameters: object;
}

/** Token counts of one model call (or a sum of several). */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** A provider-level retry (429, 5xx, connection refused), reported before the wait. */
export interface ProviderRetry {
  /** The attempt about to be made (2 for the first retry). */
  readonly attempt: number;
  readonly delayMs: number;
  /** HTTP status that caused the retry, if there was a response. */
  readonly status?: number;
  readonly reason: string;
}

/**
 * What the operator granted a workflow's model requests (from `options.policy`): hosts its
 * `llm_config.base_url` may point at, and environment variables its `llm_config.api_key_env` may
 * name. Providers that read keys and URLs honour it; absent, nothing beyond the defaults is granted.
 */
export interface RequestGrants {
  readonly allowHosts: readonly string[];
  readonly allowEnv: readonly string[];
  /** Ceiling of `llm_config.max_retries` (the policy's `maxRetries`). */
  readonly maxRetries?: number;
}

/** One request to a model. */
export interface LlmRequest {
  readonly nodeId: string;
  /** The operator's grants for this request (the built-in providers enforce them). */
  readonly grants?: RequestGrants;
  readonly model: string | undefined;
  readonly messages: readonly ChatMessage[];
  /** Provider settings from the node's `llm_config`. */
  readonly config: Readonly<Record<string, unknown>>;
  /** JSON schema the reply must match, when the node declares an output_schema. */
  readonly outputSchema?: object;
  /** Tools the model may call (agents). */
  readonly tools?: readonly ToolSpec[];
  readonly signal: AbortSignal;
  /** Receives streamed text as it arrives (providers that stream call it; others may not). */
  readonly onToken?: (text: string) => void;
  /** Told about provider-level retries. */
  readonly onRetry?: (retry: ProviderRetry) => void;
}

/** A model's reply. */
export interface LlmResponse {
  readonly text: string;
  readonly toolCalls?: readonly ToolCall[];
  readonly usage?: TokenUsage;
  /** The model that answered, as the provider reports it. */
  readonly model?: string;
  /** Why the model stopped (`stop`, `end_turn`, `tool_calls`, `length`, ...). */
  readonly stopReason?: string;
}

/** What runs llm and agent nodes. */
export interface LlmProvider {
  complete(request: LlmRequest): Promise<LlmResponse>;
}

/** Conversation memory of agents, by key (`llm_config.memory_key`). */
export interface AgentMemory {
  /** The messages stored under `key` (empty if none). */
  load(key: string): Promise<readonly ChatMessage[]> | readonly ChatMessage[];
  /** Appends messages under `key`. */
  append(key: string, messages: readonly ChatMessage[]): Promise<void> | void;
}

/** What a registered agent implementation (`options.agents`, `iceosc run --agents`) is called with. */
export interface AgentRequest {
  readonly nodeId: string;
  /** The package name the node gave (`package` / `agent_package`). */
  readonly package: string;
  /** The node's task, its template filled in. */
  readonly prompt: string;
  readonly model?: string;
  /** The node's provider settings (`llm_config`). */
  readonly config: Readonly<Record<string, unknown>>;
  /** The tools the node may call, by name. */
  readonly tools: Readonly<Record<string, ToolFunction>>;
  /** The run's model provider, for implementations that call a model. */
  readonly llm: LlmProvider | undefined;
  /** The node's conversation memory (its `memory` settings), and the key it lives under. */
  readonly memory: AgentMemory;
  readonly memoryKey: string;
  /** Recursive nodes: the round (1 first) and the last round's output (undefined in the first). */
  readonly round?: { readonly iteration: number; readonly last: unknown };
  readonly signal: AbortSignal;
}

/**
 * An agent implementation: returns the node's output (a string is the reply text, `{ text }`;
 * an object is the output itself, checked against the node's output_schema when it has one).
 */
export type AgentImplementation = (request: AgentRequest) => unknown;

/** Price of a model, in US dollars per million tokens. */
export interface ModelPrice {
  readonly inputPerMillion: number;
  readonly outputPerMillion: number;
}

/** How a node's failed attempts are retried (`retries` gives the count). */
export interface RetryPolicy {
  /** Delay before the first retry, in ms (default 100). */
  readonly baseDelayMs?: number;
  /** Cap on one delay, in ms (default 5000). */
  readonly maxDelayMs?: number;
  /** Growth factor between delays (default 2). */
  readonly factor?: number;
  /** Random spread of each delay, 0..1 (default 0: deterministic). */
  readonly jitter?: number;
  /** Retry only errors with these codes (default: every code a retry can fix). */
  readonly retryOn?: readonly string[];
}

/** What a node's final failure does to the run. */
export type FailurePolicy = "halt" | "continue";

/** Settings of the built-in tools (`read_file`, `http_request`, ...). */
export interface BuiltinToolOptions {
  /**
   * The workflow's folder: file tools read inside it, and relative paths resolve against it. Unset,
   * file tools read no folder but `readableDirs` and `options.policy.allowRead` (relative paths
   * resolve against the working directory, which is not readable for it).
   */
  readonly baseDir?: string;
  /** Further directories file tools may read (the base directory too, unless `baseDirReadable` is false). */
  readonly readableDirs?: readonly string[];
  /** False: the base directory only resolves relative paths, and is read only if granted (`iceosc worker`). */
  readonly baseDirReadable?: boolean;
  /** Hosts `http_request` may reach (`api.example.com`, `*.example.com`, `127.0.0.1:8080`); none by default. */
  readonly allowedHosts?: readonly string[];
  /** Embeddings for `index_documents`/`search_documents`: `local` (hashed TF-IDF, default) or a provider API. */
  readonly embeddings?: EmbeddingsOptions;
}

/** Where embeddings come from. */
export type EmbeddingsOptions =
  | { readonly kind: "local"; readonly dimensions?: number }
  | { readonly kind: "openai"; readonly model?: string; readonly baseURL?: string; readonly apiKey?: string };

/** A run event, delivered to `options.onEvent` as it happens. */
export type RunEvent =
  | { readonly type: "node_started"; readonly nodeId: string; readonly kind: string; readonly attempt: number }
  | {
      readonly type: "node_completed";
      readonly nodeId: string;
      readonly kind: string;
      readonly durationMs: number;
      readonly fuelUsed?: number;
      /** llm and agent nodes: tokens of this attempt. */
      readonly tokens?: TokenUsage;
      /** llm and agent nodes, when the model's price is known. */
      readonly costUsd?: number;
    }
  | {
      readonly type: "node_failed";
      readonly nodeId: string;
      readonly kind: string;
      readonly durationMs: number;
      readonly code: string;
      readonly message: string;
      readonly attempt?: number;
      /** True when the failure policy let the run go on without this node's output. */
      readonly continued?: boolean;
    }
  | {
      readonly type: "node_retrying";
      readonly nodeId: string;
      readonly kind: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly code: string;
    }
  | { readonly type: "node_skipped"; readonly nodeId: string; readonly kind: string }
  /** Something the run did differently from what the workflow asks (an agent package not registered, ...). */
  | { readonly type: "warning"; readonly nodeId: string; readonly message: string }
  /** A recursive node finished a round. */
  | {
      readonly type: "recursive_round";
      readonly nodeId: string;
      readonly iteration: number;
      readonly converged: boolean;
    }
  | { readonly type: "log"; readonly nodeId: string; readonly message: string }
  /** Streamed model output. */
  | { readonly type: "llm_token"; readonly nodeId: string; readonly text: string }
  /** A provider-level retry of one model request (429, 5xx, connection refused). */
  | {
      readonly type: "llm_retrying";
      readonly nodeId: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly status?: number;
      readonly reason: string;
    }
  /** One model call finished. */
  | {
      readonly type: "llm_usage";
      readonly nodeId: string;
      readonly model: string;
      readonly inputTokens: number;
      readonly outputTokens: number;
      readonly costUsd?: number;
      readonly durationMs: number;
    }
  /** One step of an agent: the model answered, calling these tools (none: the final answer). */
  | {
      readonly type: "agent_step";
      readonly nodeId: string;
      readonly iteration: number;
      readonly toolCalls: readonly string[];
      readonly text: string;
    }
  /** An agent called a tool. */
  | {
      readonly type: "tool_call";
      readonly nodeId: string;
      readonly tool: string;
      readonly durationMs: number;
      readonly ok: boolean;
      readonly error?: string;
    }
  /** The workflow produced its output; totals over the run. */
  | {
      readonly type: "run_completed";
      readonly workflow: string;
      readonly durationMs: number;
      readonly tokens: TokenUsage;
      readonly costUsd?: number;
    };

/** Options of a generated module's `run`. */
export interface RunOptions {
  /**
   * The operator's policy (README "Operator policy"): trusted code, ceilings on limits and retries, and the
   * directories, hosts and environment variables a workflow may use. Safe defaults when absent.
   */
  readonly policy?: OperatorPolicy;
  /** Tool name to implementation; these override built-in tools of the same name. */
  readonly tools?: Readonly<Record<string, ToolFunction>>;
  /**
   * Sandboxed plugins the operator registers (README "Plugins"): each tool of each plugin is a
   * tool of the run, run in a fuel-metered WASM sandbox with the capabilities in `grant`.
   */
  readonly plugins?: readonly PluginRegistration[];
  /** Runs llm and agent nodes (default: OpenAI or Anthropic over HTTP, configured from the environment and `llm_config`). */
  readonly llm?: LlmProvider;
  /** Cancels the run: every request, tool call and sandboxed node in flight is stopped. */
  readonly signal?: AbortSignal;
  /** Receives every run event. */
  readonly onEvent?: (event: RunEvent) => void;
  /** Overrides the sandbox limits of every sandboxed node (within `policy`'s ceilings). */
  readonly limits?: Partial<SandboxLimits>;
  /** Overrides the sandbox limits of single nodes, by id (wins over `limits`). */
  readonly nodeLimits?: Readonly<Record<string, Partial<SandboxLimits>>>;
  /** Seed of the `random` capability; runs with the same seed draw the same numbers. */
  readonly seed?: number;
  /** Retry backoff of every node (its `retries` gives the count). */
  readonly retryPolicy?: RetryPolicy;
  /** Retry settings of single nodes, by id: the count (overriding `retries`) and backoff. */
  readonly nodeRetries?: Readonly<Record<string, RetryPolicy & { readonly retries?: number }>>;
  /** `halt` (default): the first failure ends the run. `continue`: a failed node's output is undefined and the rest runs. */
  readonly failurePolicy?: FailurePolicy;
  /** Failure policy of single nodes, by id. */
  readonly nodeFailurePolicy?: Readonly<Record<string, FailurePolicy>>;
  /**
   * Built-in tools' settings; `false` leaves them out. File tools read nothing unless a folder is
   * granted here (`baseDir`, `readableDirs`) or in `policy.allowRead`.
   */
  readonly builtins?: BuiltinToolOptions | false;
  /** Agent conversation memory (default: in memory, for this run). */
  readonly memory?: AgentMemory;
  /**
   * Memory stores by backend name, for agents whose `memory: { backend }` names one (`redis`:
   * e.g. `new RedisAgentMemory(url)`). A backend not given here falls back to `memory`, with a
   * warning event.
   */
  readonly memoryBackends?: Readonly<Record<string, AgentMemory>>;
  /** Where `{{ env.NAME }}` reads variables the policy allows (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Agent implementations by package name (`package` / `agent_package` on agent and recursive nodes). */
  readonly agents?: Readonly<Record<string, AgentImplementation>>;
  /** Model prices for `costUsd`, by model name (added to the built-in table). */
  readonly pricing?: Readonly<Record<string, ModelPrice>>;
  /** Where node attempts run and their outcomes are kept; set by durable runs (`runDurable`), none by default. */
  readonly executor?: StepExecutor;
}
