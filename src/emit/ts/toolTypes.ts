/**
 * @fileoverview The `Tools` type of a generated module: one property per tool the workflow
 * declares (`tools:`) or calls (tool nodes, agent `tools`), typed from its signature, so that an
 * app passing a wrong implementation in `run(input, { tools })` gets a TypeScript error.
 *
 * A tool that is declared (not built in) and called is required; a built-in tool may be
 * overridden, so it is optional; a tool called without a declaration is optional and untyped.
 * Each implementation may return its result or a promise of it (`ToolResult<T>`, declared
 * beside `Tools` by the module emitter).
 */
import type { SchemaType, Workflow } from "../../plan/index.js";
import { walkNodes } from "../../plan/index.js";
import { typeKey } from "./literals.js";
import { typeText } from "./types.js";

/** A tool's signature as the checker knows it (declared or built in). */
export interface ToolTypeSource {
  readonly inputSchema?: SchemaType;
  readonly outputSchema?: SchemaType;
  readonly source: "declared" | "builtin";
}

/** The body of `type Tools = { ... }`, or undefined when the workflow uses and declares no tool. */
export function toolsTypeText(
  workflow: Workflow,
  signatureOf: (name: string) => ToolTypeSource | undefined,
): string | undefined {
  const called = new Set<string>();
  walkNodes(workflow.nodes, (node) => {
    if (node.kind === "tool") called.add(node.toolName.name);
    if (node.kind === "agent") for (const tool of node.tools) called.add(tool.name);
  });
  const names = [...new Set([...workflow.tools.map((t) => t.name), ...called])];
  if (names.length === 0) return undefined;
  const members = names.map((name) => {
    const signature = signatureOf(name);
    const required = signature?.source === "declared" && called.has(name);
    const args = signature?.inputSchema ? typeText(signature.inputSchema) : "Record<string, unknown>";
    const result = signature?.outputSchema ? typeText(signature.outputSchema) : "unknown";
    const returns = result === "unknown" ? "unknown" : `ToolResult<${result}>`;
    return `${typeKey(name)}${required ? "" : "?"}: (args: ${args}, context: ToolContext) => ${returns}`;
  });
  return `{ ${members.join("; ")} }`;
}
