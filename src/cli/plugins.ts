/**
 * @fileoverview The operator's plugin flags (README "Plugins"): `iceosc run --plugin <file or dir>`
 * (repeatable: a plugin module `.ts`, a built `<name>.plugin.json`, or a folder of either),
 * `--grant <plugin>=<capability>,...` (repeatable: `http:<host>`, `kv`, `log`, `time`, `random`),
 * `--plugin-limits <plugin>=fuel:N,memory-mb:N,timeout-ms:N` and `--kv-dir <dir>` (keep every plugin's `kv` there instead of in memory). `iceosc build
 * --plugins <dir>` compiles the plugin modules of a folder into `<out-dir>/plugins/`. Plugins come
 * only from these flags: a workflow cannot register one.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { PluginArtifact, PluginRegistration } from "../../runtime/plugins/index.js";
// Straight from the modules that hold them, not the plugin runtime's index: every CLI command
// loads this file for its flag table, and the index pulls in the plugin host and the sandbox.
import { readPluginArtifact, resultTypeOf } from "../../runtime/plugins/artifact.js";
import { parseGrantFlag } from "../../runtime/plugins/grants.js";
import type { SandboxLimits } from "../../runtime/profiles.js";
import type { PluginToolSignature } from "../plugin/declarationCheck.js";
import type { CliIo } from "./io.js";
import { reportDiagnostics, UsageError, type DiagnosticFormat } from "./report.js";

/** The `parseArgs` option table of `run`'s plugin flags. */
export const PLUGIN_FLAG_OPTIONS = {
  plugin: { type: "string", multiple: true },
  grant: { type: "string", multiple: true },
  "plugin-limits": { type: "string", multiple: true },
  "kv-dir": { type: "string" },
} as const;

/** The flags as `parseArgs` returns them. */
export interface PluginFlagValues {
  readonly plugin?: readonly string[];
  readonly grant?: readonly string[];
  readonly "plugin-limits"?: readonly string[];
  readonly "kv-dir"?: string;
}

/** What the operator asked for. */
export interface PluginFlags {
  /** Plugin files or folders, resolved. */
  readonly paths: readonly string[];
  /** Capabilities per plugin name. */
  readonly grants: ReadonlyMap<string, readonly string[]>;
  /** Limits per plugin name (`--plugin-limits p=fuel:N,memory-mb:N,timeout-ms:N`). */
  readonly limits: ReadonlyMap<string, Partial<SandboxLimits>>;
  readonly kvDir?: string;
}

/** The plugin flags, or undefined when there are none; a malformed one is a usage error. */
export function pluginFlags(values: PluginFlagValues, path: (p: string) => string): PluginFlags | undefined {
  const plugins = values.plugin ?? [];
  const grantFlags = values.grant ?? [];
  if (plugins.length === 0) {
    if (grantFlags.length > 0)
      throw new UsageError("--grant gives capabilities to plugins: register one with --plugin");
    if ((values["plugin-limits"] ?? []).length > 0)
      throw new UsageError("--plugin-limits sets plugins' limits: register one with --plugin");
    if (values["kv-dir"] !== undefined) throw new UsageError("--kv-dir keeps plugins' kv: register one with --plugin");
    return undefined;
  }
  const grants = new Map<string, string[]>();
  for (const flag of grantFlags) {
    let parsed: { plugin: string; items: string[] };
    try {
      parsed = parseGrantFlag(flag);
    } catch (error) {
      throw new UsageError(`--grant: ${(error as Error).message}`);
    }
    grants.set(parsed.plugin, [...(grants.get(parsed.plugin) ?? []), ...parsed.items]);
  }
  const limits = new Map<string, Partial<SandboxLimits>>();
  for (const flag of values["plugin-limits"] ?? []) {
    const [plugin, rest] = splitFlag(flag, "--plugin-limits", "p=timeout-ms:5000,fuel:1000000,memory-mb:32");
    limits.set(plugin, { ...limits.get(plugin), ...parseLimits(rest) });
  }
  return {
    paths: plugins.map(path),
    grants,
    limits,
    ...(values["kv-dir"] !== undefined && { kvDir: path(values["kv-dir"]) }),
  };
}

/** Plugin modules (`.ts`) and built plugins (`.plugin.json`) among `paths` (folders expanded, sorted). */
export function pluginFiles(paths: readonly string[], flag: string): { modules: string[]; built: string[] } {
  const modules: string[] = [];
  const built: string[] = [];
  const add = (file: string, explicit: boolean): void => {
    if (file.endsWith(".plugin.json")) built.push(file);
    else if (isPluginName(file)) modules.push(file);
    else if (explicit)
      throw new UsageError(`${flag}: '${file}' is neither a plugin module (.ts) nor a built plugin (.plugin.json)`);
  };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${flag}: cannot read '${path}'`);
    }
    if (!isDirectory) add(path, true);
    else
      for (const entry of readdirSync(path, { withFileTypes: true }).sort(byName)) {
        const file = join(path, entry.name);
        // Not followed, as a link found in a folder of workflows is not (src/build/sources.ts): a
        // plugin folder that came with a project could hold `p.ts -> ~/secrets.ts`, whose lines
        // the diagnostics quoted; a dangling one was an internal error (red team 11).
        if (entry.isSymbolicLink() && isPluginName(entry.name))
          throw new UsageError(
            `${flag}: '${file}' is a symbolic link found in a folder, which is not followed (name the file it points to)`,
          );
        if (entry.isFile()) add(file, false);
      }
  }
  return { modules, built };
}

function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** A name `pluginFiles` takes from a folder: a plugin module or a built plugin. */
function isPluginName(name: string): boolean {
  return name.endsWith(".plugin.json") || (/\.m?ts$/.test(name) && !name.endsWith(".d.ts"));
}

/** Compiled plugins, or the exit status after printing why not. */
export async function compilePluginPaths(
  io: CliIo,
  paths: readonly string[],
  flag: string,
  cacheDir: string | undefined,
  format: DiagnosticFormat,
): Promise<{ status: number; plugins: PluginArtifact[] }> {
  const { modules, built } = pluginFiles(paths, flag);
  const plugins: PluginArtifact[] = [];
  if (modules.length > 0) {
    const { compilePluginFiles } = await import("../plugin/compile.js");
    const result = await compilePluginFiles(modules, cacheDir === undefined ? {} : { cacheDir });
    const status = reportDiagnostics(io, result.diagnostics, format);
    if (status !== 0) return { status, plugins: [] };
    plugins.push(...result.plugins);
  }
  for (const file of built) {
    try {
      plugins.push(await readPluginArtifact(file));
    } catch (error) {
      throw new UsageError(`${flag}: cannot load '${file}': ${(error as Error).message}`);
    }
  }
  const names = new Set<string>();
  for (const plugin of plugins) {
    if (names.has(plugin.name)) throw new UsageError(`${flag}: two plugins are named '${plugin.name}'`);
    names.add(plugin.name);
  }
  return { status: 0, plugins };
}

/** The tools' signatures, for checking `tools:` declarations. */
export function pluginSignatures(plugins: readonly PluginArtifact[]): Map<string, PluginToolSignature> {
  const signatures = new Map<string, PluginToolSignature>();
  for (const plugin of plugins)
    for (const tool of plugin.tools) {
      if (signatures.has(tool.name))
        throw new UsageError(
          `--plugin: tool '${tool.name}' is given by plugins '${signatures.get(tool.name)!.plugin}' and '${plugin.name}'`,
        );
      signatures.set(tool.name, { plugin: plugin.name, inputType: tool.inputType, outputType: resultTypeOf(tool) });
    }
  return signatures;
}

/** The registrations of `iceosc run`: each plugin with its grants; a grant for no plugin is a usage error. */
export function registrations(plugins: readonly PluginArtifact[], flags: PluginFlags): PluginRegistration[] {
  for (const name of flags.grants.keys())
    if (!plugins.some((p) => p.name === name))
      throw new UsageError(
        `--grant ${name}=...: no plugin is named '${name}' (plugins: ${plugins.map((p) => p.name).join(", ")})`,
      );
  for (const name of flags.limits.keys())
    if (!plugins.some((p) => p.name === name))
      throw new UsageError(`--plugin-limits ${name}=...: no plugin is named '${name}'`);
  return plugins.map((plugin) => ({
    plugin,
    grant: flags.grants.get(plugin.name) ?? [],
    ...(flags.limits.has(plugin.name) && { limits: flags.limits.get(plugin.name)! }),
    ...(flags.kvDir !== undefined && { kvDir: flags.kvDir }),
  }));
}

function splitFlag(text: string, flag: string, example: string): [string, string] {
  const at = text.indexOf("=");
  const plugin = at < 0 ? "" : text.slice(0, at).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(plugin))
    throw new UsageError(`${flag} takes <plugin>=..., e.g. ${example}; got '${text}'`);
  return [plugin, text.slice(at + 1)];
}

/** `fuel:N,memory-mb:N,timeout-ms:N` (any of them). */
function parseLimits(text: string): Partial<SandboxLimits> {
  const limits: { fuel?: number; memoryBytes?: number; timeoutMs?: number } = {};
  for (const item of text.split(",")) {
    const [name, raw] = item.split(":");
    const value = Number(raw);
    const bad = (max: number) => !Number.isInteger(value) || value < 1 || value > max;
    if (name === "fuel" && !bad(Number.MAX_SAFE_INTEGER)) limits.fuel = value;
    else if (name === "memory-mb" && !bad(4096)) limits.memoryBytes = value * 1024 * 1024;
    else if (name === "timeout-ms" && !bad(2_147_483_647)) limits.timeoutMs = value;
    else
      throw new UsageError(
        `--plugin-limits: '${item}' is not fuel:<n>, memory-mb:<n> (at most 4096) or timeout-ms:<n>, each a positive integer`,
      );
  }
  return limits;
}
