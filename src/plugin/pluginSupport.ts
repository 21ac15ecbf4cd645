/**
 * @fileoverview The AssemblyScript side of a plugin's host calls, appended to each plugin tool's
 * program (the host side is runtime/plugins/imports.ts). `plugin.http`, `plugin.kv_get`,
 * `plugin.kv_set` and `plugin.kv_delete` are asynchronous: binaryen's Asyncify (asyncify.ts)
 * lets them pause the WebAssembly call while the host's promise settles; each gets the address
 * of the module's own Asyncify stack, a static buffer. Text results (an HTTP body, a stored
 * value) wait on the host until the module has allocated room for them (`plugin.text_take`).
 */
import { ASYNC_STACK_BYTES } from "../../runtime/plugins/abi.js";

/** Imports Asyncify may pause in. */
export const ASYNC_PLUGIN_IMPORTS: readonly string[] = [
  "plugin.http",
  "plugin.kv_get",
  "plugin.kv_set",
  "plugin.kv_delete",
];

export const PLUGIN_SUPPORT_SOURCE = `// plugin host calls (runtime/plugins/imports.ts)
@external("plugin", "http") declare function __ice_plugin_http_raw(method: string, url: string, body: string, contentType: string, stack: usize): f64;
@external("plugin", "kv_get") declare function __ice_plugin_kv_get_raw(key: string, stack: usize): i32;
@external("plugin", "kv_set") declare function __ice_plugin_kv_set_raw(key: string, value: string, stack: usize): void;
@external("plugin", "kv_delete") declare function __ice_plugin_kv_delete_raw(key: string, stack: usize): i32;
@external("plugin", "text_length") declare function __ice_plugin_text_length(): i32;
@external("plugin", "text_take") declare function __ice_plugin_text_take(buffer: usize): void;
// Made on the first host call, so a call that never awaits the host does not pay for it.
let __ice_plugin_stack_ptr: usize = 0;
function __ice_plugin_stack(): usize {
  if (__ice_plugin_stack_ptr == 0) __ice_plugin_stack_ptr = changetype<usize>(new StaticArray<u8>(${ASYNC_STACK_BYTES}));
  return __ice_plugin_stack_ptr;
}
function __ice_plugin_text(): string {
  const n = __ice_plugin_text_length();
  if (n <= 0) return "";
  const buffer = new ArrayBuffer(n << 1);
  __ice_plugin_text_take(changetype<usize>(buffer));
  return String.UTF16.decode(buffer);
}
function __ice_plugin_kv_get(key: string): string | null {
  const n = __ice_plugin_kv_get_raw(key, __ice_plugin_stack());
  if (n < 0) return null;
  return __ice_plugin_text();
}
function __ice_plugin_kv_set(key: string, value: string): void {
  __ice_plugin_kv_set_raw(key, value, __ice_plugin_stack());
}
function __ice_plugin_kv_delete(key: string): bool {
  return __ice_plugin_kv_delete_raw(key, __ice_plugin_stack()) != 0;
}
function __ice_plugin_http<T>(method: string, url: string, body: string, contentType: string): T {
  const status = __ice_plugin_http_raw(method, url, body, contentType, __ice_plugin_stack());
  const text = __ice_plugin_text();
  return instantiate<T>(status >= 200 && status < 300, status, text);
}
`;
