/**
 * @fileoverview Plugins as tools (README "Plugins"): the operator registers compiled plugins
 * (`options.plugins`, `iceosc run --plugin`), each with its grants, and every tool of every
 * plugin becomes a tool of the run, called like any other (tool nodes, agents), typed by its
 * signature. Workflows never register plugins. A registration keeps its compiled modules and its
 * `kv` store across runs (an app that passes the same `options.plugins` entry keeps its store).
 */
import { jsonSchemaOf } from "./describe.js";
import type { SandboxLimits } from "../profiles.js";
import { TRUST_PROFILES } from "../profiles.js";
import type { ToolContext, ToolFunction } from "../options.js";
import type { ObjectType, SchemaType } from "../schema.js";
import { resultTypeOf, type PluginArtifact, type PluginToolArtifact } from "./artifact.js";
import { parseGrants, type PluginGrants } from "./grants.js";
import { FolderKv, MemoryKv, type KvStore } from "./kv.js";
import { PluginProgram } from "./program.js";

export {
  PLUGIN_FORMAT,
  pluginFiles,
  readPluginArtifact,
  type PluginArtifact,
  type PluginToolArtifact,
} from "./artifact.js";
export { describeGrants, parseGrantFlag, parseGrants, type PluginGrants } from "./grants.js";
export { FolderKv, KV_LIMITS, MemoryKv, type KvStore } from "./kv.js";
export { PluginProgram, type PluginResult, type PluginToolSpec } from "./program.js";
export { verifyPluginModule } from "./verify.js";

/** One plugin as the operator registers it. */
export interface PluginRegistration {
  /** The compiled plugin: `compilePluginFiles` (iceosc/compiler) or `readPluginArtifact(<name>.plugin.json)`. */
  readonly plugin: PluginArtifact;
  /** Capabilities granted: `http:<host>`, `kv`, `log`, `time`, `random` (nothing by default). */
  readonly grant?: readonly string[];
  /** Keep `kv` in this folder (`<dir>/<plugin>.kv.json`) instead of in memory. */
  readonly kvDir?: string;
  /** Or a store of the operator's own. */
  readonly kv?: KvStore;
  /** Limits of each call (default: the `untrusted` profile's: 100 M fuel, 16 MiB, 2 s). */
  readonly limits?: Partial<SandboxLimits>;
}

/** A plugin tool: how to call it and how to describe it to agents and the checker. */
export interface PluginTool {
  readonly plugin: string;
  readonly description: string;
  /** JSON schema of the arguments. */
  readonly parameters: object;
  readonly inputType: ObjectType;
  /** The result type. */
  readonly outputType: SchemaType;
  readonly run: ToolFunction;
}

/** What a run gives its plugin calls. */
export interface PluginRunHooks {
  /** `console.log` of a plugin granted `log`, with the calling node. */
  readonly log?: (nodeId: string, message: string) => void;
  /** Seed of `Math.random` (capability `random`). */
  readonly seed?: number;
}

interface Prepared {
  readonly grants: PluginGrants;
  readonly kv: KvStore;
  readonly limits: SandboxLimits;
  readonly programs: Map<string, Promise<PluginProgram>>;
}

const prepared = new WeakMap<PluginRegistration, Prepared>();

function prepare(registration: PluginRegistration): Prepared {
  let found = prepared.get(registration);
  if (!found) {
    const name = registration.plugin.name;
    const limits = { ...TRUST_PROFILES.untrusted.limits, ...registration.limits };
    for (const [key, value] of Object.entries(limits))
      if (!(typeof value === "number" && value > 0 && Number.isFinite(value)))
        throw new RangeError(`options.plugins: plugin '${name}': limits.${key} must be a positive number`);
    found = {
      grants: parseGrants(registration.grant ?? []),
      kv:
        registration.kv ?? (registration.kvDir !== undefined ? new FolderKv(registration.kvDir, name) : new MemoryKv()),
      limits,
      programs: new Map(),
    };
    prepared.set(registration, found);
  }
  return found;
}

/** The tools of `registrations`, by name; throws a RangeError when two plugins give the same tool. */
export function pluginTools(
  registrations: readonly PluginRegistration[],
  hooks: PluginRunHooks = {},
): Record<string, PluginTool> {
  const tools: Record<string, PluginTool> = Object.create(null) as Record<string, PluginTool>;
  for (const registration of registrations) {
    const { plugin } = registration;
    if (!plugin || !Array.isArray(plugin.tools))
      throw new RangeError("options.plugins: each entry needs `plugin`, a compiled plugin (readPluginArtifact)");
    const state = prepare(registration);
    for (const tool of plugin.tools) {
      if (tools[tool.name])
        throw new RangeError(
          `options.plugins: tool '${tool.name}' is given by plugins '${tools[tool.name]!.plugin}' and '${plugin.name}'`,
        );
      tools[tool.name] = {
        plugin: plugin.name,
        description: tool.description ?? `${tool.name} (plugin ${plugin.name})`,
        parameters: jsonSchemaOf(tool.inputType),
        inputType: tool.inputType,
        outputType: resultTypeOf(tool),
        run: (args, context) => callTool(plugin, tool, state, hooks, args, context),
      };
    }
  }
  return tools;
}

async function callTool(
  plugin: PluginArtifact,
  tool: PluginToolArtifact,
  state: Prepared,
  hooks: PluginRunHooks,
  args: Record<string, unknown>,
  context: ToolContext,
): Promise<unknown> {
  let program = state.programs.get(tool.name);
  if (!program) {
    program = PluginProgram.compile(tool.wasm, {
      plugin: plugin.name,
      tool: tool.name,
      inputType: tool.inputType,
      outputType: tool.outputType,
    });
    state.programs.set(tool.name, program);
  }
  const nodeId = context?.nodeId ?? "plugin";
  const log = hooks.log;
  const result = await (await program).call(
    args ?? {},
    state.limits,
    {
      plugin: plugin.name,
      grants: state.grants,
      kv: state.kv,
      ...(log && { log: (message: string) => log(nodeId, message) }),
      ...(hooks.seed !== undefined && { seed: hooks.seed }),
    },
    nodeId,
    context?.signal,
  );
  if (tool.returnsNothing) return undefined;
  return tool.result !== undefined ? result.output.value : result.output;
}
