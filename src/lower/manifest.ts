/**
 * @fileoverview Builds the manifest a generated module hands the runtime: per node, its kind,
 * retries and retry policy, failure policy, timeout, declared output type, tool name, the most
 * model calls of an agent or recursive node, agent tool schemas and sandbox module. `retry_policy.max_attempts` counts the first attempt, so it gives
 * `retries` as max_attempts - 1 (the checker reports a `retries` that disagrees).
 */
import { basename } from "node:path";
import { toJsonSchema } from "../../runtime/jsonSchema.js";
import type { NodeManifest, WorkflowManifest } from "../../runtime/manifest.js";
import type { RetryPolicy } from "../../runtime/options.js";
import { isTrustProfileName } from "../../runtime/profiles.js";
import { emptyRecord, ownValue, setOwn } from "../../runtime/records.js";
import {
  embeddedFirstLine,
  ENV_ROOT,
  ownReferences,
  referencesIn,
  walkNodes,
  type PlanNode,
  type Workflow,
} from "../plan/index.js";
import type { LoweredSandbox } from "./sandboxes.js";

/** File name of a sandboxed node's module, beside the generated module. */
export function wasmFileName(workflow: string, nodeId: string): string {
  return `${workflow}.${nodeId.replace(/[^A-Za-z0-9_-]/g, "_")}.wasm`;
}

/**
 * The manifest of a workflow; `digests` holds the SHA-256 of each sandboxed node's module (by
 * node id), which the runtime checks before it runs a module.
 */
export function buildManifest(
  workflow: Workflow,
  sandboxes: ReadonlyMap<string, LoweredSandbox>,
  digests: ReadonlyMap<string, string>,
): WorkflowManifest {
  const nodes: Record<string, NodeManifest> = {};
  walkNodes(workflow.nodes, (node) => {
    nodes[node.id] = nodeManifest(workflow, node, sandboxes.get(node.id), digests.get(node.id));
  });
  const env = envReads(workflow);
  return { name: workflow.name, inputType: workflow.inputSchema, nodes, ...(Object.keys(env).length > 0 && { env }) };
}

/** `{{ env.NAME }}` reads: each variable with the nodes that read it (null: the workflow's outputs). */
function envReads(workflow: Workflow): Record<string, (string | null)[]> {
  // Keyed by the workflow's words: `{{ env.constructor }}` found Object.prototype's member here.
  const env = emptyRecord<(string | null)[]>();
  const add = (path: readonly string[], owner: string | null): void => {
    if (path[0] !== ENV_ROOT || path[1] === undefined) return;
    const readers = ownValue(env, path[1]) ?? [];
    if (!readers.includes(owner)) readers.push(owner);
    setOwn(env, path[1], readers);
  };
  walkNodes(workflow.nodes, (node) => {
    for (const ref of ownReferences(node)) add(ref.path, node.id);
  });
  for (const output of workflow.outputs) for (const ref of referencesIn(output.value)) add(ref.path, null);
  return env;
}

function nodeManifest(
  workflow: Workflow,
  node: PlanNode,
  sandbox: LoweredSandbox | undefined,
  digest: string | undefined,
): NodeManifest {
  const declaredTool = node.kind === "tool" ? workflow.tools.find((t) => t.name === node.toolName.name) : undefined;
  const outputType = node.outputSchema ?? declaredTool?.outputSchema;
  const maxAttempts = node.retryPolicy?.maxAttempts;
  const retries = maxAttempts !== undefined ? maxAttempts - 1 : node.retries;
  const retryPolicy = node.retryPolicy && backoff(node.retryPolicy);
  return {
    kind: node.kind,
    ...(retries !== undefined && retries > 0 && { retries }),
    ...(retryPolicy && Object.keys(retryPolicy).length > 0 && { retryPolicy }),
    ...(node.onFailure && { onFailure: node.onFailure }),
    ...(node.timeoutSeconds !== undefined && { timeoutMs: node.timeoutSeconds * 1000 }),
    ...(outputType && node.kind !== "code" && node.kind !== "condition" && { outputType }),
    ...(node.kind === "tool" && { toolName: node.toolName.name }),
    ...(node.kind === "agent" && { modelCalls: node.maxIterations }),
    ...(node.kind === "recursive" && { modelCalls: node.maxRounds * node.maxIterations }),
    ...(sandbox && {
      sandbox: {
        wasm: wasmFileName(workflow.name, node.id),
        ...(digest !== undefined && { sha256: digest }),
        inputType: sandbox.inputType,
        outputType: sandbox.outputType,
        capabilities: sandbox.capabilities,
        limits: sandbox.limits,
        ...(node.trust && isTrustProfileName(node.trust.name) && { trust: node.trust.name }),
        ...(sandbox.direct && { direct: true as const }),
        source: { file: basename(sandbox.body.span.file.path), line: embeddedFirstLine(sandbox.body) },
      },
    }),
    ...((node.kind === "agent" || node.kind === "recursive") && {
      agentTools: Object.fromEntries(
        node.tools.map((t) => {
          const declared = workflow.tools.find((d) => d.name === t.name);
          return [
            t.name,
            {
              description: declared?.description ?? t.name,
              parameters: declared?.inputSchema ? toJsonSchema(declared.inputSchema) : { type: "object" },
            },
          ];
        }),
      ),
    }),
  };
}

/** The backoff fields of a node's `retry_policy`, as the runtime takes them. */
function backoff(policy: NonNullable<PlanNode["retryPolicy"]>): RetryPolicy {
  return {
    ...(policy.baseDelayMs !== undefined && { baseDelayMs: policy.baseDelayMs }),
    ...(policy.factor !== undefined && { factor: policy.factor }),
    ...(policy.maxDelayMs !== undefined && { maxDelayMs: policy.maxDelayMs }),
  };
}
