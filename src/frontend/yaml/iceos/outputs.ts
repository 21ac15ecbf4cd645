/**
 * @fileoverview Workflow outputs in the iceOS shapes. A list of node ids (`outputs: [aggregate]`)
 * returns those nodes' whole outputs, each under its id (a path `node.field` goes under
 * `node_field`). An iceOS blueprint (one with `id`, `schema_version`, `api_version`, `metadata`
 * or `inputs`) with no `outputs` at all returns the output of every top-level node under its id,
 * as an iceOS run does; a plain workflow without outputs returns `{}`. A map (the plain form) is read by the caller; its
 * values may be objects (`response: { text: "{{ llm.response }}" }`).
 */
import { isScalar, type Node } from "yaml";
import type { Span } from "../../../diagnostics/index.js";
import type { PlanNode, ValueEntry } from "../../../plan/index.js";
import type { YamlContext } from "../context.js";
import { readValue } from "../values.js";

/** outputs : `-` (id | path | "{{ path }}") ... */
export function readOutputList(ctx: YamlContext, node: Node, fallback: Span): ValueEntry[] {
  const out: ValueEntry[] = [];
  for (const item of ctx.list(node, "'outputs'", fallback) ?? []) {
    if (!isScalar(item) || typeof item.value !== "string") {
      ctx.wrongType("outputs", "a list of node ids", item);
      continue;
    }
    const text = item.value.trim();
    const braced = /^\{\{\s*(.*?)\s*\}\}$/.exec(text);
    const path = braced ? braced[1]! : text;
    // A node id names its output; a path's output name joins its segments (`llm.text` -> llm_text).
    const key = path.replace(/\./g, "_");
    const value = readValue(ctx, item, fallback);
    const at = ctx.span(item);
    out.push({
      key,
      keySpan: at,
      value: value.kind === "literal" ? { kind: "ref", path: path.split("."), span: at } : value,
    });
  }
  return out;
}

/**
 * An iceOS blueprint without `outputs`: every top-level node's output under its id, but for nodes
 * on a condition's branch (their output is absent when the other branch runs).
 */
export function everyNodeOutput(nodes: readonly PlanNode[]): ValueEntry[] {
  const onBranch = new Set(
    nodes.flatMap((n) => (n.kind === "condition" ? [...n.truePath, ...n.falsePath].map((t) => t.name) : [])),
  );
  return nodes
    .filter((n) => !onBranch.has(n.id))
    .map((n) => ({ key: n.id, keySpan: n.idSpan, value: { kind: "ref", path: [n.id], span: n.idSpan } }));
}
