/**
 * @fileoverview `iceosc run --agents <module.js>`: the module's default export maps agent package
 * names (a node's `package` / `agent_package`) to implementations, async functions of an
 * AgentRequest (iceosc/runtime) that return the node's output (a string is its reply text).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AgentImplementation } from "../../runtime/options.js";
import { UsageError } from "./report.js";

/** The implementations the module registers, by package name. */
export async function loadAgents(path: string): Promise<Record<string, AgentImplementation>> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`cannot load agents module '${path}': ${(error as Error).message}`);
  }
  const agents = module.default;
  if (typeof agents !== "object" || agents === null || Array.isArray(agents))
    throw new UsageError(`agents module '${path}' must default-export an object of agent functions by package name`);
  for (const [name, implementation] of Object.entries(agents))
    if (typeof implementation !== "function")
      throw new UsageError(`agents module '${path}': '${name}' is not a function`);
  return agents as Record<string, AgentImplementation>;
}
