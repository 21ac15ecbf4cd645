/**
 * @fileoverview One run of a generated workflow module. Generated code creates a `Run` and calls
 * one method per node; each method validates, runs the node through `attempt` (events, retries,
 * timeouts, cancellation) and returns the node's output.
 */
import {
  IceError,
  InputInvalidError,
  OutputInvalidError,
  PolicyDeniedError,
  SandboxTrapError,
  TextTooLongError,
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
  type MemoryPlace,
  type RecursiveCall,
} from "./agents.js";
import { callLlm, InMemoryAgentMemory, runAgent, type LlmCall, type LlmContext } from "./llm.js";
import type { NodeManifest } from "./manifest.js";
import type { RunOptions, ToolFunction } from "./options.js";
import { effectiveLimits } from "./policy/index.js";
import { withoutAbsentNulls } from "./absentFields.js";
import { ownValue } from "./records.js";
import { UsageMeter } from "./usage.js";
import type { SandboxLimits } from "./profiles.js";
import { loadedSandbox, loadSandbox } from "./sandboxes.js";
import type { SandboxHooks, SandboxResult } from "./sandbox/index.js";
import { NO_EVENTS } from "./attempt.js";
import { validateValue } from "./schema.js";
import { envDenied, RunContext, subRunOptions, type Output } from "./runContext.js";
import { plainOutput } from "./plainOutput.js";

/**
 * The longest text a string template builds: 128 Mi characters, a quarter of V8's longest string.
 * A template can splice one large output many times; past V8's own limit the concatenation threw a
 * RangeError out of the generated `run` (an internal error in `iceosc run`).
 */
export const MAX_TEXT_CHARS = 2 ** 27;

/**
 * A node's output as generated code sees it. Its shape is checked by the compiler and, where a
 * schema is declared, validated at run time; generated code reads it with optional chaining.
 */
// biome-ignore lint/suspicious/noExplicitAny: the checker typed these values; generated code reads them by path
export type NodeValue = any;

/** A generated module's `run` function, as another workflow calls it. */
export type WorkflowRunner = (input: NodeValue, options?: RunOptions) => Promise<unknown>;

/** One run: generated code calls one method per node (the shared plumbing is RunContext's). */
export class Run extends RunContext {
  /** tool: calls `options.tools[name]` with the arguments. */
  tool(id: string, args: Output): Promise<NodeValue> {
    const node = this.node(id);
    const name = node.toolName ?? id;
    return this.attempt(
      id,
      node,
      (scope, attemptNo) => {
        const tool = this.toolNamed(name);
        if (typeof tool !== "function") throw new ToolMissingError(id, name);
        const executor = this.executor;
        // The signal is made when the tool reads it (attempt.ts AttemptSignal).
        const context = executor
          ? {
              nodeId: id,
              get signal() {
                return scope.signal;
              },
              idempotencyKey: executor.idempotencyKey(id, attemptNo),
            }
          : {
              nodeId: id,
              get signal() {
                return scope.signal;
              },
            };
        return Promise.resolve(tool(args, context)).then((result) => this.checkOutput(id, node, result));
      },
      { wrap: (error) => new ToolFailedError(id, name, error) },
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
        const output = body(node.sandbox ? (withoutAbsentNulls(inputs, node.sandbox.inputType) as Output) : inputs);
        const invalid = node.sandbox && validateValue(output, node.sandbox.outputType, "output");
        if (invalid) throw new OutputInvalidError(id, invalid);
        return output;
      },
      { wrap: (error) => new SandboxTrapError(id, messageOf(error)) },
    );
  }

  /** llm: one model call through `options.llm`. */
  llm(id: string, call: LlmCall): Promise<NodeValue> {
    const node = this.node(id);
    let meter = new UsageMeter(this.usage);
    return this.attempt(
      id,
      node,
      ({ signal }) => {
        meter = new UsageMeter(this.usage);
        return callLlm(this.llmContext(id, signal, meter), call, node.outputType);
      },
      { meter: () => meter },
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
      ({ signal }) => {
        meter = new UsageMeter(this.usage);
        const context = this.llmContext(id, signal, meter);
        return this.agentTurn(id, node, call, tools, specs, context, this.memoryPlace(id, call.memory));
      },
      { meter: () => meter },
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
      async ({ signal }) => {
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
      { fuelOf: () => fuelUsed, meter: () => meter },
    );
  }

  /** An environment variable (`{{ env.NAME }}`), if the operator allowed it (checked before the run too). */
  env(name: string): string | undefined {
    if (!this.policy.allowEnv.includes(name)) throw envDenied(name, undefined);
    // Own variables only: `process.env.toString` is Object.prototype's function, not a variable.
    const value = ownValue(this.options.env ?? process.env, name);
    return typeof value === "string" ? value : undefined;
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
      node,
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
      { composite: true, noRetries: true },
    );
  }

  /** parallel: runs every branch at once and joins their results. */
  parallel(id: string, branches: readonly (() => Promise<unknown>)[]): Promise<{ branches: unknown[] }> {
    const node = this.node(id);
    const executor = this.executor;
    return this.attempt(
      id,
      node,
      async () => ({
        branches: await Promise.all(
          branches.map((branch, index) => (executor ? executor.scope(String(index), branch) : branch())),
        ),
      }),
      { composite: true, noRetries: true },
    );
  }

  /** workflow: runs another generated workflow with the same options. */
  workflow(id: string, ref: string, runner: WorkflowRunner | undefined, inputs: Output): Promise<NodeValue> {
    const node = this.node(id);
    return this.attempt(
      id,
      node,
      ({ signal }) => {
        if (typeof runner !== "function") throw new WorkflowMissingError(id, ref);
        return runner(
          inputs,
          subRunOptions({ ...this.options, signal, llm: this.provider, memory: this.memory }, this.deadline),
        );
      },
      { composite: true },
    );
  }

  /** Records that a node on a branch not taken was skipped; its value is undefined. */
  skip(id: string): undefined {
    this.emit({ type: "node_skipped", nodeId: id, kind: this.node(id).kind });
    return undefined;
  }

  /** A value spliced into a string template (an object or array as JSON). */
  text(value: unknown): string {
    if (value === undefined || value === null) return "";
    if (typeof value !== "object") return String(value);
    try {
      return JSON.stringify(value);
    } catch (error) {
      // Data only (no cycles, no BigInt): only V8's longest string can stop JSON.stringify here.
      if (error instanceof RangeError) throw new TextTooLongError(MAX_TEXT_CHARS);
      throw error;
    }
  }

  /** A string template (`rt.template\`...${value}...\``): each value as `text`, the whole at most MAX_TEXT_CHARS. */
  template(strings: TemplateStringsArray, ...values: unknown[]): string {
    let text = strings[0]!;
    for (let i = 0; i < values.length; i++) {
      const piece = typeof values[i] === "string" ? (values[i] as string) : this.text(values[i]);
      const next = strings[i + 1]!;
      if (text.length + piece.length + next.length > MAX_TEXT_CHARS) throw new TextTooLongError(MAX_TEXT_CHARS);
      text += piece + next;
    }
    return text;
  }

  /** The workflow's output: missing values become null, so the output is plain JSON. */
  output<T>(values: Output): T {
    if (this.emit !== NO_EVENTS) {
      const costUsd = this.usage.costUsd;
      this.emit({
        type: "run_completed",
        workflow: this.manifest.name,
        durationMs: performance.now() - this.started,
        tokens: this.usage.tokens,
        ...(costUsd !== undefined && { costUsd }),
      });
    }
    return plainOutput(values) as T;
  }

  private sandboxed(id: string, inputs: Output): Promise<Output> {
    const node = this.node(id);
    let fuelUsed = 0;
    return this.attempt(
      id,
      node,
      () => {
        const result = this.evaluate(id, node, inputs);
        if (result instanceof Promise)
          return result.then((r) => {
            fuelUsed = r.fuelUsed;
            return r.output;
          });
        fuelUsed = result.fuelUsed;
        return result.output;
      },
      { untimed: true, fuelOf: () => fuelUsed },
    );
  }

  /**
   * Runs a node's sandbox module once (a fresh instance, its limits, the run's seed): at once
   * when its program is loaded (as it is after the generated module's import), else once loaded.
   */
  private evaluate(id: string, node: NodeManifest, inputs: Output): SandboxResult | Promise<SandboxResult> {
    const sandbox = node.sandbox;
    if (!sandbox) throw new IceError("ICE_MODULE_INVALID", "node has no sandbox module", id);
    const limits: SandboxLimits = effectiveLimits(id, sandbox.limits, this.options);
    const hooks = this.sandboxHooks(id);
    const ready = loadedSandbox(this.baseUrl, sandbox);
    if (ready !== undefined) return ready.run(inputs, limits, hooks);
    return loadSandbox(this.baseUrl, id, sandbox).then((program) => program.run(inputs, limits, hooks));
  }

  /** What a sandboxed node's run tells the host: logs as events (dropped unheard), the run's seed. */
  private sandboxHooks(id: string): SandboxHooks {
    const seed = this.options.seed;
    if (this.emit === NO_EVENTS && seed === undefined) return UNHEARD;
    return {
      log: (message: string) => this.emit({ type: "log", nodeId: id, message }),
      ...(seed !== undefined && { seed }),
    };
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
}

/** A sandboxed run's hooks when no one listens for its logs and the run has no seed. */
const UNHEARD: SandboxHooks = { log: () => undefined };

/** A round of a recursive node, as its convergence test reads it. */
interface Round {
  readonly iteration: number;
  readonly last: unknown;
}
