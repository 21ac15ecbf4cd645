/**
 * @fileoverview The operator's policy (README "Operator policy"): what a run of a workflow may do, decided by
 * whoever runs it (the CLI's user, or the app calling a generated module's `run`), never by the
 * workflow's author. Apps pass it as `options.policy`; `iceosc run` builds it from its flags.
 * Defaults are safe; the operator widens them. `resolvePolicy` fills in the defaults and checks
 * the operator's own values (a bad value is a programming error: a `RangeError`).
 */

/** What the operator passes (`options.policy`); every field is optional. */
export interface OperatorPolicy {
  /** Let code nodes marked `trust: trusted` run directly as host JavaScript (`--allow-trusted`). Default false. */
  readonly allowTrusted?: boolean;
  /** Ceiling of a sandboxed node's fuel (`--max-fuel`). Default 1e9. */
  readonly maxFuel?: number;
  /** Ceiling of a sandboxed node's memory, in MiB (`--max-memory-mb`). Default 64. */
  readonly maxMemoryMb?: number;
  /** Ceiling of a sandboxed node's wall-clock timeout, in ms (`--max-timeout-ms`). Default 10 000. */
  readonly maxTimeoutMs?: number;
  /** Ceiling of a node's retries (extra attempts after a failure) (`--max-retries`). Default 10. */
  readonly maxRetries?: number;
  /**
   * Most loop iterations in flight at once (`--max-parallel`). Default 16. A loop asking for more
   * (or for no cap) runs with this many at once: its results are the same, only its concurrency
   * is capped, so this one is applied rather than refused.
   */
  readonly maxParallel?: number;
  /**
   * Most model calls one attempt of an llm, agent or recursive node may make (`--max-model-calls`):
   * an agent's `max_iterations`, a recursive node's `max_rounds` times its `max_iterations`.
   * Default 100. Each model call is the operator's money and time, so the workflow cannot choose it.
   */
  readonly maxModelCalls?: number;
  /**
   * Most wall-clock milliseconds a whole run may take, its sub-workflows included
   * (`--max-run-seconds`). Default 3 600 000 (an hour). Each node is bounded, but a workflow of
   * sub-workflows can fan out to millions of them; a run past this ends with ICE_TIMEOUT.
   */
  readonly maxRunMs?: number;
  /**
   * Most node attempts a whole run may start, its sub-workflows included (`--max-run-nodes`).
   * Default 1 000 000. A loop over input data or a fan-out of sub-workflows can start millions of
   * cheap nodes within `maxRunMs`; the attempt past this fails with ICE_POLICY_DENIED.
   */
  readonly maxRunNodes?: number;
  /**
   * Most node attempts of a whole run in flight at once, its sub-workflows included
   * (`--max-nodes-in-flight`). Default 10 000. Parallel branches start all at once and
   * sub-workflows nest them: a 17-level binary tree of parallel sub-workflow calls held 400 000
   * nodes at once and exhausted the host's heap; the attempt past this fails with ICE_POLICY_DENIED.
   */
  readonly maxNodesInFlight?: number;
  /** Directories the built-in file tools may read besides the workflow's own (`--allow-read`). */
  readonly allowRead?: readonly string[];
  /** Hosts `http_request` and a workflow's `llm_config.base_url` may reach (`--allow-host`). */
  readonly allowHosts?: readonly string[];
  /** Environment variables a workflow may name (`llm_config.api_key_env`) (`--allow-env`). */
  readonly allowEnv?: readonly string[];
}

/** The policy in force: every field set. */
export interface Policy {
  readonly allowTrusted: boolean;
  readonly maxFuel: number;
  readonly maxMemoryMb: number;
  readonly maxTimeoutMs: number;
  readonly maxRetries: number;
  readonly maxParallel: number;
  readonly maxModelCalls: number;
  readonly maxRunMs: number;
  readonly maxRunNodes: number;
  readonly maxNodesInFlight: number;
  readonly allowRead: readonly string[];
  readonly allowHosts: readonly string[];
  readonly allowEnv: readonly string[];
}

/**
 * The defaults, and why:
 * - fuel 1e9: ten times the default `untrusted` profile (1e8); a tight loop burns a unit in about
 *   0.2 ns, so well under a second of compute on one core; the timeout ceiling backs it up.
 * - memory 64 MiB: four times the default profile (16 MiB); a sandbox lives on the host's heap.
 * - timeout 10 s: five times the default profile (2 s); a node holds a core while it runs.
 * - retries 10: with the timeout, bounds how long one node can keep retrying (11 attempts).
 * - parallel 16: loop iterations in flight at once (tool calls, requests, sandboxes queued).
 * - model calls 100: of one node's attempt; twenty times an agent's default (5 iterations), four
 *   times a recursive node's (5 rounds of 5).
 * - run 1 hour: a whole run, sub-workflows included; a run of bounded nodes can still fan out to
 *   millions of them (a 23-level binary tree of sub-workflows), so the run itself needs an end.
 * - run nodes 1,000,000: node attempts of a whole run, sub-workflows included; a loop of cheap
 *   nodes over input data starts about a million in seconds, far more within the hour.
 * - nodes in flight 10,000: node attempts of a whole run waiting at once (a few KB each, a
 *   sub-workflow's run more); a parallel node's branches all start, and nested sub-workflows
 *   multiply them, so without it a run's own fan-out could exhaust the host's heap.
 * - nothing trusted, no extra directory, host or environment variable.
 */
export const DEFAULT_POLICY: Policy = Object.freeze({
  allowTrusted: false,
  maxFuel: 1_000_000_000,
  maxMemoryMb: 64,
  maxTimeoutMs: 10_000,
  maxRetries: 10,
  maxParallel: 16,
  maxModelCalls: 100,
  maxRunMs: 3_600_000,
  maxRunNodes: 1_000_000,
  maxNodesInFlight: 10_000,
  allowRead: Object.freeze([]) as readonly string[],
  allowHosts: Object.freeze([]) as readonly string[],
  allowEnv: Object.freeze([]) as readonly string[],
});

/** Largest memory ceiling: a WebAssembly 32-bit memory cannot grow past 4 GiB. */
export const MAX_MEMORY_MB = 4096;

/** Largest run ceiling: the most a Node.js timer can wait (about 24.8 days). */
export const MAX_RUN_MS = 2_147_483_647;

/** The policy in force for `given` (the operator's `options.policy`), defaults filled in. */
export function resolvePolicy(given: OperatorPolicy | undefined): Policy {
  if (given === undefined || given === null) return DEFAULT_POLICY;
  if (typeof given !== "object") throw new RangeError("options.policy must be an object");
  return Object.freeze({
    allowTrusted: flag(given.allowTrusted, "allowTrusted"),
    maxFuel: count(given.maxFuel, "maxFuel", DEFAULT_POLICY.maxFuel, 1, Number.MAX_SAFE_INTEGER),
    maxMemoryMb: count(given.maxMemoryMb, "maxMemoryMb", DEFAULT_POLICY.maxMemoryMb, 1, MAX_MEMORY_MB),
    maxTimeoutMs: count(given.maxTimeoutMs, "maxTimeoutMs", DEFAULT_POLICY.maxTimeoutMs, 1, 2_147_483_647),
    maxRetries: count(given.maxRetries, "maxRetries", DEFAULT_POLICY.maxRetries, 0, 1_000_000),
    maxParallel: count(given.maxParallel, "maxParallel", DEFAULT_POLICY.maxParallel, 1, 1_000_000),
    maxModelCalls: count(
      given.maxModelCalls,
      "maxModelCalls",
      DEFAULT_POLICY.maxModelCalls,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    maxRunMs: count(given.maxRunMs, "maxRunMs", DEFAULT_POLICY.maxRunMs, 1, MAX_RUN_MS),
    maxRunNodes: count(given.maxRunNodes, "maxRunNodes", DEFAULT_POLICY.maxRunNodes, 1, Number.MAX_SAFE_INTEGER),
    maxNodesInFlight: count(
      given.maxNodesInFlight,
      "maxNodesInFlight",
      DEFAULT_POLICY.maxNodesInFlight,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    allowRead: strings(given.allowRead, "allowRead"),
    allowHosts: strings(given.allowHosts, "allowHosts"),
    allowEnv: strings(given.allowEnv, "allowEnv"),
  });
}

function flag(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new RangeError(`options.policy.${name} must be a boolean`);
  return value;
}

function count(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`options.policy.${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  return value;
}

function strings(value: unknown, name: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v !== ""))
    throw new RangeError(`options.policy.${name} must be a list of non-empty strings`);
  return Object.freeze([...(value as string[])]);
}
