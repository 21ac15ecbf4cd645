/**
 * @fileoverview `await` and the asynchronous host capabilities of plugin modules (src/plugin,
 * lib/plugin.ts). A plugin runs in a sandbox transformed with binaryen's Asyncify: a host call
 * (`kv.get`, `http.get`, ...) pauses the WebAssembly call while the host's promise settles and
 * resumes it with the value, so in the lowered program a capability call is an ordinary call
 * returning the value, and `await` of a call is the call itself. Every promise must be awaited
 * where it is made (checked by src/plugin/asyncRules.ts), so this is exactly JavaScript's order.
 */
import { ts } from "../typescript.js";
import { asType, BOOLEAN, optional, STRING, type ValueType, VOID } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo } from "./expressions.js";

/** `await <call>`: the call's value (the sandbox pauses inside the call while the host works). */
export function printAwait(ctx: PrintContext, node: ts.AwaitExpression, hint?: ValueType): Printed {
  const operand = stripParens(node.expression);
  if (!ts.isCallExpression(operand))
    return ctx.refuse(node, "awaiting something other than a call", "await the call itself: `await kv.get(key)`");
  return printExpr(ctx, operand, hint);
}

/** A call of a capability object of plugins: `kv.get/set/delete`, `http.get/post`. */
export function printPluginCall(ctx: PrintContext, node: ts.CallExpression, global: string, method: string): Printed {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (!ts.isAwaitExpression(parent))
    return ctx.refuse(node, `'${global}.${method}(...)' without 'await'`, `write 'await ${global}.${method}(...)'`);
  const args = node.arguments;
  const text = (i: number, absent?: string): string => {
    const a = args[i];
    if (a) return printTo(ctx, a, STRING);
    if (absent !== undefined) return absent;
    return ctx.refuse(node, `'${global}.${method}' without all its arguments`, "pass every argument");
  };
  if (global === "kv") {
    switch (method) {
      case "get":
        return { text: `__ice_plugin_kv_get(${text(0)})`, type: optional(STRING) };
      case "set":
        return { text: `__ice_plugin_kv_set(${text(0)}, ${text(1)})`, type: VOID };
      case "delete":
        return { text: `__ice_plugin_kv_delete(${text(0)})`, type: BOOLEAN };
    }
  }
  if (global === "http" && (method === "get" || method === "post")) {
    const type = ctx.typeOf(node);
    const body = method === "post" ? text(1) : '""';
    const contentType = method === "post" ? text(2, '"application/json"') : '""';
    return {
      text: `__ice_plugin_http<${asType(type)}>("${method.toUpperCase()}", ${text(0)}, ${body}, ${contentType})`,
      type,
    };
  }
  return ctx.refuse(node, `'${global}.${method}'`, "use kv.get/set/delete or http.get/post");
}
