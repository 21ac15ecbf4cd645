/**
 * @fileoverview Builds the manifest a generated module hands the runtime: per node, its kind,
 * retries, timeout, declared output type, tool name, agent tool schemas and sandbox module.
 */
import { toJsonSchema } from "../../runtime/jsonSchema.js";
import type { NodeManifest, WorkflowManifest } from "../../runtime/manifest.js";
import { walkNodes, type PlanNode, type Workflow } from "../plan/index.js";
import type { LoweredSandbox } from "./sandboxes.js";

/** File name of a sandboxed node's module, beside the generated module. */
export function wasmFileName(workflow: string, nodeId: string): string {
  return `${workflow}.${nodeId.replace(/[^A-Za-z0-9_-]/g, "_")}.wasm`;
}

export function buildManifest(workflow: Workflow, sandboxes: ReadonlyMap<string, LoweredSandbox>): WorkflowManifest {
  const nodes: Record<string, NodeManifest> = {};
  walkNodes(workflow.nodes, (node) => {
    nodes[node.id] = nodeManifest(workflow, node, sandboxes.get(node.id));
  });
  return { name: workflow.name, inputType: workflow.inputSchema, nodes };
}

function nodeManifest(workflow: Workflow, node: PlanNode, sandbox: LoweredSandbox | undefined): NodeManifest {
  const declaredTool = node.kind === "tool" ? workflow.tools.find((t) => t.name === node.toolName.name) : undefined;
  const outputType = node.outputSchema ?? declaredTool?.outputSchema;
  return {
    kind: node.kind,
    ...(node.retries !== undefined && node.retries > 0 && { retries: node.retries }),
    ...(node.timeoutSeconds !== undefined && { timeoutMs: node.timeoutSeconds * 1000 }),
    ...(outputType && node.kind !== "code" && node.kind !== "condition" && { outputType }),
    ...(node.kind === "tool" && { toolName: node.toolName.name }),
    ...(sandbox && {
      sandbox: {
        wasm: wasmFileName(workflow.name, node.id),
        inputType: sandbox.inputType,
        outputType: sandbox.outputType,
        capabilities: sandbox.capabilities,
        limits: sandbox.limits,
      },
    }),
    ...(node.kind === "agent" && {
      agentTools: Object.fromEntries(
        node.tools.map((t) => {
          const declared = workflow.tools.find((d) => d.name === t.name);
          return [t.name, { description: declared?.description ?? t.name, parameters: declared?.inputSchema ? toJsonSchema(declared.inputSchema) : { type: "object" } }];
        }),
      ),
    }),
  };
}
