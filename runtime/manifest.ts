/**
 * @fileoverview The static description of a workflow that a generated module hands the runtime:
 * its input schema and, per node, what the runtime needs to run it (kind, retries, timeouts,
 * sandbox modules and limits). Generated code embeds it as a literal.
 */
import type { FailurePolicy, RetryPolicy } from "./options.js";
import type { SandboxLimits, TrustProfileName } from "./profiles.js";
import type { SandboxSource } from "./sandbox/host.js";
import type { ObjectType, SchemaType } from "./schema.js";

/** A sandboxed piece (code node or condition) as the runtime loads it. */
export interface SandboxManifest {
  /** The compiled module, relative to the generated module (`word_stats.stats.wasm`). */
  readonly wasm: string;
  /** Hex SHA-256 of the module's bytes, recorded by the build; a module that differs is refused. */
  readonly sha256?: string;
  readonly inputType: ObjectType;
  readonly outputType: ObjectType;
  readonly capabilities: readonly string[];
  /** Limits after applying the trust profile and the node's own `limits`. */
  readonly limits: SandboxLimits;
  /** The trust profile the node asked for, when it named one (policy refusals name it). */
  readonly trust?: TrustProfileName;
  /** Set for code nodes of the `trusted` profile: they run directly and have no module. */
  readonly direct?: true;
  /** Where the body is (its file's name and first line): trap messages name the workflow line. */
  readonly source?: SandboxSource;
}

/** Per-node settings. */
export interface NodeManifest {
  readonly kind: "tool" | "code" | "condition" | "loop" | "parallel" | "workflow" | "llm" | "agent" | "recursive";
  /** Extra attempts after a failure. */
  readonly retries?: number;
  /** The node's backoff between retries (`retry_policy`); run options override it. */
  readonly retryPolicy?: RetryPolicy;
  /** The node's failure policy (`on_failure`); run options override it. */
  readonly onFailure?: FailurePolicy;
  /** Wall-clock limit of one attempt, in ms. */
  readonly timeoutMs?: number;
  /** Declared output type; outputs are validated against it. */
  readonly outputType?: SchemaType;
  /** Present for nodes that run in the sandbox (and recursive nodes with a convergence test). */
  readonly sandbox?: SandboxManifest;
  /**
   * For llm, agent and recursive nodes: the most model calls one attempt makes (1; max_iterations;
   * max_rounds x max_iterations), checked against the operator's `maxModelCalls`.
   */
  readonly modelCalls?: number;
  /** For tool nodes: the tool's name. */
  readonly toolName?: string;
  /** For agents: JSON schemas of the tools they may call, by name. */
  readonly agentTools?: Readonly<Record<string, { readonly description: string; readonly parameters: object }>>;
}

/** A whole workflow. */
export interface WorkflowManifest {
  readonly name: string;
  /**
   * Environment variables the workflow reads (`{{ env.NAME }}`), each with the nodes that read it
   * (`null` for the workflow's outputs): checked against the operator's policy before any node runs.
   */
  readonly env?: Readonly<Record<string, readonly (string | null)[]>>;
  readonly inputType: ObjectType;
  readonly nodes: Readonly<Record<string, NodeManifest>>;
}
