/**
 * @fileoverview The state of one run and the plumbing each node kind of `Run` (run.ts) uses: the
 * operator's policy checked before anything runs, the validated input, the tools a node may call
 * (user, plugin, built-in), the model provider and agents' memory, the run's cancellation, and
 * `attempt` (events, retries, timeouts, durable checkpoints, usage metrics).
 */
import { setMaxListeners } from "node:events";
import { attempt, type AttemptBody, NO_EVENTS, type RunDeadline } from "./attempt.js";
import {
  AbortedError,
  IceError,
  InputInvalidError,
  OutputInvalidError,
  PolicyDeniedError,
  messageOf,
} from "./errors.js";
import type { MemoryChoice, MemoryPlace } from "./agents.js";
import { InMemoryAgentMemory, type LlmContext } from "./llm.js";
import type { StepExecutor } from "./executor.js";
import type { NodeManifest, WorkflowManifest } from "./manifest.js";
import type { AgentMemory, BuiltinToolOptions, LlmProvider, RunEvent, RunOptions, ToolFunction } from "./options.js";
import { defaultProvider } from "./providers/index.js";
import { checkPlanOnce, resolvePolicy, type Policy } from "./policy/index.js";
import { emptyRecord, ownValue } from "./records.js";
import { builtinTools, type BuiltinTool } from "./tools/index.js";
import { pluginTools, type PluginTool } from "./plugins/index.js";
import { UsageMeter } from "./usage.js";
import { checkNesting, MAX_INPUT_DEPTH, validateValue } from "./schema.js";

export type Output = Record<string, unknown>;

/** What every node kind of a run shares; generated code uses its subclass `Run`. */
export class RunContext {
  /** The validated workflow input. */
  readonly inputs: Record<string, unknown>;
  protected readonly emit: (event: RunEvent) => void;
  /** The built-in tools, made on first use (most runs call none; each run has its own vector store). */
  private builtinsMade: Readonly<Record<string, BuiltinTool>> | undefined;
  /** The operator's plugins' tools (`options.plugins`). */
  protected readonly plugins: Readonly<Record<string, PluginTool>>;
  /** The model provider and agents' memory, made on first use (most runs call no model). */
  private providerMade: LlmProvider | undefined;
  private memoryMade: AgentMemory | undefined;
  /** Tokens and cost of every llm and agent call of this run. */
  protected readonly usage = new UsageMeter();
  /** When the run started (`performance.now()`). */
  protected readonly started: number;
  /**
   * The run's cancellation, followed by every attempt: one listener on the caller's signal, so
   * a thousand nodes in flight add nothing to it (and no MaxListeners warning).
   */
  protected readonly signal: AbortSignal | undefined;
  /** Durable runs: where attempts run and their outcomes are checkpointed (none: in memory). */
  protected readonly executor: StepExecutor | undefined;
  /** The operator's policy in force (`options.policy`, defaults filled in). */
  protected readonly policy: Policy;
  /** Warnings given in this run (node and message), made on the first. */
  private warned: Set<string> | undefined;
  /**
   * When this run ends at the latest: its own start plus `maxRunMs`, or its parent run's end; and
   * its node attempts left of `maxRunNodes` and in flight of `maxNodesInFlight` (its parent run's
   * counts, shared).
   */
  protected readonly deadline: RunDeadline;

  constructor(
    protected readonly manifest: WorkflowManifest,
    /** `import.meta.url` of the generated module: sandbox modules are found relative to it. */
    protected readonly baseUrl: string,
    input: unknown,
    protected readonly options: RunOptions = {},
  ) {
    // The operator's policy first: nothing of a refused workflow runs.
    this.policy = resolvePolicy(options.policy);
    checkPlanOnce(manifest, this.policy, options);
    const now = performance.now();
    this.started = now;
    this.deadline = inheritedDeadline(options) ?? {
      at: now + this.policy.maxRunMs,
      ms: this.policy.maxRunMs,
      nodes: {
        left: this.policy.maxRunNodes,
        max: this.policy.maxRunNodes,
        inFlight: 0,
        maxInFlight: this.policy.maxNodesInFlight,
      },
    };
    const env = manifest.env;
    if (env !== undefined)
      for (const [name, readers] of Object.entries(env))
        if (!this.policy.allowEnv.includes(name)) throw envDenied(name, readers[0] ?? undefined);
    const problem =
      checkNesting(input, MAX_INPUT_DEPTH, "input") ?? validateValue(input ?? {}, manifest.inputType, "input");
    if (problem) throw new InputInvalidError(`workflow '${manifest.name}': ${problem}`);
    this.inputs = (input ?? {}) as Record<string, unknown>;
    const onEvent = options.onEvent;
    this.emit = onEvent ? (event) => onEvent(event) : NO_EVENTS;
    this.plugins = runPlugins(options, this.emit);
    this.signal = options.signal && followSignal(options.signal);
    this.executor = options.executor;
  }

  /** `options.llm`, else the default provider (made on first use). */
  protected get provider(): LlmProvider {
    this.providerMade ??= this.options.llm ?? defaultProvider();
    return this.providerMade;
  }

  /** `options.memory`, else this run's own in-process memory (made on first use). */
  protected get memory(): AgentMemory {
    this.memoryMade ??= this.options.memory ?? new InMemoryAgentMemory();
    return this.memoryMade;
  }

  /** The tools an agent may call, and the signatures offered to its model. */
  protected agentTools(
    node: NodeManifest,
    names: readonly string[],
  ): { tools: Record<string, ToolFunction>; specs: Record<string, { description: string; parameters: object }> } {
    const tools = emptyRecord<ToolFunction>();
    const specs = emptyRecord<{ description: string; parameters: object }>();
    for (const name of names) {
      const tool = this.toolNamed(name);
      if (tool) tools[name] = tool;
      const declared = ownValue(node.agentTools, name);
      const builtin = ownValue(this.plugins, name) ?? ownValue(this.builtins, name);
      // An undeclared tool gets the placeholder { description: name, parameters: { type: "object" } }: a built-in describes itself.
      const undeclared = !declared || (declared.description === name && Object.keys(declared.parameters).length <= 1);
      specs[name] =
        builtin && undeclared && !ownValue(this.options.tools, name)
          ? { description: builtin.description, parameters: builtin.parameters }
          : (declared ?? { description: name, parameters: { type: "object" } });
    }
    return { tools, specs };
  }

  /** Where a node's conversation lives (`memory: { backend, key }`); undefined without `memory`. */
  protected memoryPlace(id: string, choice: MemoryChoice | undefined): MemoryPlace | undefined {
    if (!choice) return undefined;
    const key = choice.key ?? `${this.manifest.name}:${id}`;
    if (choice.backend === "memory") return { memory: this.memory, key };
    const store = ownValue(this.options.memoryBackends, choice.backend);
    if (store) return { memory: store, key };
    this.warn(
      id,
      `memory backend '${choice.backend}' is not configured (iceosc run --redis-url <url>, options.memoryBackends.${choice.backend}), so the conversation is kept in this process`,
    );
    return { memory: this.memory, key };
  }

  /** A warning event, once per node and message in a run. */
  protected warn(nodeId: string, message: string): void {
    const key = `${nodeId}\0${message}`;
    this.warned ??= new Set();
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.emit({ type: "warning", nodeId, message });
  }

  /** One node's attempts (attempt.ts), with the run's options over the node's own settings. */
  protected attempt<T>(id: string, node: NodeManifest, body: AttemptBody<T>, how: AttemptHow = {}): Promise<T> {
    // Run options override the node's own settings (the manifest's per-node defaults).
    const own = ownValue(this.options.nodeRetries, id);
    const executor = this.executor;
    const meter = how.meter;
    return attempt(
      {
        nodeId: id,
        kind: node.kind,
        retries: how.noRetries || node.retries === 0 ? 0 : (own?.retries ?? node.retries ?? 0),
        timeoutMs: how.untimed ? undefined : node.timeoutMs,
        signal: this.signal,
        deadline: this.deadline,
        emit: this.emit,
        wrap: how.wrap ?? ((error) => new IceError("ICE_SANDBOX_TRAP", messageOf(error), id, { cause: error })),
        retryPolicy: own ?? this.options.retryPolicy ?? node.retryPolicy,
        failurePolicy: ownValue(this.options.nodeFailurePolicy, id) ?? this.options.failurePolicy ?? node.onFailure,
        step: executor
          ? <R>(attemptNo: number, run: () => Promise<R>) =>
              executor.attempt(id, attemptNo, how.composite === true, run)
          : undefined,
        metrics: meter
          ? () => {
              const m = meter();
              const costUsd = m.costUsd;
              return m.used ? { tokens: m.tokens, ...(costUsd !== undefined && { costUsd }) } : undefined;
            }
          : undefined,
      },
      body,
      how.fuelOf,
    );
  }

  protected get builtins(): Readonly<Record<string, BuiltinTool>> {
    this.builtinsMade ??=
      this.options.builtins === false ? {} : builtinTools(grantedBuiltins(this.options, this.policy));
    return this.builtinsMade;
  }

  /** A user tool, else a built-in one. */
  protected toolNamed(name: string): ToolFunction | undefined {
    const own = ownValue(this.options.tools, name);
    if (typeof own === "function") return own;
    return ownValue(this.plugins, name)?.run ?? ownValue(this.builtins, name)?.run;
  }

  protected llmContext(nodeId: string, signal: AbortSignal, meter: UsageMeter): LlmContext {
    return {
      nodeId,
      provider: this.provider,
      signal,
      emit: this.emit,
      meter,
      memory: this.memory,
      grants: {
        allowHosts: this.policy.allowHosts,
        allowEnv: this.policy.allowEnv,
        maxRetries: this.policy.maxRetries,
      },
      ...(this.options.pricing && { pricing: this.options.pricing }),
    };
  }

  protected checkOutput(id: string, node: NodeManifest, value: unknown): unknown {
    if (node.outputType) {
      const problem = validateValue(value, node.outputType, "output");
      if (problem) throw new OutputInvalidError(id, problem);
    }
    return value;
  }

  protected throwIfAborted(id: string): void {
    if (this.signal?.aborted) throw new AbortedError(id);
  }

  protected node(id: string): NodeManifest {
    const node = ownValue(this.manifest.nodes, id);
    if (!node) throw new IceError("ICE_MODULE_INVALID", `generated module has no manifest entry for node '${id}'`, id);
    return node;
  }
}

/** How a node kind's attempts differ from a tool's (`RunContext.attempt`). */
export interface AttemptHow {
  /** Wraps a non-IceError the body throws (default: ICE_SANDBOX_TRAP with its message). */
  readonly wrap?: (error: unknown) => IceError;
  /** The fuel the last attempt used, for its `node_completed` event. */
  readonly fuelOf?: () => number;
  /** The model usage of the last attempt, for its `node_completed` event. */
  readonly meter?: () => UsageMeter;
  /** Loop, parallel and workflow nodes: they run other nodes (see `StepExecutor.attempt`). */
  readonly composite?: boolean;
  /** Loop and parallel nodes: never retried (their nodes retry on their own). */
  readonly noRetries?: boolean;
  /** Sandboxed nodes: no timer (a sandboxed body ends within its own timeout). */
  readonly untimed?: boolean;
}

/** Built-in tool settings with the policy's grants added (directories to read, hosts to reach). */
function grantedBuiltins(options: RunOptions, policy: Policy): BuiltinToolOptions {
  const own = options.builtins || {};
  return {
    ...own,
    readableDirs: [...(own.readableDirs ?? []), ...policy.allowRead],
    allowedHosts: [...(own.allowedHosts ?? []), ...policy.allowHosts],
  };
}

/** ICE_POLICY_DENIED for an environment variable the operator did not allow. */
export function envDenied(name: string, nodeId: string | undefined): PolicyDeniedError {
  return new PolicyDeniedError(
    nodeId,
    `reads environment variable '${name}', which the operator did not allow: run with --allow-env ${name} (options.policy.allowEnv)`,
  );
}

/**
 * The key under which a run hands its deadline to the runs of its sub-workflows (`subRunOptions`):
 * a symbol of this module, so neither a workflow nor JSON can set it, and a sub-workflow's run
 * gets the time left of the whole run, not a new `maxRunMs` of its own.
 */
const RUN_DEADLINE = Symbol("iceosc.runDeadline");

function inheritedDeadline(options: RunOptions): RunDeadline | undefined {
  return (options as RunOptions & { readonly [RUN_DEADLINE]?: RunDeadline })[RUN_DEADLINE];
}

/** The options of a sub-workflow's run: the parent's, with its deadline. */
export function subRunOptions(options: RunOptions, deadline: RunDeadline): RunOptions {
  return { ...options, [RUN_DEADLINE]: deadline } as RunOptions;
}

/** A signal that aborts with `outer` and accepts any number of listeners. */
function followSignal(outer: AbortSignal): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (outer.aborted) controller.abort(outer.reason);
  else outer.addEventListener("abort", () => controller.abort(outer.reason), { once: true });
  return controller.signal;
}

/** The tools of `options.plugins`; a name also given in `options.tools` is a RangeError. */
function runPlugins(options: RunOptions, emit: (event: RunEvent) => void): Readonly<Record<string, PluginTool>> {
  if (!options.plugins || options.plugins.length === 0) return {};
  const tools = pluginTools(options.plugins, {
    log: (nodeId, message) => emit({ type: "log", nodeId, message }),
    ...(options.seed !== undefined && { seed: options.seed }),
  });
  for (const name of Object.keys(tools))
    if (ownValue(options.tools, name) !== undefined)
      throw new RangeError(`tool '${name}' is given both in options.tools and by plugin '${tools[name]!.plugin}'`);
  return tools;
}
