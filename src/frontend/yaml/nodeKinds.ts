/**
 * @fileoverview The fields of each YAML node type (README "Workflows in YAML"), one reader per type. The
 * caller has already reported unknown and missing fields; readers report wrong field types and
 * return the node when every field they need could be read.
 *
 * Decisions the field names leave open: `item_var` defaults to `item`; `parallel: true` on a
 * loop means no cap on items at once (maxParallel 0) unless `max_parallel` is given, and so does
 * `max_parallel: 0` (the operator's `--max-parallel` caps both); nodes
 * written inline in `true_path`/`false_path` are lifted into the enclosing list right after the
 * condition and named on the branch by their id; a parallel branch may be one node instead of a
 * list; `max_iterations` defaults to 5, `max_rounds` too.
 */
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { Diagnostics, type Span } from "../../diagnostics/index.js";
import type {
  Convergence,
  EmbeddedSource,
  Expr,
  Named,
  NodeKind,
  NodeKindToNode,
  PlanNode,
  ToolNode,
  Value,
} from "../../plan/index.js";
import { checkCodeBody } from "../bounds.js";
import { parseExpression } from "../expression/index.js";
import { isNull, type MapEntry, type YamlContext } from "./context.js";
import { DEFAULT_ITEM_VAR, DEFAULT_MAX_PARALLEL, DEFAULT_MAX_ROUNDS } from "../../plan/defaults.js";
import { readAgentSettings, readModelSettings } from "./iceos/agentFields.js";
import { parseReferencePath } from "../template.js";
import { embeddedSource } from "./positions.js";
import { readTemplate, readValue, readValueMap } from "./values.js";

/** A node's fields by name. */
export type FieldMap = ReadonlyMap<string, MapEntry>;

/** The fields every node has, already read. */
export type BaseFields = Omit<ToolNode, "kind" | "toolName" | "args">;

/** Reads nested node lists (loop bodies, parallel branches, inline branch nodes). */
export interface NestedReader {
  list(node: Node | null, label: string, fallback: Span): PlanNode[];
  one(node: Node, label: string): PlanNode[];
}

/** A node (undefined if a field could not be read) and nodes lifted out of it. */
export interface KindResult {
  readonly node: PlanNode | undefined;
  readonly lifted: readonly PlanNode[];
}

type KindReader = (
  ctx: YamlContext,
  fields: FieldMap,
  base: BaseFields,
  nested: NestedReader,
  label: string,
) => KindResult;

const done = <K extends NodeKind>(
  node: NodeKindToNode[K] | undefined,
  lifted: readonly PlanNode[] = [],
): KindResult => ({ node, lifted });

export const KIND_READERS: { readonly [kind in NodeKind]: KindReader } = {
  /** tool : tool_name, tool_args? */
  tool(ctx, fields, base) {
    const toolName = optional(fields, "tool_name", (e) => ctx.named(e));
    const args = optional(fields, "tool_args", (e) => readValueMap(ctx, e)) ?? [];
    return done(toolName && { kind: "tool", ...base, toolName, args });
  },

  /** code : code, imports?, inputs?, trust? */
  code(ctx, fields, base) {
    const code = optional(fields, "code", (e) =>
      isScalar(e.value) && typeof e.value.value === "string"
        ? boundedCode(ctx, embeddedSource(ctx.file, e.value))
        : ctx.wrongType(e.key, "a string (a TypeScript function body)", e.value, e.keySpan),
    );
    const imports = optional(fields, "imports", (e) => ctx.names(e)) ?? [];
    const inputs = optional(fields, "inputs", (e) => readValueMap(ctx, e)) ?? [];
    return done(code && { kind: "code", ...base, code, imports, inputs });
  },

  /** condition : expression, true_path?, false_path?, trust? */
  condition(ctx, fields, base, nested, label) {
    const source = optional(fields, "expression", (e) =>
      isScalar(e.value) && e.value.value !== null && !isMap(e.value)
        ? embeddedSource(ctx.file, e.value)
        : ctx.wrongType(e.key, "an expression", e.value, e.keySpan),
    );
    let expression: Expr | undefined;
    if (source) {
      const parsed = parseExpression(source);
      ctx.bag.addAll(parsed.diagnostics);
      expression = parsed.expr;
    }
    const truePath = readBranch(ctx, branchField(ctx, fields, "true"), nested, `${label}.true_path`);
    const falsePath = readBranch(ctx, branchField(ctx, fields, "false"), nested, `${label}.false_path`);
    const node = source &&
      expression && {
        kind: "condition" as const,
        ...base,
        expression,
        source,
        truePath: truePath.targets,
        falsePath: falsePath.targets,
      };
    return done(node, [...truePath.lifted, ...falsePath.lifted]);
  },

  /**
   * loop : items_source, (body | body_nodes), item_var?, max_parallel?, parallel?
   * `body_nodes` names top-level nodes that move into the body (iceos/bodyNodes.ts); a bare path
   * as items_source (`load_csv.rows`, iceOS) is a reference.
   */
  loop(ctx, fields, base, nested, label) {
    const itemsSource = optional(fields, "items_source", (e) => readItemsSource(ctx, e));
    const itemVar: Named | undefined = optional(fields, "item_var", (e) => ctx.named(e)) ?? {
      name: DEFAULT_ITEM_VAR,
      span: base.idSpan,
    };
    const bodyEntry = fields.get("body");
    const namedEntry = fields.get("body_nodes");
    if (!bodyEntry && !namedEntry) ctx.bag.report(Diagnostics.MissingField, base.idSpan, ["loop", base.id, "body"]);
    if (namedEntry) ctx.bodyNodes.set(base.id, ctx.names(namedEntry));
    const body = bodyEntry ? nested.list(bodyEntry.value, `${label}.body`, bodyEntry.keySpan) : namedEntry && [];
    const unbounded = optional(fields, "parallel", (e) => ctx.boolean(e));
    const maxParallel =
      optional(fields, "max_parallel", (e) => ctx.number(e, { integer: true, min: 0 })) ??
      (unbounded ? 0 : DEFAULT_MAX_PARALLEL);
    return done(itemsSource && itemVar && body && { kind: "loop", ...base, itemsSource, itemVar, body, maxParallel });
  },

  /**
   * parallel : branches   (a list of node lists; a branch may also be a single node, or, as in
   * iceOS, a list of the ids of top-level nodes that move into it)
   */
  parallel(ctx, fields, base, nested, label) {
    const entry = fields.get("branches");
    if (!entry) return done(undefined);
    const branches: PlanNode[][] = [];
    const named: Named[][] = [];
    for (const [i, branch] of (ctx.list(entry.value, "'branches'", entry.keySpan) ?? []).entries()) {
      const items = isSeq(branch) ? branch.items.map((item) => ctx.resolve(item)) : [];
      if (
        isSeq(branch) &&
        items.length > 0 &&
        items.every((item) => isScalar(item) && typeof item.value === "string")
      ) {
        // iceOS: a branch names top-level nodes (iceos/bodyNodes.ts moves them in).
        named[i] = items.map((item) => ({ name: String((item as { value: unknown }).value), span: ctx.span(item) }));
        branches.push([]);
      } else if (isSeq(branch)) branches.push(nested.list(branch, `${label}.branches[${i}]`, entry.keySpan));
      else if (isMap(branch)) branches.push(nested.one(branch, `${label}.branches[${i}]`));
      else ctx.wrongType("branches", "a list of node lists", branch);
    }
    if (named.length > 0) ctx.branchNodes.set(base.id, named);
    return done({ kind: "parallel", ...base, branches });
  },

  /** workflow : workflow_ref, inputs? */
  workflow(ctx, fields, base) {
    const workflowRef = optional(fields, "workflow_ref", (e) => ctx.named(e));
    const inputs = optional(fields, "inputs", (e) => readValueMap(ctx, e)) ?? [];
    return done(workflowRef && { kind: "workflow", ...base, workflowRef, inputs });
  },

  /** llm : prompt, model?, llm_config?, provider?, temperature?, max_tokens? */
  llm(ctx, fields, base) {
    const prompt = optional(fields, "prompt", (e) => readTemplate(ctx, e));
    const settings = readModelSettings(ctx, fields);
    return done(prompt && { kind: "llm", ...base, prompt, ...settings });
  },

  /** agent : prompt? | agent_config?, tools?, max_iterations?, model?, llm_config?, provider?, package?, memory? */
  agent(ctx, fields, base) {
    const settings = readAgentSettings(ctx, fields, base.idSpan, base.dependencies);
    return done(settings && { kind: "agent", ...base, ...settings });
  },

  /** recursive : recursive_sources, convergence_condition?, max_rounds?, and the agent fields */
  recursive(ctx, fields, base) {
    const sources = optional(fields, "recursive_sources", (e) => ctx.names(e)) ?? [];
    const settings = readAgentSettings(ctx, fields, base.idSpan, sources);
    const maxRounds =
      optional(fields, "max_rounds", (e) => ctx.number(e, { integer: true, min: 1 })) ?? DEFAULT_MAX_ROUNDS;
    const conditionEntry = fields.get("convergence_condition");
    let convergence: Convergence | undefined;
    if (conditionEntry && !isNull(conditionEntry.value)) {
      const source =
        isScalar(conditionEntry.value) && conditionEntry.value.value !== null
          ? embeddedSource(ctx.file, conditionEntry.value)
          : ctx.wrongType(conditionEntry.key, "an expression", conditionEntry.value, conditionEntry.keySpan);
      const parsed = source && parseExpression(source);
      if (parsed) ctx.bag.addAll(parsed.diagnostics);
      if (source && parsed?.expr) convergence = { expression: parsed.expr, source };
      else return done(undefined);
    }
    return done(
      settings && {
        kind: "recursive",
        ...base,
        ...settings,
        sources,
        maxRounds,
        ...(convergence && { convergence }),
      },
    );
  },
};

/** A code body, with ICE1019 reported when it nests too deeply to compile. */
function boundedCode(ctx: YamlContext, source: EmbeddedSource): EmbeddedSource {
  const deep = checkCodeBody(source);
  if (deep) ctx.bag.add(deep);
  return source;
}

/** Reads `fields[key]` with `read` when present. */
function optional<T>(fields: FieldMap, key: string, read: (entry: MapEntry) => T | undefined): T | undefined {
  const entry = fields.get(key);
  return entry && read(entry);
}

/** `true_path`, or iceOS's `true_branch` (not both). */
function branchField(ctx: YamlContext, fields: FieldMap, side: "true" | "false"): MapEntry | undefined {
  const path = fields.get(`${side}_path`);
  const branch = fields.get(`${side}_branch`);
  if (path && branch)
    ctx.bag.report(Diagnostics.BadIceosField, branch.keySpan, [
      `'${side}_path' and '${side}_branch' name the same thing: give one of them`,
    ]);
  return path ?? branch;
}

/** items_source: a value, or a reference written as a bare path (`load_csv.rows`). */
function readItemsSource(ctx: YamlContext, entry: MapEntry): Value {
  const value = readValue(ctx, entry.value, entry.keySpan);
  if (value.kind !== "literal" || typeof value.value !== "string") return value;
  const path = parseReferencePath(value.value.trim());
  return typeof path === "string" ? value : { kind: "ref", path, span: value.span };
}

/** true_path / false_path : a list of node ids or inline nodes (a single id is accepted). */
function readBranch(
  ctx: YamlContext,
  entry: MapEntry | undefined,
  nested: NestedReader,
  label: string,
): { targets: Named[]; lifted: PlanNode[] } {
  const targets: Named[] = [];
  const lifted: PlanNode[] = [];
  if (!entry || entry.value === null || (isScalar(entry.value) && entry.value.value === null))
    return { targets, lifted };
  const items = isScalar(entry.value) ? [entry.value] : (ctx.list(entry.value, `'${entry.key}'`, entry.keySpan) ?? []);
  for (const [i, item] of items.entries()) {
    if (isScalar(item) && typeof item.value === "string") {
      targets.push({ name: item.value, span: ctx.span(item) });
    } else if (isMap(item)) {
      const nodes = nested.one(item, `${label}[${i}]`);
      const [first] = nodes;
      if (first) targets.push({ name: first.id, span: first.idSpan });
      lifted.push(...nodes);
    } else {
      ctx.wrongType(entry.key, "a list of node ids or nodes", item);
    }
  }
  return { targets, lifted };
}
