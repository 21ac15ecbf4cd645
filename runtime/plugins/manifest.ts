/**
 * @fileoverview Checking a built plugin's `.plugin.json` before anything uses it. The file is
 * third-party data (plugin authors are not trusted, SECURITY.md), so its plugin name, which names
 * the plugin's kv file (`<kv-dir>/<name>.kv.json`), must be the plain name `iceosc build
 * --plugins` gives (the module's file name, letters, digits and `_`), its tool names the names a
 * workflow can call, and its types the schema language, nested no deeper than a workflow's may
 * be (the checker and `jsonSchemaOf` walk them recursively). Red team 7:
 * test/security/redTeam7Plugins.test.ts.
 */
/** A plugin's name: what `pluginNameOf` makes of a file name. */
const PLUGIN_NAME = /^[A-Za-z0-9_]{1,64}$/;
/** A tool's name: as a workflow's `tool_name` may be (src/frontend/names.ts). */
const TOOL_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
/** Words that reach a JavaScript object's prototype. */
const PROTOTYPE_WORDS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
/** As deep as a workflow's schema may nest (src/frontend/bounds.ts). */
const MAX_TYPE_DEPTH = 64;
/** A field name's code units. */
const MAX_FIELD_NAME = 1_024;

const SCALAR_KINDS: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean", "any"]);

/** A manifest that cannot be used, and why. */
export class PluginManifestError extends Error {}

/** Why `name` cannot name a plugin, or undefined. */
export function pluginNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || !PLUGIN_NAME.test(name) || PROTOTYPE_WORDS.has(name))
    return `bad plugin name ${JSON.stringify(name)} (letters, digits and _, at most 64)`;
  return undefined;
}

/** Throws PluginManifestError when `name` cannot name a tool. */
export function checkToolName(name: unknown): asserts name is string {
  if (typeof name !== "string" || !TOOL_NAME.test(name) || PROTOTYPE_WORDS.has(name))
    throw new PluginManifestError(`bad tool name ${JSON.stringify(name)}`);
}

/** Throws PluginManifestError unless `value` is a record (a JSON object). */
export function checkRecord(value: unknown, what: string): asserts value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new PluginManifestError(`${what} is not an object`);
}

/** Throws PluginManifestError unless `value` is an object type of the schema language. */
export function checkObjectType(value: unknown, what: string): void {
  checkRecord(value, what);
  if (value.kind !== "object") throw new PluginManifestError(`${what} is not an object type`);
  checkType(value, what, 0);
}

/** Throws PluginManifestError unless `value` is a type of the schema language. */
export function checkSchemaType(value: unknown, what: string): void {
  checkType(value, what, 0);
}

function checkType(value: unknown, what: string, depth: number): void {
  if (depth > MAX_TYPE_DEPTH) throw new PluginManifestError(`${what} nests deeper than ${MAX_TYPE_DEPTH} levels`);
  checkRecord(value, what);
  const kind = value.kind;
  if (typeof kind === "string" && SCALAR_KINDS.has(kind)) return;
  if (kind === "array") {
    checkType(value.element, what, depth + 1);
    return;
  }
  if (kind !== "object" || !Array.isArray(value.fields)) throw new PluginManifestError(`${what}: not a schema type`);
  for (const field of value.fields as unknown[]) {
    checkRecord(field, what);
    if (typeof field.name !== "string" || field.name.length > MAX_FIELD_NAME)
      throw new PluginManifestError(`${what}: a field has no usable name`);
    if (typeof field.optional !== "boolean" && field.optional !== undefined)
      throw new PluginManifestError(`${what}: field '${field.name}' has a bad 'optional'`);
    checkType(field.type, what, depth + 1);
  }
}
