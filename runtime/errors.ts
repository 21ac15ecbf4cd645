/**
 * @fileoverview The errors a run can end with. Every error thrown by a generated module or the
 * runtime is an `IceError` with a stable `code` (README "Errors and diagnostics") and the id of the failing node.
 */

/** Stable error codes; outside tests match on these strings. */
export type IceErrorCode =
  | "ICE_FUEL_EXHAUSTED"
  | "ICE_MEMORY_LIMIT"
  | "ICE_TIMEOUT"
  | "ICE_SANDBOX_TRAP"
  | "ICE_CAPABILITY_DENIED"
  | "ICE_POLICY_DENIED"
  | "ICE_INPUT_INVALID"
  | "ICE_OUTPUT_INVALID"
  | "ICE_TOOL_MISSING"
  | "ICE_TOOL_FAILED"
  | "ICE_PROVIDER_MISSING"
  | "ICE_PROVIDER_FAILED"
  | "ICE_WORKFLOW_MISSING"
  | "ICE_ABORTED"
  | "ICE_MODULE_INVALID"
  | "ICE_REPLAY_MISMATCH"
  | "ICE_WORKFLOW_CHANGED"
  | "ICE_RUN_BUSY";

/** Base class of every error a run throws. */
export class IceError extends Error {
  /** Stable code, e.g. `ICE_FUEL_EXHAUSTED`. */
  readonly code: IceErrorCode;
  /** Id of the node that failed; undefined for workflow-level failures (bad input). */
  readonly nodeId: string | undefined;

  constructor(code: IceErrorCode, message: string, nodeId?: string, options?: { cause?: unknown }) {
    super(nodeId === undefined ? message : `node '${nodeId}': ${message}`, options);
    this.name = new.target.name;
    this.code = code;
    this.nodeId = nodeId;
  }
}

/** A sandboxed node used up its fuel (instruction budget). */
export class FuelExhaustedError extends IceError {
  constructor(nodeId: string, fuel: number) {
    super("ICE_FUEL_EXHAUSTED", `ran out of fuel (budget ${fuel} units)`, nodeId);
  }
}

/** A sandboxed node tried to grow its linear memory past its cap. */
export class MemoryLimitError extends IceError {
  constructor(nodeId: string, memoryBytes: number) {
    super("ICE_MEMORY_LIMIT", `exceeded its memory limit of ${formatBytes(memoryBytes)}`, nodeId);
  }
}

/** A node ran past its wall-clock timeout. */
export class TimeoutError extends IceError {
  constructor(nodeId: string, timeoutMs: number) {
    super("ICE_TIMEOUT", `timed out after ${timeoutMs} ms`, nodeId);
  }
}

/**
 * The whole run passed the operator's ceiling (`maxRunMs`, `--max-run-seconds`): `ICE_TIMEOUT`
 * for the node in flight, never retried nor continued past (`failure_policy: continue`).
 */
export class RunDeadlineError extends IceError {
  readonly runDeadline = true;
  constructor(nodeId: string, maxRunMs: number) {
    super(
      "ICE_TIMEOUT",
      `the run took longer than the operator's ceiling of ${maxRunMs} ms for a whole run (raise it with --max-run-seconds, options.policy.maxRunMs)`,
      nodeId,
    );
  }
}

/**
 * The whole run started as many node attempts as the operator allows (`maxRunNodes`,
 * `--max-run-nodes`): `ICE_POLICY_DENIED` for the next, never retried nor continued past (read as a
 * run deadline: the run ends). Loops over input data and sub-workflow fan-out can start millions of
 * cheap nodes within the time ceiling.
 */
export class RunNodeCeilingError extends IceError {
  readonly runDeadline = true;
  constructor(nodeId: string, maxRunNodes: number) {
    super(
      "ICE_POLICY_DENIED",
      `the run started more nodes than the operator's ceiling of ${maxRunNodes} node attempts for a whole run (raise it with --max-run-nodes, options.policy.maxRunNodes)`,
      nodeId,
    );
  }
}

/**
 * The whole run has as many node attempts in flight at once as the operator allows
 * (`maxNodesInFlight`, `--max-nodes-in-flight`): `ICE_POLICY_DENIED` for the next, never retried nor
 * continued past (read as a run deadline: the run ends). Parallel branches start all at once and
 * nested sub-workflows multiply them: each waiting node holds memory of the host.
 */
export class RunInFlightCeilingError extends IceError {
  readonly runDeadline = true;
  constructor(nodeId: string, maxNodesInFlight: number) {
    super(
      "ICE_POLICY_DENIED",
      `the run has more nodes in flight at once than the operator's ceiling of ${maxNodesInFlight} for a whole run (raise it with --max-nodes-in-flight, options.policy.maxNodesInFlight)`,
      nodeId,
    );
  }
}

/**
 * A text the run would build is longer than `maxChars` (a string template's text, a value spliced
 * into one): ICE_MEMORY_LIMIT. Templates repeat a node's output, so a 15 M-character output spliced
 * 40 times asked V8 for a string longer than it allows (a RangeError, not the run's error).
 */
export class TextTooLongError extends IceError {
  constructor(maxChars: number) {
    super(
      "ICE_MEMORY_LIMIT",
      `a string template's text would be longer than ${maxChars} characters, the most a run builds in one text`,
    );
  }
}

/** Sandboxed code trapped or aborted (unreachable, out-of-bounds, `throw`, stack overflow). */
export class SandboxTrapError extends IceError {
  constructor(nodeId: string, detail: string) {
    super("ICE_SANDBOX_TRAP", `trapped: ${detail}`, nodeId);
  }
}

/**
 * Something a node needs was not granted: a sandboxed module imports what its node may not, or a
 * built-in tool reaches for a file, host or variable the operator did not grant.
 */
export class CapabilityDeniedError extends IceError {
  constructor(nodeId: string, detail: string) {
    super("ICE_CAPABILITY_DENIED", detail, nodeId);
  }
}

/**
 * The operator's policy refuses what the workflow asks for (trusted code, limits above a
 * ceiling, a host or environment variable not granted). Thrown before the refused node runs;
 * the message names the flag that would allow it.
 */
export class PolicyDeniedError extends IceError {
  constructor(nodeId: string | undefined, detail: string) {
    super("ICE_POLICY_DENIED", detail, nodeId);
  }
}

/** Workflow input (or a value bound to a node's typed input) does not match its schema. */
export class InputInvalidError extends IceError {
  constructor(message: string, nodeId?: string) {
    super("ICE_INPUT_INVALID", message, nodeId);
  }
}

/** A node produced a value that does not match its declared output schema. */
export class OutputInvalidError extends IceError {
  constructor(nodeId: string, message: string) {
    super("ICE_OUTPUT_INVALID", message, nodeId);
  }
}

/** A tool node names a tool that `options.tools` does not supply. */
export class ToolMissingError extends IceError {
  constructor(nodeId: string, toolName: string) {
    super("ICE_TOOL_MISSING", `tool '${toolName}' was not supplied in options.tools`, nodeId);
  }
}

/** A tool threw. The original error is the `cause`. */
export class ToolFailedError extends IceError {
  constructor(nodeId: string, toolName: string, cause: unknown) {
    super("ICE_TOOL_FAILED", `tool '${toolName}' failed: ${messageOf(cause)}`, nodeId, { cause });
  }
}

/** An llm or agent node ran without an LLM provider in the options. */
export class ProviderMissingError extends IceError {
  constructor(nodeId: string) {
    super("ICE_PROVIDER_MISSING", "no LLM provider: pass options.llm", nodeId);
  }
}

/** The LLM provider failed or replied with something unusable. */
export class ProviderFailedError extends IceError {
  constructor(nodeId: string, cause: unknown) {
    super("ICE_PROVIDER_FAILED", `LLM provider failed: ${messageOf(cause)}`, nodeId, { cause });
  }
}

/** Why a provider request failed. */
export type ProviderFailure = "http" | "rate_limited" | "auth" | "connection" | "stream_cut" | "bad_reply";

/** A provider request failed over HTTP: a status, a refused or cut connection, an unusable reply. */
export class ProviderRequestError extends ProviderFailedError {
  /** What went wrong, for callers that branch on it. */
  readonly reason: ProviderFailure;
  /** HTTP status of the failed response, when there was one. */
  readonly status: number | undefined;

  constructor(
    nodeId: string,
    reason: ProviderFailure,
    detail: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(nodeId, options.cause ?? new Error(detail));
    this.message = `node '${nodeId}': LLM provider failed: ${detail}`;
    this.reason = reason;
    this.status = options.status;
  }
}

/** Replay met a call the recording does not hold (or holds with other arguments). */
export class ReplayMismatchError extends IceError {
  constructor(nodeId: string, detail: string) {
    super("ICE_REPLAY_MISMATCH", detail, nodeId);
  }
}

/** A sub-workflow could not be loaded. */
export class WorkflowMissingError extends IceError {
  constructor(nodeId: string, ref: string) {
    super("ICE_WORKFLOW_MISSING", `sub-workflow '${ref}' is not available`, nodeId);
  }
}

/** The run was cancelled through its AbortSignal. */
export class AbortedError extends IceError {
  constructor(nodeId?: string) {
    super("ICE_ABORTED", "run was aborted", nodeId);
  }
}

/** A sandbox module failed verification (bad binary, forbidden instructions). */
export class ModuleInvalidError extends IceError {
  constructor(nodeId: string, detail: string) {
    super("ICE_MODULE_INVALID", detail, nodeId);
  }
}

/** A durable run cannot go on with this workflow: it was started from a different build of it. */
export class WorkflowChangedError extends IceError {
  constructor(detail: string) {
    super("ICE_WORKFLOW_CHANGED", detail);
  }
}

/** A durable run is being executed by another live process. */
export class RunBusyError extends IceError {
  constructor(runId: string) {
    super("ICE_RUN_BUSY", `run '${runId}' is being executed by another process; wait for it, or use iceosc status`);
  }
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
