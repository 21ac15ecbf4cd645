/**
 * @fileoverview `URLSearchParams` (lib/url.ts), lowered to support/urlSearchParams.ts: the
 * constructor from a query string, from `[name, value]` pairs, from a record or an object literal
 * of strings, from other params; `append`, `set`, `delete`, `get`, `getAll`, `has`, `sort`,
 * `toString`, `size`, `forEach`; iteration (print/iteration.ts reads the list live, as the
 * engine's iterator does) and `Object.fromEntries(params)`.
 */
import { ts } from "../typescript.js";
import { asType, BOOLEAN, NUMBER, nullable, STRING, type ValueType } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { arg } from "./calls.js";
import { callbackFor } from "./callbacks.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";

const PARAMS: ValueType = { kind: "urlParams" };
const VOID: ValueType = { kind: "void" };

/** `new URLSearchParams(init?)`. */
export function newUrlSearchParams(ctx: PrintContext, node: ts.NewExpression): Printed {
  const args = node.arguments ?? [];
  if (args.length === 0) return { text: "new __ice_USP()", type: PARAMS };
  const init = args[0]!;
  if (ts.isObjectLiteralExpression(init)) return fromLiteral(ctx, init);
  const value = printExpr(ctx, init);
  const t = value.type;
  switch (t.kind) {
    case "string":
      return { text: `__ice_usp_parse(${value.text})`, type: PARAMS };
    case "urlParams":
      return { text: `__ice_usp_copy(${value.text})`, type: PARAMS };
    case "dict":
      if (t.value.kind === "string") return { text: `__ice_usp_dict(${value.text})`, type: PARAMS };
      break;
    case "array": {
      const e = t.element;
      if (e.kind === "tuple" && e.elements.length === 2 && e.elements.every((x) => x.kind === "string"))
        return { text: `__ice_usp_pairs<${asType(e)}>(${value.text})`, type: PARAMS };
      if (e.kind === "array" && e.element.kind === "string")
        return { text: `__ice_usp_rows(${value.text})`, type: PARAMS };
      break;
    }
    default:
      break;
  }
  return ctx.refuse(
    init,
    "new URLSearchParams of this value",
    "pass a query string, [name, value] pairs, a Record<string, string> or an object literal of strings",
  );
}

/**
 * `new URLSearchParams({ q: text, page: "2" })`: the fields in the literal's order (the engine
 * reads the object's own keys, which is that order when no key is an array index).
 */
function fromLiteral(ctx: PrintContext, init: ts.ObjectLiteralExpression): Printed {
  let text = "new __ice_USP()";
  for (const property of init.properties) {
    const name =
      ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)
        ? ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)
          ? property.name.text
          : undefined
        : undefined;
    if (name === undefined || /^(0|[1-9][0-9]*)$/.test(name) || name === "__proto__")
      return ctx.refuse(property, "this field of a URLSearchParams literal", "write plain named fields of strings");
    const value = ts.isPropertyAssignment(property)
      ? printTo(ctx, property.initializer, STRING)
      : printTo(ctx, (property as ts.ShorthandPropertyAssignment).name, STRING);
    text = `__ice_usp_put(${text}, __ice_well_formed(${stringLiteral(name)}), __ice_well_formed(${value}))`;
  }
  return { text, type: PARAMS };
}

/** `params.method(...)`. */
export function urlParamsMethod(ctx: PrintContext, node: ts.CallExpression, p: Printed, method: string): Printed {
  const s = (i: number) => arg(ctx, node, i, STRING, '"undefined"');
  const maybe = (i: number) => (node.arguments[i] ? printTo(ctx, node.arguments[i]!, STRING) : "null");
  switch (method) {
    case "append":
      return { text: `__ice_usp_append(${p.text}, ${s(0)}, ${s(1)})`, type: VOID };
    case "set":
      return { text: `__ice_usp_set(${p.text}, ${s(0)}, ${s(1)})`, type: VOID };
    case "delete":
      return { text: `__ice_usp_delete(${p.text}, ${s(0)}, ${maybe(1)})`, type: VOID };
    case "has":
      return { text: `__ice_usp_has(${p.text}, ${s(0)}, ${maybe(1)})`, type: BOOLEAN };
    case "get":
      return { text: `__ice_usp_get(${p.text}, ${s(0)})`, type: nullable(STRING) };
    case "getAll":
      return { text: `__ice_usp_get_all(${p.text}, ${s(0)})`, type: { kind: "array", element: STRING } };
    case "sort":
      return { text: `__ice_usp_sort(${p.text})`, type: VOID };
    case "toString":
      return { text: `__ice_usp_str(${p.text})`, type: STRING };
    case "forEach":
      return forEach(ctx, node, p);
    default:
      return ctx.refuse(node, `URLSearchParams.${method}() here`, "iterate the params with for...of");
  }
}

/** `params.size`, or undefined for another property. */
export function urlParamsProperty(p: Printed, property: string): Printed | undefined {
  if (property === "size") return { text: `__ice_usp_size(${p.text})`, type: NUMBER };
  return undefined;
}

/** `params.forEach((value, key) => ...)`: the list is read again at each step, as the engine reads it. */
function forEach(ctx: PrintContext, node: ts.CallExpression, p: Printed): Printed {
  const [callback] = node.arguments;
  if (!callback || node.arguments.length !== 1)
    return ctx.refuse(node, "forEach with a second argument", "use for...of");
  const f = callbackFor(ctx, callback, 2, [STRING, STRING], VOID);
  const name = ctx.fresh("s");
  ctx.hoisted.push(
    `function ${name}(c: __ice_USP, e: ${f.envType}): void {\n  for (let i: i32 = 0; i < c.l.length; i += 2) ${f.name}(e, c.l[i + 1], c.l[i], 0.0, __ice_none<Array<string>>());\n}`,
  );
  return { text: `${name}(${p.text}, ${f.env})`, type: VOID };
}
