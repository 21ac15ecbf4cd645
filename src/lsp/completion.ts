/**
 * @fileoverview Completion from the text before the cursor and the plan (the last one that
 * could be read while the text is broken):
 *
 * - paths: after `{{ ` in YAML, in expressions, and in .ice values: node ids, `inputs` and loop
 *   item variables in scope; after `id.`, the fields of that output's type (nested: `a.b.`);
 * - node types after `type:` (YAML) or at the start of an .ice statement;
 * - tool names (declared and built in) after `tool_name:`, `tool x =` and in agent `tools`;
 * - capabilities in `imports`; node ids in `dependencies`, `after`, branches;
 * - YAML field names of the node's type at a key position.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver";
import { builtinSignatures, KNOWN_CAPABILITIES, resolveReference, type ReferenceScope } from "../check/index.js";
import { COMMON_FIELDS, fieldsOf, TOP_LEVEL_FIELDS } from "../frontend/yaml/fieldTable.js";
import { NODE_KINDS, walkNodes, type PlanNode, type Workflow } from "../plan/index.js";
import { printType } from "../print/iceValues.js";
import type { SchemaType } from "../../runtime/schema.js";
import type { Analysis } from "./analysis.js";

const PATH_TAIL = /([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]*)*)?$/;

export function completionsAt(analysis: Analysis, offset: number): CompletionItem[] {
  const workflow = analysis.partial;
  const text = analysis.file.text;
  const before = text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset);
  const enclosing = workflow ? enclosingNode(workflow, offset) : undefined;
  const scope = enclosing ? [...enclosing.containers, ...(enclosing.node.kind === "loop" ? [enclosing.node] : [])] : [];
  const path = () =>
    workflow ? pathCompletions(workflow, PATH_TAIL.exec(before)?.[1] ?? "", scope, enclosing?.node) : [];
  const ids = () => (workflow ? nodeIds(workflow, enclosing?.node) : []);
  const tools = () => toolNames(workflow);
  const capabilities = () => KNOWN_CAPABILITIES.map((c) => item(c, CompletionItemKind.Module, "capability"));
  const kinds = () => NODE_KINDS.map((k) => item(k, CompletionItemKind.Keyword, "node type"));
  if (analysis.language === "yaml") {
    if (before.lastIndexOf("{{") > before.lastIndexOf("}}")) return path();
    if (/^\s*(-\s+)?type:\s*[\w]*$/.test(before)) return kinds();
    if (/^\s*(-\s+)?tool_name:\s*[\w.]*$/.test(before)) return tools();
    if (
      /^\s*(-\s+)?tools:\s*\[[^\]]*$/.test(before) ||
      (/^\s*-\s+[\w.]*$/.test(before) && listKey(text, offset) === "tools")
    )
      return tools();
    if (
      /^\s*(-\s+)?imports:\s*\[[^\]]*$/.test(before) ||
      (/^\s*-\s+\w*$/.test(before) && listKey(text, offset) === "imports")
    )
      return capabilities();
    if (/^\s*(-\s+)?(dependencies|true_path|false_path):\s*\[[^\]]*$/.test(before)) return ids();
    if (/^\s*(-\s+)?expression:/.test(before)) return path();
    if (/^\s*(-\s+)?[A-Za-z_]*$/.test(before)) {
      const fields =
        enclosing && !/^\s*-\s/.test(before)
          ? fieldsOf(enclosing.node.kind)
          : /^[A-Za-z_]*$/.test(before)
            ? TOP_LEVEL_FIELDS
            : COMMON_FIELDS.slice(0, 2);
      return fields.map((f) => item(f, CompletionItemKind.Property, "field"));
    }
    return [];
  }
  if (/\bimports\s*\[[^\]]*$/.test(before)) return capabilities();
  if (/\b(after|then|else)\s*\[[^\]]*$/.test(before)) return ids();
  if (/\btool\s+[A-Za-z_]\w*\s*=\s*[\w.]*$/.test(before) || /\btools:\s*\[[^\]]*$/.test(before)) return tools();
  if (/^\s*[a-z_]*$/.test(before))
    return [
      ...kinds(),
      item("output", CompletionItemKind.Keyword, "workflow output"),
      item("declare", CompletionItemKind.Keyword, "declare tool"),
    ];
  return path();
}

/** Roots (`id`, `inputs`, item variables) or, after `a.b.`, the fields of `a.b`'s type. */
function pathCompletions(
  workflow: Workflow,
  written: string,
  scope: ReferenceScope,
  current: PlanNode | undefined,
): CompletionItem[] {
  const segments = written.split(".");
  if (segments.length <= 1) {
    const items = nodeIds(workflow, current);
    items.push(item("inputs", CompletionItemKind.Variable, `inputs: ${printType(workflow.inputSchema)}`));
    for (const container of scope)
      if (container.kind === "loop")
        items.push(item(container.itemVar.name, CompletionItemKind.Variable, `item of ${container.id}`));
    return items;
  }
  const type = resolveReference(workflow, segments.slice(0, -1), scope)?.type;
  return type ? fieldsOfType(type) : [];
}

function fieldsOfType(type: SchemaType): CompletionItem[] {
  switch (type.kind) {
    case "object":
      return type.fields.map((f) =>
        item(f.name, CompletionItemKind.Field, `${printType(f.type)}${f.optional ? " (optional)" : ""}`),
      );
    case "array":
      return [
        item("length", CompletionItemKind.Field, "integer"),
        item("0", CompletionItemKind.Field, printType(type.element)),
      ];
    case "string":
      return [item("length", CompletionItemKind.Field, "integer")];
    default:
      return [];
  }
}

function nodeIds(workflow: Workflow, current: PlanNode | undefined): CompletionItem[] {
  const items: CompletionItem[] = [];
  walkNodes(workflow.nodes, (node) => {
    if (node !== current) items.push(item(node.id, CompletionItemKind.Reference, `${node.kind} node`));
  });
  return items;
}

function toolNames(workflow: Workflow | undefined): CompletionItem[] {
  const declared = (workflow?.tools ?? []).map((t) =>
    item(t.name, CompletionItemKind.Function, t.description ?? "declared tool"),
  );
  const builtin = [...builtinSignatures().keys()]
    .filter((name) => !declared.some((d) => d.label === name))
    .map((name) => item(name, CompletionItemKind.Function, "built-in tool"));
  return [...declared, ...builtin];
}

/** The innermost node whose text holds `offset`, with its containers. */
function enclosingNode(workflow: Workflow, offset: number): { node: PlanNode; containers: PlanNode[] } | undefined {
  let found: { node: PlanNode; containers: PlanNode[] } | undefined;
  walkNodes(workflow.nodes, (node, containers) => {
    if (node.span.start <= offset && offset <= node.span.end) found = { node, containers: [...containers] };
  });
  return found;
}

/** The key of the YAML block list a `- item` line belongs to (`imports:` above it). */
function listKey(text: string, offset: number): string | undefined {
  const lines = text.slice(0, offset).split("\n");
  const indent = (lines.at(-1) ?? "").search(/\S/);
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i]!;
    const at = line.search(/\S/);
    if (at < 0) continue;
    if (at < indent || (at === indent && !line.trimStart().startsWith("-")))
      return /^\s*(?:-\s+)?([\w]+):\s*$/.exec(line)?.[1];
  }
  return undefined;
}

function item(label: string, kind: CompletionItemKind, detail: string): CompletionItem {
  return { label, kind, detail };
}
