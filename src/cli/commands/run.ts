/**
 * @fileoverview `iceosc run <file> [--input <json|@file>] [--tools <module.js>]`: compiles into a
 * temporary directory, imports the generated module and prints the workflow output as JSON.
 * Failures print the error code and node id on stderr and exit 1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { readRegularText } from "../../../runtime/regularFile.js";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkPlanAgainstPolicy, resolvePolicy, type OperatorPolicy } from "../../../runtime/policy/index.js";
import { compileFiles } from "../../build/compile.js";
import { writeOutputFiles } from "../../build/outDir.js";
import { useTyperCodeCache } from "../../emit/wasm/typerCodeCache.js";
import { defaultCacheDir } from "../cache.js";
import type { CliIo } from "../io.js";
import { printRunOutput, reportDiagnostics, reportRunError, UsageError, type DiagnosticFormat } from "../report.js";
import { bundledRuntimeUrl } from "../runtimeLocation.js";
import { openSession } from "../providers.js";
import { printTrace } from "../trace.js";
import type { RunEvent } from "../../../runtime/options.js";
import { RedisAgentMemory } from "../../../runtime/memory/redis.js";
import { loadAgents } from "../agentsModule.js";
import { compilePluginPaths, pluginSignatures, registrations, type PluginFlags } from "../plugins.js";
import type { PluginRegistration } from "../../../runtime/plugins/index.js";
import type { PluginToolSignature } from "../../plugin/declarationCheck.js";
import { visibleText } from "../../util/visibleText.js";

/** The Redis store of agent memory, when the operator gives a URL. */
function openRedis(url: string | undefined): RedisAgentMemory | undefined {
  if (url === undefined || url === "") return undefined;
  try {
    return new RedisAgentMemory(url);
  } catch {
    throw new UsageError(`--redis-url is not a URL: '${url}' (redis://host:port/db)`);
  }
}

export interface RunArgs {
  readonly path: string;
  readonly input?: string;
  readonly tools?: string;
  readonly cache: boolean;
  readonly format: DiagnosticFormat;
  readonly trace: boolean;
  readonly seed?: number;
  /** The operator's policy from the flags (`--allow-trusted`, `--max-fuel`, `--allow-read`, ...). */
  readonly policy?: OperatorPolicy;
  /** `--record <file>`: write every model and tool call to this file. */
  readonly record?: string;
  /** `--replay <file>`: answer model and tool calls from this recording instead. */
  readonly replay?: string;
  /** `--durable`: checkpoint every node in PostgreSQL under `runId` (README "Durable and distributed runs"). */
  readonly durable?: { readonly databaseUrl?: string; readonly runId: string };
  /** `--agents <module.js>`: agent implementations by package name (its default export). */
  readonly agents?: string;
  /** `--redis-url <url>` (else `ICEOSC_REDIS_URL`): the store of agents with `memory: { backend: redis }`. */
  readonly redisUrl?: string;
  /** `--plugin`, `--grant`, `--kv-dir`: the operator's sandboxed plugins (README "Plugins"). */
  readonly plugins?: PluginFlags;
}

export interface LoadedTools {
  readonly default: Record<string, unknown>;
  readonly llm?: unknown;
}

interface ToolsModule {
  readonly default?: unknown;
  readonly llm?: unknown;
}

export async function runCommand(io: CliIo, args: RunArgs): Promise<number> {
  if (args.durable) {
    if (args.plugins) throw new UsageError("--plugin does not work with --durable yet");
    return (await import("../durable.js")).runDurableCommand(io, args, args.durable);
  }
  useTyperCodeCache(args.cache ? defaultCacheDir(io) : undefined);
  const input = parseInput(args.input);
  const tools: LoadedTools = args.tools ? await loadTools(args.tools) : { default: {} };
  const agents = args.agents ? await loadAgents(args.agents) : undefined;
  let plugins: PluginRegistration[] | undefined;
  let pluginTools: Map<string, PluginToolSignature> | undefined;
  if (args.plugins) {
    const cacheDir = args.cache ? defaultCacheDir(io) : undefined;
    const compiled = await compilePluginPaths(io, args.plugins.paths, "--plugin", cacheDir, args.format);
    if (compiled.status !== 0) return compiled.status;
    pluginTools = pluginSignatures(compiled.plugins);
    plugins = registrations(compiled.plugins, args.plugins);
    for (const name of pluginTools.keys())
      if (Object.hasOwn(tools.default, name))
        throw new UsageError(
          `tool '${name}' is given both by --tools and by plugin '${pluginTools.get(name)!.plugin}'`,
        );
  }
  const result = await compileFiles([args.path], {
    runtimeSpecifier: bundledRuntimeUrl(),
    cacheDir: args.cache ? defaultCacheDir(io) : false,
    ...(pluginTools && { pluginTools }),
  });
  const status = reportDiagnostics(io, result.diagnostics, args.format);
  if (status !== 0) return status;
  // Compiling is over: compiler workers started ahead of it must not hold V8's baseline tier (or
  // the CPU) while the run compiles and runs its sandboxes.
  if (result.workflows.some((w) => w.wasm.length > 0))
    (await import("../../emit/wasm/compileWorker.js")).stopIdleCompilerWorkers();
  const main = result.workflows.find((w) => w.requested);
  if (!main) throw new UsageError(`no workflow in ${args.path}`);

  // The operator's policy against every workflow of the run (sub-workflows too) before any runs.
  const policy = args.policy ?? {};
  try {
    const resolved = resolvePolicy(policy);
    for (const workflow of result.workflows) checkPlanAgainstPolicy(workflow.manifest, resolved);
  } catch (error) {
    return reportRunError(io, error);
  }

  const dir = mkdtempSync(join(tmpdir(), "iceosc-run-"));
  try {
    writeOutputFiles(
      dir,
      result.workflows.flatMap((w) => [
        { fileName: `${w.name}.js`, contents: w.js },
        ...w.wasm.map((wasm) => ({ fileName: wasm.fileName, contents: wasm.bytes })),
      ]),
    );
    const module = (await import(pathToFileURL(join(dir, `${main.name}.js`)).href)) as {
      run: (input: unknown, options: object) => Promise<unknown>;
    };
    const session = await openSession(io, {
      workflowPath: args.path,
      tools: tools.default,
      ...(tools.llm !== undefined && { llm: tools.llm }),
      policy,
      ...(args.record !== undefined && { record: args.record }),
      ...(args.replay !== undefined && { replay: args.replay }),
    });
    const started = performance.now();
    const trace = args.trace ? printTrace(io, started) : undefined;
    const redis = openRedis(args.redisUrl ?? io.env["ICEOSC_REDIS_URL"]);
    try {
      const output = await module.run(input, {
        ...session.options,
        policy,
        ...(args.seed !== undefined && { seed: args.seed }),
        ...(agents && { agents }),
        ...(plugins && { plugins }),
        env: io.env,
        ...(redis && { memoryBackends: { redis } }),
        // Warnings (an agent package not registered, ...) always reach stderr; the rest with --trace.
        onEvent: (event: RunEvent) => {
          if (trace) trace(event);
          else if (event.type === "warning")
            io.stderr(visibleText(`warning: node '${event.nodeId}': ${event.message}\n`));
        },
      });
      return printRunOutput(io, output);
    } catch (error) {
      return reportRunError(io, error);
    } finally {
      await redis?.close();
      await session.finish();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--input`: inline JSON, or `@path` to a JSON file. */
export function parseInput(text: string | undefined): unknown {
  if (text === undefined) return {};
  const source = text.startsWith("@") ? readInputFile(text.slice(1)) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--input is not valid JSON: ${(error as Error).message}`);
  }
}

/** Bytes of an `--input @file` read at most (a FIFO or a device is not read at all). */
export const INPUT_FILE_BYTES_LIMIT = 64 * 1024 * 1024;

function readInputFile(path: string): string {
  try {
    return readRegularText(path, INPUT_FILE_BYTES_LIMIT);
  } catch (error) {
    throw new UsageError(`cannot read input file '${path}': ${(error as Error).message}`);
  }
}

/** The `--tools` module: its default export maps tool names to functions; `llm` is an optional provider. */
export async function loadTools(path: string): Promise<LoadedTools> {
  let module: ToolsModule;
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as ToolsModule;
  } catch (error) {
    throw new UsageError(`cannot load tools module '${path}': ${(error as Error).message}`);
  }
  const tools = module.default;
  if (tools !== undefined && (typeof tools !== "object" || tools === null))
    throw new UsageError(`tools module '${path}' must default-export an object of tool functions`);
  return { default: (tools ?? {}) as Record<string, unknown>, ...(module.llm !== undefined && { llm: module.llm }) };
}
