/**
 * @fileoverview The typed plan: one discriminated union over the eight node types (README "Workflows in YAML").
 * Both front ends (YAML and .ice) produce it; the checker, the emitters and the sandbox compiler
 * read it. Plan values are immutable.
 */
import type { ObjectType, SchemaType } from "../../runtime/schema.js";
import type { Span } from "../diagnostics/index.js";
import type { Expr } from "./expression.js";
import type { JsonValue, TemplateValue, Value, ValueEntry } from "./value.js";

/** A name with the place it was written (node ids in paths and dependencies, tool names...). */
export interface Named {
  readonly name: string;
  readonly span: Span;
}

/** Sandbox limits written on a node; unset fields come from its trust profile. */
export interface Limits {
  /** Instruction budget (fuel units, see the sandbox's metering). */
  readonly fuel?: number;
  /** Cap on linear memory, in MiB. */
  readonly memoryMb?: number;
  /** Wall-clock timeout, in milliseconds. */
  readonly timeoutMs?: number;
  readonly span: Span;
  /** Where each field was written, when it was (diagnostics point at the field). */
  readonly fuelSpan?: Span;
  readonly memoryMbSpan?: Span;
  readonly timeoutMsSpan?: Span;
}

/**
 * How a failing node is retried (`retry_policy`): attempts and the exponential backoff between
 * them. Unset fields take the runtime's defaults (100 ms doubling, capped at 5 s).
 */
export interface RetryPolicy {
  /** Attempts in all, the first included (`retries` + 1). */
  readonly maxAttempts?: number;
  /** Delay before the first retry, in ms. */
  readonly baseDelayMs?: number;
  /** Growth factor between delays. */
  readonly factor?: number;
  /** Cap on one delay, in ms. */
  readonly maxDelayMs?: number;
  readonly span: Span;
}

/** What a node's last failed attempt does to the run: end it, or go on with the node's output undefined. */
export type FailureMode = "halt" | "continue";

export const FAILURE_MODES: readonly FailureMode[] = ["halt", "continue"];

/** Fields every node has. */
interface NodeBase {
  readonly id: string;
  /** The whole node. */
  readonly span: Span;
  /** The id as written. */
  readonly idSpan: Span;
  /** Explicit `dependencies`; references add implicit ones. */
  readonly dependencies: readonly Named[];
  readonly inputSchema?: ObjectType;
  readonly outputSchema?: ObjectType;
  /** Extra attempts after a failure. */
  readonly retries?: number;
  /** Backoff (and attempts) of retries (`retry_policy`). */
  readonly retryPolicy?: RetryPolicy;
  /** `on_failure`: `halt` (the default) or `continue`. */
  readonly onFailure?: FailureMode;
  readonly timeoutSeconds?: number;
  readonly limits?: Limits;
  /** Trust profile name (`strict`, `untrusted`, `trusted`); sandboxed nodes only. */
  readonly trust?: Named;
  /** `description`: what the node is for, for people (kept so `convert` prints it back). */
  readonly description?: string;
  /** `name` (YAML) / `title` (.ice): a display name; the id stays the node's name. */
  readonly title?: string;
}

/** Calls a registered tool with arguments (runs directly). */
export interface ToolNode extends NodeBase {
  readonly kind: "tool";
  readonly toolName: Named;
  readonly args: readonly ValueEntry[];
}

/** User code: a TypeScript-syntax function body, run in the WASM sandbox. */
export interface CodeNode extends NodeBase {
  readonly kind: "code";
  readonly code: EmbeddedSource;
  /** Capabilities granted (`imports`). */
  readonly imports: readonly Named[];
  /** Values bound to the code's `inputs` object. */
  readonly inputs: readonly ValueEntry[];
}

/** A boolean expression, run in the WASM sandbox, choosing a branch. */
export interface ConditionNode extends NodeBase {
  readonly kind: "condition";
  readonly expression: Expr;
  /** The expression as written. */
  readonly source: EmbeddedSource;
  /** Nodes that run only when the expression is true. */
  readonly truePath: readonly Named[];
  /** Nodes that run only when the expression is false. */
  readonly falsePath: readonly Named[];
}

/** Runs `body` once per item of `itemsSource`, with the item bound to `itemVar`. */
export interface LoopNode extends NodeBase {
  readonly kind: "loop";
  readonly itemsSource: Value;
  readonly itemVar: Named;
  readonly body: readonly PlanNode[];
  /** How many items run at once; 1 (the default) runs them in order; 0 means no limit. */
  readonly maxParallel: number;
}

/** Runs its branches concurrently and joins them. */
export interface ParallelNode extends NodeBase {
  readonly kind: "parallel";
  readonly branches: readonly (readonly PlanNode[])[];
}

/** Calls another workflow with typed inputs. */
export interface WorkflowNode extends NodeBase {
  readonly kind: "workflow";
  readonly workflowRef: Named;
  readonly inputs: readonly ValueEntry[];
}

/** Model settings of llm, agent and recursive nodes. */
export interface ModelSettings {
  /** The model: a name, or a reference with a default (`{{ inputs.model or 'gpt-4o' }}`). */
  readonly model?: Value;
  /** Provider settings (`provider`, `base_url`, `temperature`, ...). */
  readonly llmConfig: { readonly [key: string]: JsonValue };
}

/** One model call. Output is `{ text }`, or typed by `outputSchema`. */
export interface LlmNode extends NodeBase, ModelSettings {
  readonly kind: "llm";
  readonly prompt: TemplateValue;
}

/** Where an agent keeps its conversation between runs (`memory: { backend }`). */
export interface MemorySettings {
  /** `memory` (in this process, the default) or `redis` (when the operator gives a Redis URL). */
  readonly backend: MemoryBackend;
  /** The conversation's key (default: the workflow and node ids). */
  readonly key?: string;
  readonly span: Span;
}

export type MemoryBackend = "memory" | "redis";
export const MEMORY_BACKENDS: readonly MemoryBackend[] = ["memory", "redis"];

/** What agent and recursive nodes share: a task, tools, a step budget, an optional implementation. */
export interface AgentSettings extends ModelSettings {
  readonly prompt: TemplateValue;
  readonly tools: readonly Named[];
  readonly maxIterations: number;
  /**
   * `package` / `agent_package`: an agent implementation the operator registers (`--agents`,
   * `options.agents`); without one the node runs from its prompt and model settings.
   */
  readonly package?: Named;
  readonly memory?: MemorySettings;
}

/** A model-driven loop that may call tools. Output is `{ text }`. */
export interface AgentNode extends NodeBase, AgentSettings {
  readonly kind: "agent";
}

/** A convergence test: an expression compiled into the sandbox like a condition's. */
export interface Convergence {
  readonly expression: Expr;
  readonly source: EmbeddedSource;
}

/**
 * An agent run in rounds over the outputs of `sources` until `convergence` holds or `maxRounds`
 * rounds ran. Each round after the first continues the conversation with the last round's
 * answer. Output: the last round's output with `rounds` and `converged`.
 */
export interface RecursiveNode extends NodeBase, AgentSettings {
  readonly kind: "recursive";
  /** `recursive_sources`: nodes whose outputs the rounds work on (they run first). */
  readonly sources: readonly Named[];
  readonly convergence?: Convergence;
  readonly maxRounds: number;
}

export type PlanNode =
  | ToolNode
  | CodeNode
  | ConditionNode
  | LoopNode
  | ParallelNode
  | WorkflowNode
  | LlmNode
  | AgentNode
  | RecursiveNode;
export type NodeKind = PlanNode["kind"];

/** Node kind to node interface, for visitors. */
export interface NodeKindToNode {
  tool: ToolNode;
  code: CodeNode;
  condition: ConditionNode;
  loop: LoopNode;
  parallel: ParallelNode;
  workflow: WorkflowNode;
  llm: LlmNode;
  agent: AgentNode;
  recursive: RecursiveNode;
}

export const NODE_KINDS: readonly NodeKind[] = [
  "tool",
  "agent",
  "llm",
  "code",
  "condition",
  "loop",
  "parallel",
  "workflow",
  "recursive",
];

/** Names a convergence expression reads besides workflow values: the round count and the last round's output. */
export const ROUND_ROOTS = { iteration: "iteration", last: "last" } as const;

/** Node kinds that run in the WASM sandbox unless marked trusted. */
export const SANDBOXED_KINDS: ReadonlySet<NodeKind> = new Set(["code", "condition"]);

/**
 * Text embedded in a workflow file (a code body, an expression), with the offset in the file of
 * each of its lines, so that positions inside it map back to the workflow file.
 */
export interface EmbeddedSource {
  readonly text: string;
  /** `lineOrigins[i]` is the file offset of the first character of line `i` of `text`. */
  readonly lineOrigins: readonly number[];
  readonly span: Span;
}

/**
 * The workflow-file line (1-based) of an embedded source's first line. Sandbox modules count
 * their trap lines from it (line 1 = the body's first line), so a module does not change when
 * its body moves in the file; the runtime adds it back (manifest `source`).
 */
export function embeddedFirstLine(source: EmbeddedSource): number {
  return source.span.file.position(source.lineOrigins[0] ?? source.span.start).line;
}

/** A tool signature declared in the top-level `tools:` map. */
export interface ToolDeclaration {
  readonly name: string;
  readonly span: Span;
  readonly description?: string;
  readonly inputSchema?: ObjectType;
  readonly outputSchema?: SchemaType;
}

/**
 * What a workflow says about itself (`description`, `version`; a blueprint's `id`,
 * `schema_version`, `api_version`, `metadata`): kept in the plan, printed back by `convert` and
 * written into the generated module's documentation.
 */
export interface WorkflowAbout {
  readonly id?: string;
  /** `blueprint_id`: the id field of iceOS's wire Blueprint model (`bp_...`). */
  readonly blueprintId?: string;
  readonly schemaVersion?: string;
  readonly apiVersion?: string;
  /** `metadata.name`: a display name (the workflow's name stays a file name). */
  readonly title?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** `metadata.id`. */
  readonly metadataId?: string;
  readonly draftName?: string;
  /** The top-level `description` (not `metadata.description`). */
  readonly summary?: string;
  /** The top-level `version`. */
  readonly version?: string;
}

/** One workflow: the unit that compiles to `<name>.js`. */
export interface Workflow {
  readonly name: string;
  readonly about?: WorkflowAbout;
  readonly span: Span;
  /** Where the name was written (absent when it comes from the file name). */
  readonly nameSpan?: Span;
  readonly inputSchema: ObjectType;
  readonly nodes: readonly PlanNode[];
  readonly outputs: readonly ValueEntry[];
  readonly tools: readonly ToolDeclaration[];
}
