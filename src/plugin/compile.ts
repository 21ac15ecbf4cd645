/**
 * @fileoverview Compiles plugin modules (README "Plugins"): each file's exported functions become
 * tools, each a WebAssembly module made by the code-node pipeline: read (module.ts), typed and
 * lowered (lower.ts, in the typer worker: src/emit/wasm/typer.ts), compiled by asc in the shared workers, transformed with Asyncify (asyncify.ts),
 * fuel-metered (src/emit/wasm/meter.ts) and verified like every sandbox module
 * (runtime/plugins/verify.ts). Modules are cached by content hash like code nodes'.
 */
import { readRegularText } from "../../runtime/regularFile.js";
import { FRONT_END_LIMITS } from "../frontend/limits.js";
import { PLUGIN_FORMAT, type PluginArtifact, type PluginToolArtifact } from "../../runtime/plugins/artifact.js";
import { verifyPluginModule } from "../../runtime/plugins/verify.js";
import { createDiagnostic, Diagnostics, SourceFile, span, type Diagnostic } from "../diagnostics/index.js";
import { artifactHash, openCacheFolder, readCached, writeCached } from "../emit/wasm/cache.js";
import { mapAscDiagnostics } from "../emit/wasm/compileDiagnostics.js";
import { compileInWorker } from "../emit/wasm/compileWorker.js";
import { asyncifyModule } from "./asyncify.js";
import { BodyMap } from "../emit/wasm/bodyMap.js";
import { defaultTypingLimits, TypeSession } from "../emit/wasm/typer.js";
import type { LoweredTool } from "./lower.js";
import { pluginNameOf, readPluginModule } from "./module.js";
import { visiblePath } from "../util/visibleText.js";

/** One tool of a compiled plugin: its types and its verified, metered, asyncified module. */
export type CompiledPluginTool = PluginToolArtifact;
/** A compiled plugin: its tools. */
export type CompiledPlugin = PluginArtifact;

export interface PluginCompileResult {
  /** One per file without errors. */
  readonly plugins: CompiledPlugin[];
  readonly diagnostics: Diagnostic[];
}

export interface PluginCompileOptions {
  /** Directory of cached modules (the code nodes' cache); none when absent. */
  readonly cacheDir?: string;
  /** Per-module compile timeout (default 30 s, or `$ICEOSC_COMPILE_TIMEOUT_MS`). */
  readonly timeoutMs?: number;
}

interface Pending {
  readonly plugin: string;
  readonly tool: LoweredTool;
  readonly hash: string;
  wasm?: Uint8Array;
}

/** Compiles plugin files; a plugin with any error gives diagnostics and no artifact. */
export async function compilePluginFiles(
  paths: readonly string[],
  options: PluginCompileOptions = {},
): Promise<PluginCompileResult> {
  const diagnostics: Diagnostic[] = [];
  const byPlugin = new Map<string, Pending[]>();
  const failed = new Set<string>();
  const typer = new TypeSession(defaultTypingLimits(paths.length));
  for (const path of paths) {
    let text: string;
    try {
      text = readRegularText(path, FRONT_END_LIMITS.sourceBytes);
    } catch (error) {
      diagnostics.push(
        createDiagnostic(Diagnostics.FileNotFound, undefined, [
          visiblePath(path),
          visiblePath((error as Error).message),
        ]),
      );
      continue;
    }
    const name = pluginNameOf(path);
    const file = new SourceFile(path, text);
    if (byPlugin.has(name) || failed.has(name)) {
      diagnostics.push(
        createDiagnostic(Diagnostics.PluginModuleForm, undefined, [
          `a second plugin named '${name}' (${path})`,
          "plugins are named after their files; rename one",
        ]),
      );
      continue;
    }
    const module = readPluginModule(file, name, diagnostics);
    // Typed and lowered in the typer worker, bounded like code bodies (src/emit/wasm/typer.ts).
    const typed = module && (await typer.plugin(module));
    if (typed) diagnostics.push(...typed.diagnostics);
    if (!module || !typed?.tools) {
      failed.add(name);
      continue;
    }
    byPlugin.set(
      name,
      typed.tools.map((wire) => {
        const { body, ...tool } = wire;
        const map = new BodyMap({
          text: body.text,
          lineOrigins: body.lineOrigins,
          span: span(file, body.start, body.end),
        });
        return { plugin: name, tool: { ...tool, map }, hash: artifactHash(`${PLUGIN_FORMAT}\n${tool.source}`) };
      }),
    );
  }

  const cacheDir = usableCacheDir(options.cacheDir);
  const all = [...byPlugin.values()].flat();
  const misses: Pending[] = [];
  for (const item of all) {
    const cached = await readCached(cacheDir, item.hash);
    if (cached.kind === "hit") item.wasm = cached.wasm;
    else misses.push(item);
  }
  if (misses.length > 0) {
    const metering = import("../emit/wasm/meter.js");
    const configured = Number(process.env.ICEOSC_COMPILE_TIMEOUT_MS);
    const unitMs = options.timeoutMs ?? (Number.isFinite(configured) && configured > 0 ? configured : 30_000);
    const outcomes = await compileInWorker(
      misses.map((m) => m.tool.source),
      { unitMs, totalMs: Math.max(90_000, 6 * unitMs) + 2_000 * misses.length },
    );
    const { meterModule } = await metering;
    misses.forEach((item, i) => {
      const outcome = outcomes[i]!;
      const errors = mapAscDiagnostics(outcome.diagnostics, item.tool.map);
      if (errors.length > 0 || !outcome.binary) {
        diagnostics.push(
          ...(errors.length > 0
            ? errors
            : [
                createDiagnostic(Diagnostics.CompilerCrashed, item.tool.map.whole, [
                  outcome.failure?.message.trim() ?? "no output",
                ]),
              ]),
        );
        failed.add(item.plugin);
        return;
      }
      try {
        item.wasm = meterModule(asyncifyModule(outcome.binary));
      } catch (error) {
        diagnostics.push(
          createDiagnostic(Diagnostics.CompilerCrashed, item.tool.map.whole, [
            error instanceof Error ? error.message : String(error),
          ]),
        );
        failed.add(item.plugin);
      }
    });
  }

  const plugins: CompiledPlugin[] = [];
  for (const [name, items] of byPlugin) {
    if (failed.has(name)) continue;
    const tools: CompiledPluginTool[] = [];
    for (const item of items) {
      const wasm = item.wasm!;
      try {
        verifyPluginModule(wasm, name, item.tool.export.toolName);
      } catch (error) {
        diagnostics.push(
          createDiagnostic(Diagnostics.CompilerCrashed, item.tool.map.whole, [(error as Error).message]),
        );
        failed.add(name);
        continue;
      }
      await writeCached(cacheDir, item.hash, wasm);
      const description = item.tool.export.description;
      tools.push({
        name: item.tool.export.toolName,
        ...(description !== undefined && { description }),
        inputType: item.tool.inputType,
        outputType: item.tool.outputType,
        ...(item.tool.result && { result: item.tool.result }),
        ...(item.tool.returnsNothing && { returnsNothing: true as const }),
        wasm,
      });
    }
    if (!failed.has(name)) plugins.push({ format: PLUGIN_FORMAT, name, tools });
  }
  return { plugins, diagnostics };
}

function usableCacheDir(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const folder = openCacheFolder(dir);
  return folder.kind === "ready" ? folder.dir : undefined;
}
