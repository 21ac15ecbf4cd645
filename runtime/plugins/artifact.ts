/**
 * @fileoverview A compiled plugin (README "Plugins"): its tools, each with argument and result
 * types and a verified WebAssembly module. In memory it is a `PluginArtifact` (what the compiler's
 * `compilePluginFiles` returns); on disk (`iceosc build --plugins <dir>`) it is
 * `<out-dir>/plugins/<name>.plugin.json` next to one `<name>.<tool>.wasm` per tool, the JSON
 * holding each module's SHA-256 so that a changed module is refused when it is loaded.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ObjectType, SchemaType } from "../schema.js";

/** A tool's result type (what its callers get). */
export function resultTypeOf(tool: PluginToolArtifact): SchemaType {
  if (tool.returnsNothing) return { kind: "any" };
  return tool.result ?? tool.outputType;
}

/** Format tag of plugin artifacts (bumped when the module ABI changes). */
export const PLUGIN_FORMAT = "iceosc-plugin-2";

export interface PluginToolArtifact {
  readonly name: string;
  readonly description?: string;
  readonly inputType: ObjectType;
  /** The module's output: the result, or `{ value: result }` when `result` is set. */
  readonly outputType: ObjectType;
  /** The tool's result type when it is not an object (the module returns it as `value`). */
  readonly result?: SchemaType;
  /** The tool returns nothing (`void`; the module returns `{}`). */
  readonly returnsNothing?: true;
  readonly wasm: Uint8Array;
}

export interface PluginArtifact {
  readonly format: typeof PLUGIN_FORMAT;
  readonly name: string;
  readonly tools: readonly PluginToolArtifact[];
}

interface ManifestTool {
  readonly name: string;
  readonly description?: string;
  readonly inputType: ObjectType;
  readonly outputType: ObjectType;
  readonly result?: SchemaType;
  readonly returnsNothing?: true;
  readonly wasm: string;
  readonly sha256: string;
}

interface Manifest {
  readonly format: string;
  readonly name: string;
  readonly tools: readonly ManifestTool[];
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The files of an artifact: `<name>.plugin.json` and one `.wasm` per tool. */
export function pluginFiles(artifact: PluginArtifact): { fileName: string; contents: string | Uint8Array }[] {
  const files: { fileName: string; contents: string | Uint8Array }[] = [];
  const tools: ManifestTool[] = artifact.tools.map((tool) => {
    const fileName = `${artifact.name}.${tool.name}.wasm`;
    files.push({ fileName, contents: tool.wasm });
    return {
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      inputType: tool.inputType,
      outputType: tool.outputType,
      ...(tool.result !== undefined && { result: tool.result }),
      ...(tool.returnsNothing && { returnsNothing: true as const }),
      wasm: fileName,
      sha256: sha256(tool.wasm),
    };
  });
  const manifest: Manifest = { format: PLUGIN_FORMAT, name: artifact.name, tools };
  files.unshift({ fileName: `${artifact.name}.plugin.json`, contents: `${JSON.stringify(manifest, null, 2)}\n` });
  return files;
}

/** Reads `<name>.plugin.json` and its modules; throws when a file is missing, changed or of another format. */
export async function readPluginArtifact(path: string): Promise<PluginArtifact> {
  const manifest = JSON.parse(await readFile(path, "utf8")) as Manifest;
  if (manifest.format !== PLUGIN_FORMAT)
    throw new Error(`'${path}' is not a plugin of format ${PLUGIN_FORMAT} (rebuild it with iceosc build --plugins)`);
  const tools: PluginToolArtifact[] = [];
  for (const tool of manifest.tools) {
    if (!/^[A-Za-z0-9_.-]+\.wasm$/.test(tool.wasm)) throw new Error(`'${path}': bad module file name '${tool.wasm}'`);
    const wasm = new Uint8Array(await readFile(join(dirname(path), tool.wasm)));
    if (sha256(wasm) !== tool.sha256)
      throw new Error(`'${path}': module '${tool.wasm}' does not match its recorded hash (rebuild the plugin)`);
    tools.push({
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      inputType: tool.inputType,
      outputType: tool.outputType,
      ...(tool.result !== undefined && { result: tool.result }),
      ...(tool.returnsNothing && { returnsNothing: true as const }),
      wasm,
    });
  }
  return { format: PLUGIN_FORMAT, name: manifest.name, tools };
}
