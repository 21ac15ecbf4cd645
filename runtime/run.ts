/**
 * @fileoverview One run of a generated workflow module. Generated code creates a `Run` and calls
 * one method per node; each method validates, runs the node through `attempt` (events, retries,
 * timeouts, cancellation) and returns the node's output.
 */
import { setMaxListeners } from "node:events";
import { attempt, type AttemptBody } from "./attempt.js";
import {
  AbortedError,
  IceError,
  InputInvalidError,
  OutputInvalidError,
  PolicyDeniedError,
  SandboxTrapError,
  ToolFailedError,
  ToolMissingError,
  WorkflowMissingError,
  messageOf,
} from "./errors.js";
import {
  followUp,
  implementationOutput,
  replyOutput,
  type AgentNodeCall,
  type MemoryChoice,
  type MemoryPlace,
  type RecursiveCall,
} from "./agents.js";
import { callLlm, InMemoryAgentMemory, runAgent, type LlmCall, type LlmContext } from "./llm.js";
import type { StepExecutor } from "./executor.js";
import type { NodeManifest, WorkflowManifest } from "./manifest.js";
import type { AgentMemory, BuiltinToolOptions, LlmProvider, RunEvent, RunOptions, ToolFunction } from "./options.js";
import { defaultProvider } from "./providers/index.js";
import { checkPlanAgainstPolicy, effectiveLimits, resolvePolicy, type Policy } from "./policy/index.js";
import { emptyRecord, ownValue } from "./records.js";
import { builtinTools, type BuiltinTool } from "./tools/index.js";
import { pluginTools, type PluginTool } from "./plugins/index.js";
import { UsageMeter } from "./usage.js";
import type { SandboxLimits } from "./profiles.js";
import { loadSandbox } from "./sandboxes.js";
import { checkNesting, MAX_INPUT_DEPTH, validateValue } from "./schema.js";

type Output = Record<string, unknown>;

/**
 * A node's output as generated code sees it. Its shape is checked by the compiler and, where a
 * schema is declared, validated at run time; generated code reads it with optional chaining.
 */
// biome-ignore lint/suspicious/noExplicitAny: the checker typed these values; generated code reads them by path
export type NodeValue = any;

/** A generated module's `run` function, as another workflow calls it. */
export type WorkflowRunner = (input: NodeValue, options?: RunOptions) => Promise<unknown>;

export class Run {
  /** The validated workflow input. */
  readonly inputs: Record<string, unknown>;
  private readonly emit: (event: RunEvent) => void;
  private readonly builtins: Readonly<Record<string, BuiltinTool>>;
  /** The operator's plugins' tools (`options.plugins`). */
  private readonly plugins: Readonly<Record<string, PluginTool>>;
  private readonly provider: LlmProvider;
  private readonly memory: AgentMemory;
  /** Tokens and cost of every llm and agent call of this run. */
  private readonly usage = new UsageMeter();
  private readonly started = performance.now();
  /**
   * The run's cancellation, followed by every attempt: one listener on the caller's signal, so
   * a thousand nodes in flight add nothing to it (and no MaxListeners warning).
   */
  private readonly signal: AbortSignal | undefined;
  /** Durable runs: where attempts run and their outcomes are checkpointed (none: in memory). */
  private readonly executor: StepExecutor | undefined;
  /** The operator's policy in force (`options.policy`, defaults filled in). */
  private readonly policy: Policy;
  /** Environment variables the operator lets workflows read (`options.policy.allowEnv`). */
  private readonly allowedEnv: ReadonlySet<string>;
  private readonly warned = new Set<string>();

  constructor(
    private readonly manifest: WorkflowManifest,
    /** `import.meta.url` of the generated module: sandbox modules are found relative to it. */
    private readonly baseUrl: string,
    input: unknown,
    private readonly options: RunOptions = {},
  ) {
    // The operator's policy first: nothing of a refused workflow runs.
    this.policy = resolvePolicy(options.policy);
    checkPlanAgainstPolicy(manifest, this.policy, options);
    this.allowedEnv = new Set(this.policy.allowEnv);
    for (const [name, readers] of Object.entries(manifest.env ?? {}))
      if (!this.allowedEnv.has(name)) throw envDenied(name, readers[0] ?? undefined);
    const problem =
      checkNesting(input, MAX_INPUT_DEPTH, "input") ?? validateValue(input ?? {}, manifest.inputType, "input");
    if (problem) throw new InputInvalidError(`workflow '${manifest.name}': ${problem}`);
    this.inputs = (input ?? {}) as Record<string, unknown>;
    const onEvent = options.onEvent;
    this.emit = onEvent ? (event) => onEvent(event) : () => undefined;
    this.builtins = options.builtins === false ? {} : builtinTools(grantedBuiltins(options, this.policy));
    this.plugins = runPlugins(options, this.emit);
    this.provider = options.llm ?? defaultProvider();
    this.memory = options.memory ?? new InMemoryAgentMemory();
    this.signal = options.signal && followSignal(options.signal);
    this.executor = options.executor;
  }

  /** tool: calls `options.tools[name]` with the arguments. */
  tool(id: string, args: Output): Promise<NodeValue> {
    const node = this.node(id);
    const name = node.toolName ?? id;
    return this.attempt(
      id,
      node,
      (signal, attemptNo) => {
        const tool = this.toolNamed(name);
        if (typeof tool !== "function") throw new ToolMissingError(id, name);
        const executor = this.executor;
        const context = executor
          ? { nodeId: id, signal, idempotencyKey: executor.idempotencyKey(id, attemptNo) }
          : { nodeId: id, signal };
        return Promise.resolve(tool(args, context)).then((result) => this.checkOutput(id, node, result));
      },
      (error) => new ToolFailedError(id, name, error),
    );
  }

  /** code (sandboxed): a fresh WASM instance runs the node's compiled body. */
  code(id: string, inputs: Output): Promise<NodeValue> {
    return this.sandboxed(id, inputs);
  }

  /** condition (sandboxed): returns `{ result }`. */
  condition(id: string, inputs: Output): Promise<{ result: boolean }> {
    return this.sandboxed(id, inputs) as Promise<{ result: boolean }>;
  }

  /** code marked trusted: the body runs directly as JavaScript. */
  direct(id: string, body: (inputs: NodeValue) => unknown, inputs: Output): Promise<NodeValue> {
    const node = this.node(id);
    // Checked before the run too; here again so that no path runs host code the operator refused.
    if (!this.policy.allowTrusted || !node.sandbox?.direct)
      return Promise.reject(
        new PolicyDeniedError(
          id,
          "may not run as host JavaScript: refused by the operator's policy; to allow it run with --allow-trusted (options.policy: allowTrusted: true)",
        ),
      );
    return this.attempt(
      id,
      node,
      () => {
        const problem = node.sandbox && validateValue(inputs, node.sandbox.inputType, "inputs");
        if (problem) throw new InputInvalidError(problem, id);
        const output = body(inputs);
        const invalid = node.sandbox && validateValue(output, node.sandbox.outputType, "output");
        if (invalid) throw new OutputInvalidError(id, invalid);
        return output;
      },
      (error) => new SandboxTrapError(id, messageOf(error)),
    );
  }

  /** llm: one model call through `options.llm`. */
  llm(id: string, call: LlmCall): Promise<NodeValue> {
    const node = this.node(id);
    let meter = new UsageMeter(this.usage);
    return this.attempt(
      id,
      node,
      (signal) => {
        meter = new UsageMeter(this.usage);
        return callLlm(this.llmContext(id, signal, meter), call, node.outputType);
      },
      undefined,
      undefined,
      () => meter,
    );
  }

  /**
   * agent: a tool-calling loop through `options.llm`, or the implementation the operator
   * registered under the node's `package` (`options.agents`).
   */
  agent(id: string, call: AgentNodeCall): Promise<NodeValue> {
    const node = this.node(id);
    const { tools, specs } = this.agentTools(node, call.tools);
    let meter = new UsageMeter(this.usage);
    return this.attempt(
      id,
      node,
      (signal) => {
        meter = new UsageMeter(this.usage);
        const context = this.llmContext(id, signal, meter);
        return this.agentTurn(id, node, call, tools, specs, context, this.memoryPlace(id, call.memory));
      },
      undefined,
      undefined,
      () => meter,
    );
  }

  /**
   * recursive: the node's agent run in rounds, each continuing the conversation with the last
   * round's answer, until the convergence test (sandboxed, metered like a condition) holds or
   * `maxRounds` rounds ran. Output: the last round's output with `rounds` and `converged`.
   */
  recursive(id: string, call: RecursiveCall, convergence?: (round: Round) => Output): Promise<NodeValue> {
    const node = this.node(id);
    const { tools, specs } = this.agentTools(node, call.tools);
    let meter = new UsageMeter(this.usage);
    let fuelUsed = 0;
    return this.attempt(
      id,
      node,
      async (signal) => {
        meter = new UsageMeter(this.usage);
        const context = this.llmContext(id, signal, meter);
        // Rounds share one conversation: the node's memory, else one kept for this attempt.
        const place = this.memoryPlace(id, call.memory) ?? { memory: new InMemoryAgentMemory(), key: id };
        let last: Record<string, unknown> | undefined;
        let converged = false;
        let rounds = 0;
        // A registered implementation gets the task every round (with the round); the model, a follow-up.
        const registered =
          call.package !== undefined && typeof ownValue(this.options.agents, call.package) === "function";
        while (rounds < call.maxRounds && !converged) {
          rounds++;
          const prompt = rounds === 1 || registered ? call.prompt : followUp(rounds, call.maxRounds);
          const round = { iteration: rounds, last };
          last = await this.agentTurn(id, node, { ...call, prompt }, tools, specs, context, place, round);
          if (convergence) {
            const result = await this.evaluate(id, node, convergence({ iteration: rounds, last }));
            fuelUsed += result.fuelUsed;
            converged = (result.output as { result?: unknown }).result === true;
          }
          this.emit({ type: "recursive_round", nodeId: id, iteration: rounds, converged });
        }
        return { ...last, rounds, converged };
      },
      undefined,
      () => fuelUsed,
      () => meter,
    );
  }

  /** An environment variable (`{{ env.NAME }}`), if the operator allowed it (checked before the run too). */
  env(name: string): string | undefined {
    if (!this.allowedEnv.has(name)) throw envDenied(name, undefined);
    return (this.options.env ?? process.env)[name];
  }

  /** loop: runs `body` per item, at most `maxParallel` at once (0: all at once), never more than the policy's `maxParallel`. */
  loop(
    id: string,
    items: unknown,
    maxParallel: number,
    body: (item: NodeValue, index: number) => Promise<unknown>,
  ): Promise<{ results: unknown[] }> {
    const node = this.node(id);
    const executor = this.executor;
    const run = executor
      ? (item: unknown, index: number) => executor.scope(String(index), () => body(item, index))
      : body;
    return this.attempt(
      id,
      { ...node, retries: 0 },
      async () => {
        if (!Array.isArray(items))
          throw new InputInvalidError(`loop items must be an array, got ${items === null ? "null" : typeof items}`, id);
        const results = new Array<unknown>(items.length);
        let next = 0;
        const worker = async (): Promise<void> => {
          while (next < items.length) {
            const index = next++;
            this.throwIfAborted(id);
            results[index] = await run(items[index], index);
          }
        };
        const asked = maxParallel > 0 ? maxParallel : items.length;
        const width = Math.min(asked, items.length, this.policy.maxParallel);
        await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
        return { results };
      },
      undefined,
      undefined,
      undefined,
      true,
    );
  }

  /** parallel: runs every branch at once and joins their results. */
  parallel(id: string, branches: readonly (() => Promise<unknown>)[]): Promise<{ branches: unknown[] }> {
    const node = this.node(id);
    const executor = this.executor;
    return this.attempt(
      id,
      { ...node, retries: 0 },
      async () => ({
        branches: await Promise.all(
          branches.map((branch, index) => (executor ? executor.scope(String(index), branch) : branch())),
        ),
      }),
      undefined,
      undefined,
      undefined,
      true,
    );
  }

  /** workflow: runs another generated workflow with the same options. */
  workflow(id: string, ref: string, runner: WorkflowRunner | undefined, inputs: Output): Promise<NodeValue> {
    const node = this.node(id);
    return this.attempt(
      id,
      node,
      (signal) => {
        if (typeof runner !== "function") throw new WorkflowMissingError(id, ref);
        return runner(inputs, { ...this.options, signal, llm: this.provider, memory: this.memory });
      },
      undefined,
      undefined,
      undefined,
      true,
    );
  }

  /** Records that a node on a branch not taken was skipped; its value is undefined. */
  skip(id: string): undefined {
    this.emit({ type: "node_skipped", nodeId: id, kind: this.node(id).kind });
    return undefined;
  }

  /** A value spliced into a string template. */
  text(value: unknown): string {
    if (value === undefined || value === null) return "";
    return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  /** The workflow's output: missing values become null, so the output is plain JSON. */
  output<T>(values: Output): T {
    const costUsd = this.usage.costUsd;
    this.emit({
      type: "run_completed",
      workflow: this.manifest.name,
      durationMs: performance.now() - this.started,
      tokens: this.usage.tokens,
      ...(costUsd !== undefined && { costUsd }),
    });
    const copy: unknown = JSON.parse(
      JSON.stringify(values, (_key, value: unknown) => (value === undefined ? null : value)),
    );
    return keepNegativeZero(values, copy) as T;
  }

  private sandboxed(id: string, inputs: Output): Promise<Output> {
    const node = this.node(id);
    let fuelUsed = 0;
    return this.attempt(
      id,
      { ...node, timeoutMs: undefined },
      async () => {
        const result = await this.evaluate(id, node, inputs);
        fuelUsed = result.fuelUsed;
        return result.output;
      },
      undefined,
      () => fuelUsed,
    );
  }

  /** Runs a node's sandbox module once (a fresh instance, its limits, the run's seed). */
  private async evaluate(
    id: string,
    node: NodeManifest,
    inputs: Output,
  ): Promise<{ output: Output; fuelUsed: number }> {
    const sandbox = node.sandbox;
    if (!sandbox) throw new IceError("ICE_MODULE_INVALID", "node has no sandbox module", id);
    const limits: SandboxLimits = effectiveLimits(id, sandbox.limits, this.options);
    const program = await loadSandbox(this.baseUrl, id, sandbox);
    const result = program.run(inputs, limits, {
      log: (message: string) => this.emit({ type: "log", nodeId: id, message }),
      ...(this.options.seed !== undefined && { seed: this.options.seed }),
    });
    return { output: result.output, fuelUsed: result.fuelUsed };
  }

  /** The tools an agent may call, and the signatures offered to its model. */
  private agentTools(
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

  /** One agent turn: the registered implementation, else the tool-calling loop from the node's prompt. */
  private async agentTurn(
    id: string,
    node: NodeManifest,
    call: AgentNodeCall,
    tools: Record<string, ToolFunction>,
    specs: Record<string, { description: string; parameters: object }>,
    context: LlmContext,
    place: MemoryPlace | undefined,
    round?: Round,
  ): Promise<Record<string, unknown>> {
    const implementation = call.package !== undefined ? ownValue(this.options.agents, call.package) : undefined;
    if (call.package !== undefined && typeof implementation !== "function")
      this.warn(
        id,
        `agent package '${call.package}' is not registered (iceosc run --agents <module.js>, options.agents), so the node runs from its own prompt and model settings`,
      );
    if (typeof implementation === "function") {
      const memory = place ?? { memory: this.memory, key: `${this.manifest.name}:${id}` };
      const result = await implementation({
        nodeId: id,
        package: call.package!,
        prompt: call.prompt,
        ...(call.model !== undefined && { model: call.model }),
        config: call.config ?? {},
        tools,
        llm: this.provider,
        memory: memory.memory,
        memoryKey: memory.key,
        ...(round && { round }),
        signal: context.signal,
      });
      return implementationOutput(id, result, node.outputType);
    }
    const config = place ? { ...call.config, memory_key: place.key } : call.config;
    // A tool the operator did not supply is left out of what the model is offered (with a warning):
    // the agent may still finish with the others, as an iceOS agent does.
    const available = call.tools.filter((name) => typeof tools[name] === "function");
    for (const name of call.tools)
      if (!available.includes(name))
        this.warn(id, `tool '${name}' was not supplied (--tools, options.tools), so the agent runs without it`);
    const loop = await runAgent(
      place ? { ...context, memory: place.memory } : context,
      { ...call, tools: available, ...(config && { config }) },
      tools,
      specs,
    );
    return replyOutput(loop.text, node.outputType, (message) => this.warn(id, message));
  }

  /** Where a node's conversation lives (`memory: { backend, key }`); undefined without `memory`. */
  private memoryPlace(id: string, choice: MemoryChoice | undefined): MemoryPlace | undefined {
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
  private warn(nodeId: string, message: string): void {
    const key = `${nodeId}\0${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.emit({ type: "warning", nodeId, message });
  }

  private attempt<T>(
    id: string,
    node: NodeManifest,
    body: AttemptBody<T>,
    wrap?: (error: unknown) => IceError,
    fuelOf?: () => number,
    meter?: () => UsageMeter,
    /** Loop, parallel and workflow nodes: they run other nodes (see `StepExecutor.attempt`). */
    composite = false,
  ): Promise<T> {
    // Run options override the node's own settings (the manifest's per-node defaults).
    const own = ownValue(this.options.nodeRetries, id);
    const retryPolicy = own ?? this.options.retryPolicy ?? node.retryPolicy;
    const failurePolicy = ownValue(this.options.nodeFailurePolicy, id) ?? this.options.failurePolicy ?? node.onFailure;
    const executor = this.executor;
    return attempt(
      {
        nodeId: id,
        kind: node.kind,
        retries: node.retries === 0 ? 0 : (own?.retries ?? node.retries ?? 0),
        timeoutMs: node.timeoutMs,
        signal: this.signal,
        emit: this.emit,
        wrap: wrap ?? ((error) => new IceError("ICE_SANDBOX_TRAP", messageOf(error), id, { cause: error })),
        ...(retryPolicy && { retryPolicy }),
        ...(failurePolicy && { failurePolicy }),
        ...(executor && {
          step: <R>(attemptNo: number, run: () => Promise<R>) => executor.attempt(id, attemptNo, composite, run),
        }),
        ...(meter && {
          metrics: () => {
            const m = meter();
            const costUsd = m.costUsd;
            return m.used ? { tokens: m.tokens, ...(costUsd !== undefined && { costUsd }) } : undefined;
          },
        }),
      },
      body,
      fuelOf,
    );
  }

  /** A user tool, else a built-in one. */
  private toolNamed(name: string): ToolFunction | undefined {
    const own = ownValue(this.options.tools, name);
    if (typeof own === "function") return own;
    return ownValue(this.plugins, name)?.run ?? ownValue(this.builtins, name)?.run;
  }

  private llmContext(nodeId: string, signal: AbortSignal, meter: UsageMeter): LlmContext {
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

  private checkOutput(id: string, node: NodeManifest, value: unknown): unknown {
    if (node.outputType) {
      const problem = validateValue(value, node.outputType, "output");
      if (problem) throw new OutputInvalidError(id, problem);
    }
    return value;
  }

  private throwIfAborted(id: string): void {
    if (this.signal?.aborted) throw new AbortedError(id);
  }

  private node(id: string): NodeManifest {
    const node = ownValue(this.manifest.nodes, id);
    if (!node) throw new IceError("ICE_MODULE_INVALID", `generated module has no manifest entry for node '${id}'`, id);
    return node;
  }
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

/** A round of a recursive node, as its convergence test reads it. */
interface Round {
  readonly iteration: number;
  readonly last: unknown;
}

/** ICE_POLICY_DENIED for an environment variable the operator did not allow. */
function envDenied(name: string, nodeId: string | undefined): PolicyDeniedError {
  return new PolicyDeniedError(
    nodeId,
    `reads environment variable '${name}', which the operator did not allow: run with --allow-env ${name} (options.policy.allowEnv)`,
  );
}

/** A signal that aborts with `outer` and accepts any number of listeners. */
function followSignal(outer: AbortSignal): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (outer.aborted) controller.abort(outer.reason);
  else outer.addEventListener("abort", () => controller.abort(outer.reason), { once: true });
  return controller.signal;
}

/**
 * Puts back the -0s that the JSON copy of an output turned into 0 (a code node computes with
 * JavaScript numbers, and -0 is one of them): the copy decides the shape, and only number leaves
 * that were -0 at the same place in the source change. Values with a `toJSON` are left as copied.
 */
function keepNegativeZero(source: unknown, copy: unknown): unknown {
  if (copy === 0 && Object.is(source, -0)) return -0;
  if (copy === null || typeof copy !== "object" || source === null || typeof source !== "object") return copy;
  if (typeof (source as { toJSON?: unknown }).toJSON === "function") return copy;
  if (Array.isArray(copy)) {
    if (!Array.isArray(source)) return copy;
    for (let i = 0; i < copy.length; i++) copy[i] = keepNegativeZero(source[i], copy[i]);
    return copy;
  }
  const target = copy as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    // An own "__proto__" key stays as copied (assigning it would set the copy's prototype).
    if (key !== "__proto__" && Object.hasOwn(source, key))
      target[key] = keepNegativeZero((source as Record<string, unknown>)[key], target[key]);
  }
  return copy;
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
