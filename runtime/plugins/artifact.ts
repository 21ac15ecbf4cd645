/**
 * @fileoverview A compiled plugin (README "Plugins"): its tools, each with argument and result
 * types and a verified WebAssembly module. In memory it is a `PluginArtifact` (what the compiler's
 * `compilePluginFiles` returns); on disk (`iceosc build --plugins <dir>`) it is
 * `<out-dir>/plugins/<name>.plugin.json` next to one `<name>.<tool>.wasm` per tool, the JSON
 * holding each module's SHA-256 so that a changed module is refused when it is loaded.
 */
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { readRegularFile, readRegularText } from "../regularFile.js";
import type { ObjectType, SchemaType } from "../schema.js";
import {
  checkObjectType,
  checkRecord,
  checkSchemaType,
  checkToolName,
  PluginManifestError,
  pluginNameProblem,
} from "./manifest.js";

/** Bytes of a `.plugin.json` (its tools' types; a real one is a few KiB). */
export const PLUGIN_MANIFEST_BYTES_LIMIT = 4 * 1024 * 1024;
/** Bytes of one tool's module. */
export const PLUGIN_MODULE_BYTES_LIMIT = 64 * 1024 * 1024;

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

/**
 * Reads `<name>.plugin.json` and its modules; throws when a file is missing, not a regular file,
 * too large, changed, of another format or malformed (red team 7: each file used to be read
 * whatever it was, and the manifest's names and types used unchecked).
 */
export async function readPluginArtifact(path: string): Promise<PluginArtifact> {
  const manifest: unknown = JSON.parse(readRegularText(path, PLUGIN_MANIFEST_BYTES_LIMIT));
  if (typeof manifest !== "object" || manifest === null || (manifest as Manifest).format !== PLUGIN_FORMAT)
    throw new Error(`'${path}' is not a plugin of format ${PLUGIN_FORMAT} (rebuild it with iceosc build --plugins)`);
  try {
    return readTools(path, manifest as Record<string, unknown>);
  } catch (error) {
    if (error instanceof PluginManifestError) throw new Error(`'${path}': ${error.message}`);
    throw error;
  }
}

function readTools(path: string, manifest: Record<string, unknown>): PluginArtifact {
  const name = manifest.name;
  const problem = pluginNameProblem(name);
  if (problem !== undefined) throw new PluginManifestError(problem);
  if (!Array.isArray(manifest.tools)) throw new PluginManifestError("'tools' is not a list");
  const tools: PluginToolArtifact[] = [];
  for (const tool of manifest.tools as unknown[]) {
    checkRecord(tool, "a tool");
    checkToolName(tool.name);
    const what = `tool '${tool.name}'`;
    checkObjectType(tool.inputType, `${what}: inputType`);
    checkObjectType(tool.outputType, `${what}: outputType`);
    if (tool.result !== undefined) checkSchemaType(tool.result, `${what}: result`);
    if (tool.description !== undefined && typeof tool.description !== "string")
      throw new PluginManifestError(`${what}: description is not a string`);
    if (typeof tool.wasm !== "string" || !/^[A-Za-z0-9_.-]+\.wasm$/.test(tool.wasm))
      throw new PluginManifestError(`bad module file name ${JSON.stringify(tool.wasm)}`);
    if (typeof tool.sha256 !== "string") throw new PluginManifestError(`${what}: no module hash`);
    const wasm = new Uint8Array(readRegularFile(join(dirname(path), tool.wasm), PLUGIN_MODULE_BYTES_LIMIT));
    if (sha256(wasm) !== tool.sha256)
      throw new PluginManifestError(`module '${tool.wasm}' does not match its recorded hash (rebuild the plugin)`);
    const checked = tool as unknown as ManifestTool;
    tools.push({
      name: checked.name,
      ...(checked.description !== undefined && { description: checked.description }),
      inputType: checked.inputType,
      outputType: checked.outputType,
      ...(checked.result !== undefined && { result: checked.result }),
      ...(checked.returnsNothing === true && { returnsNothing: true as const }),
      wasm,
    });
  }
  return { format: PLUGIN_FORMAT, name: name as string, tools };
}
