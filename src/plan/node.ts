/**
 * @fileoverview The typed plan: one discriminated union over the eight node types (SPEC section 1).
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
  /** Trust profile name (`untrusted`, `restricted`, `trusted`); sandboxed nodes only. */
  readonly trust?: Named;
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

/** One model call. Output is `{ text }`, or typed by `outputSchema`. */
export interface LlmNode extends NodeBase {
  readonly kind: "llm";
  readonly model?: string;
  readonly prompt: TemplateValue;
  readonly llmConfig: { readonly [key: string]: JsonValue };
}

/** A model-driven loop that may call tools. Output is `{ text }`. */
export interface AgentNode extends NodeBase {
  readonly kind: "agent";
  readonly model?: string;
  readonly prompt: TemplateValue;
  readonly tools: readonly Named[];
  readonly maxIterations: number;
  readonly llmConfig: { readonly [key: string]: JsonValue };
}

export type PlanNode =
  | ToolNode
  | CodeNode
  | ConditionNode
  | LoopNode
  | ParallelNode
  | WorkflowNode
  | LlmNode
  | AgentNode;
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
];

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

/** A tool signature declared in the top-level `tools:` map. */
export interface ToolDeclaration {
  readonly name: string;
  readonly span: Span;
  readonly description?: string;
  readonly inputSchema?: ObjectType;
  readonly outputSchema?: SchemaType;
}

/** One workflow: the unit that compiles to `<name>.js`. */
export interface Workflow {
  readonly name: string;
  readonly span: Span;
  /** Where the name was written (absent when it comes from the file name). */
  readonly nameSpan?: Span;
  readonly inputSchema: ObjectType;
  readonly nodes: readonly PlanNode[];
  readonly outputs: readonly ValueEntry[];
  readonly tools: readonly ToolDeclaration[];
}
