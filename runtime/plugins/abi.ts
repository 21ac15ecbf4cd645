/**
 * @fileoverview The names a plugin module and its host agree on beyond a code node's
 * (runtime/sandbox/verify/abi.ts): the Asyncify exports the host drives to pause and resume a
 * call, and the host functions of the plugin capabilities (`plugin.*`, runtime/plugins/imports.ts).
 */

/** Exports binaryen's Asyncify adds (src/plugin/asyncify.ts). */
export const ASYNCIFY_EXPORTS: readonly string[] = [
  "asyncify_start_unwind",
  "asyncify_stop_unwind",
  "asyncify_start_rewind",
  "asyncify_stop_rewind",
  "asyncify_get_state",
];

/** Host functions of the plugin capabilities, by import name, with the capability each needs. */
export const PLUGIN_IMPORTS: { readonly [qualifiedName: string]: string | undefined } = {
  "plugin.http": "http",
  "plugin.kv_get": "kv",
  "plugin.kv_set": "kv",
  "plugin.kv_delete": "kv",
  "plugin.text_length": undefined,
  "plugin.text_take": undefined,
};

/** Capabilities an operator may grant a plugin. */
export const PLUGIN_CAPABILITIES: readonly string[] = ["http", "kv", "log", "time", "random"];

/** Bytes of the module's Asyncify buffer (src/plugin/pluginSupport.ts allocates it). */
export const ASYNC_STACK_BYTES = 32_768;
