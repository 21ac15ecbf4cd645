/**
 * @fileoverview Constant values (llm and agent settings, which become `llm_config`): JSON read
 * straight from the CST. Strings are taken as written, without references, as YAML's
 * `llm_config` takes them.
 */
import type { IToken } from "chevrotain";
import type { KeyCstChildren, LiteralCstChildren, ValueCstNode } from "../../../grammar/index.js";
import { Diagnostics } from "../../diagnostics/index.js";
import { setEntry, type JsonValue } from "../../plan/index.js";
import type { IceContext } from "./context.js";
import { literalText } from "./strings.js";

/** A key as written: a name, or a string's text. */
export function keyText(ice: IceContext, key: KeyCstChildren): { key: string; token: IToken } | undefined {
  const name = key.Name?.[0];
  if (name) return { key: name.image, token: name };
  const string = key.StringLiteral?.[0];
  return string && { key: literalText(ice.file, string), token: string };
}

/** A number token's value (`1_000_000`, `2.5e3`). */
export function numberText(image: string): number {
  return Number(image.replace(/_/g, ""));
}

/** A literal as JSON. */
export function literalConstant(ice: IceContext, literal: LiteralCstChildren): JsonValue {
  if (literal.StringLiteral?.[0]) return literalText(ice.file, literal.StringLiteral[0]);
  if (literal.NumberLiteral?.[0]) return (literal.Minus ? -1 : 1) * numberText(literal.NumberLiteral[0].image);
  if (literal.True) return true;
  if (literal.False) return false;
  return null;
}

/** A value that must be a constant; reports ICE1504 and returns undefined otherwise. */
export function constantOf(ice: IceContext, value: ValueCstNode, what: string): JsonValue | undefined {
  const c = value.children;
  if (c.literal?.[0]) return literalConstant(ice, c.literal[0].children);
  const template = c.Template?.[0];
  if (template && !template.image.includes("${")) return literalText(ice.file, template);
  if (c.objectValue?.[0]) {
    const out: { [key: string]: JsonValue } = {};
    let ok = true;
    for (const argument of c.objectValue[0].children.argument ?? []) {
      const key = argument.children.key?.[0] && keyText(ice, argument.children.key[0].children);
      const item = argument.children.value?.[0] && constantOf(ice, argument.children.value[0], what);
      if (key && item !== undefined) setEntry(out, key.key, item);
      else ok = false;
    }
    return ok ? out : undefined;
  }
  if (c.arrayValue?.[0]) {
    const items = (c.arrayValue[0].children.value ?? []).map((v) => constantOf(ice, v, what));
    return items.every((i) => i !== undefined) ? (items as JsonValue[]) : undefined;
  }
  ice.bag.report(Diagnostics.NotConstant, ice.node(value), [
    what,
    template ? "a template with references" : "a reference",
  ]);
  return undefined;
}
