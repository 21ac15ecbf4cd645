/**
 * @fileoverview The operator's policy against a workflow's plan, before any node runs: code nodes
 * marked `trust: trusted` need `allowTrusted`; every sandboxed node's limits (trust profile, its
 * own `limits`, run-time overrides, all merged as the run will merge them), every node's
 * retries and every model node's calls must stay within the ceilings. A request above a ceiling is refused, never clamped:
 * the refusal names the node and the flag (and `options.policy` field) that would allow it.
 */
import { PolicyDeniedError } from "../errors.js";
import type { NodeManifest, WorkflowManifest } from "../manifest.js";
import type { RunOptions } from "../options.js";
import type { SandboxLimits } from "../profiles.js";
import { DEFAULT_POLICY, type Policy } from "./policy.js";

const MiB = 1024 * 1024;

/** The run-time overrides that widen or narrow what the workflow asks for. */
export type PolicyOverrides = Pick<RunOptions, "limits" | "nodeLimits" | "nodeRetries">;

/** Throws `PolicyDeniedError` for the first node the policy refuses; returns when all may run. */
export function checkPlanAgainstPolicy(
  manifest: WorkflowManifest,
  policy: Policy,
  overrides: PolicyOverrides = {},
): void {
  for (const [id, node] of Object.entries(manifest.nodes)) {
    const problems = nodeProblems(id, node, policy, overrides);
    if (problems.length > 0) {
      const flags = problems.map((p) => p.flag).join(" ");
      const fields = problems.map((p) => p.field).join(", ");
      throw new PolicyDeniedError(
        id,
        `${problems.map((p) => p.what).join("; ")}: refused by the operator's policy; ` +
          `to allow it run with ${flags} (options.policy: ${fields})`,
      );
    }
  }
}

/**
 * Manifests found within the default policy with no run-time overrides. Both are constants (the
 * policy frozen, the manifest a generated module's own), so the verdict cannot change: a run of
 * such a workflow checks once per process, not once per run (~0.7 us of a tiny workflow's run).
 */
const withinDefaults = new WeakSet<WorkflowManifest>();

/** `checkPlanAgainstPolicy`, remembered for the default policy without overrides. */
export function checkPlanOnce(manifest: WorkflowManifest, policy: Policy, overrides: PolicyOverrides = {}): void {
  const constant =
    policy === DEFAULT_POLICY &&
    overrides.limits === undefined &&
    overrides.nodeLimits === undefined &&
    overrides.nodeRetries === undefined;
  if (constant && withinDefaults.has(manifest)) return;
  checkPlanAgainstPolicy(manifest, policy, overrides);
  if (constant) withinDefaults.add(manifest);
}

/** What a node asks for beyond the policy, and how the operator would allow it. */
interface Problem {
  readonly what: string;
  readonly flag: string;
  readonly field: string;
}

function nodeProblems(id: string, node: NodeManifest, policy: Policy, overrides: PolicyOverrides): Problem[] {
  const problems: Problem[] = [];
  const sandbox = node.sandbox;
  if (sandbox?.direct) {
    if (!policy.allowTrusted)
      problems.push({
        what: "is marked 'trust: trusted' (its code would run as host JavaScript, outside the sandbox)",
        flag: "--allow-trusted",
        field: "allowTrusted: true",
      });
  } else if (sandbox) {
    const limits = effectiveLimits(id, sandbox.limits, overrides);
    const profile = sandbox.trust !== undefined ? ` (trust profile '${sandbox.trust}')` : "";
    if (!withinCeiling(limits.fuel, policy.maxFuel))
      problems.push({
        what: `asks for fuel ${limits.fuel}${profile}, above the ceiling of ${policy.maxFuel}`,
        flag: `--max-fuel ${limits.fuel}`,
        field: `maxFuel: ${limits.fuel}`,
      });
    const memoryMb = Math.ceil(limits.memoryBytes / MiB);
    if (!withinCeiling(limits.memoryBytes, policy.maxMemoryMb * MiB))
      problems.push({
        what: `asks for ${memoryMb} MiB of memory${profile}, above the ceiling of ${policy.maxMemoryMb} MiB`,
        flag: `--max-memory-mb ${memoryMb}`,
        field: `maxMemoryMb: ${memoryMb}`,
      });
    if (!withinCeiling(limits.timeoutMs, policy.maxTimeoutMs))
      problems.push({
        what: `asks for a timeout of ${limits.timeoutMs} ms${profile}, above the ceiling of ${policy.maxTimeoutMs} ms`,
        flag: `--max-timeout-ms ${limits.timeoutMs}`,
        field: `maxTimeoutMs: ${limits.timeoutMs}`,
      });
  }
  if (!withinCeiling(node.modelCalls ?? 0, policy.maxModelCalls))
    problems.push({
      what: `may make ${node.modelCalls} model calls (max_iterations, max_rounds), above the ceiling of ${policy.maxModelCalls}`,
      flag: `--max-model-calls ${node.modelCalls}`,
      field: `maxModelCalls: ${node.modelCalls}`,
    });
  const retries = effectiveRetries(id, node, overrides);
  if (!withinCeiling(retries, policy.maxRetries))
    problems.push({
      what: `asks for ${retries} retries, above the ceiling of ${policy.maxRetries}`,
      flag: `--max-retries ${retries}`,
      field: `maxRetries: ${retries}`,
    });
  return problems;
}

/** The limits a sandboxed node will run with: the manifest's, then `limits`, then `nodeLimits[id]` (as `Run` merges them). */
export function effectiveLimits(id: string, own: SandboxLimits, overrides: PolicyOverrides): SandboxLimits {
  if (overrides.limits === undefined && overrides.nodeLimits === undefined) return own;
  return { ...own, ...overrides.limits, ...ownEntry(overrides.nodeLimits, id) };
}

/** The retries a node will get (as `Run` computes them): loops and parallel nodes never retry. */
function effectiveRetries(id: string, node: NodeManifest, overrides: PolicyOverrides): number {
  if (node.kind === "loop" || node.kind === "parallel" || node.retries === 0) return 0;
  return ownEntry(overrides.nodeRetries, id)?.retries ?? node.retries ?? 0;
}

/** A value a workflow asks for is within a ceiling: a finite, non-negative number at most `ceiling`. */
function withinCeiling(value: unknown, ceiling: number): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= ceiling;
}

function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
