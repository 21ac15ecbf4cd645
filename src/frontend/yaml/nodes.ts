/**
 * @fileoverview YAML node lists and the fields every node has: `id`, `type`, `dependencies`,
 * schemas, `retries`, `retry_policy`, `on_failure`, `timeout_seconds`, `limits`, `trust`. Checks field names against the field
 * table (ICE1005, ICE1006, ICE1007) and hands the rest to the reader of the node's type.
 */
import type { Node } from "yaml";
import { didYouMean, Diagnostics, span, type Span } from "../../diagnostics/index.js";
import {
  FAILURE_MODES,
  NODE_KINDS,
  type FailureMode,
  type Limits,
  type NodeKind,
  type PlanNode,
  type RetryPolicy,
} from "../../plan/index.js";
import { isNull, type MapEntry, type YamlContext } from "./context.js";
import {
  fieldsOf,
  ICEOS_RETRY_POLICY_FIELDS,
  ignoredFieldsOf,
  LIMIT_FIELDS,
  NODE_FIELDS,
  RENAMED_ICEOS_NODE_TYPES,
} from "./fieldTable.js";
import { RETRY_POLICY_FIELDS } from "../../plan/defaults.js";
import { KIND_READERS, type BaseFields, type FieldMap } from "./nodeKinds.js";
import { readObjectType } from "./schemaTypes.js";

/** nodes : `-` Node (`-` Node)*   — inline branch nodes come right after their condition. */
export function readNodeList(ctx: YamlContext, node: Node | null, label: string, fallback: Span): PlanNode[] {
  const items = ctx.list(node, `'${label}'`, fallback) ?? [];
  return items.flatMap((item, index) => readNode(ctx, item, `${label}[${index}]`));
}

/**
 * Node : { id, type, ...fields of the type }
 * Returns the node followed by any nodes written inline in its branches ([] if unreadable).
 */
export function readNode(ctx: YamlContext, node: Node, label: string): PlanNode[] {
  const entries = ctx.mapping(node, `node ${label}`);
  if (!entries) return [];
  const fields: FieldMap = new Map(entries.map((e) => [e.key, e]));
  const whole = ctx.span(node);
  const idEntry = fields.get("id");
  const typeEntry = fields.get("type");
  const id = idEntry && ctx.string(idEntry);
  const name = id ?? label;
  const anchor = idEntry
    ? ctx.span(idEntry.value, idEntry.keySpan)
    : typeEntry
      ? typeEntry.keySpan
      : span(ctx.file, whole.start);

  if (!typeEntry) {
    ctx.bag.report(Diagnostics.MissingField, anchor, ["a", name, "type"]);
    return [];
  }
  const written = ctx.string(typeEntry);
  if (written === undefined) return [];
  const renamed = Object.hasOwn(RENAMED_ICEOS_NODE_TYPES, written) ? RENAMED_ICEOS_NODE_TYPES[written] : undefined;
  if (renamed) ctx.bag.report(Diagnostics.RenamedIceosNodeType, ctx.span(typeEntry.value), [written, renamed]);
  const typeName = renamed ?? written;
  if (!(NODE_KINDS as readonly string[]).includes(typeName)) {
    ctx.bag.report(Diagnostics.UnknownNodeType, ctx.span(typeEntry.value), [
      typeName,
      didYouMean(typeName, NODE_KINDS),
    ]);
    return [];
  }
  const kind = typeName as NodeKind;
  const allowed = fieldsOf(kind);
  const ignored = ignoredFieldsOf(kind);
  for (const entry of entries) {
    if (ignored.includes(entry.key))
      ctx.bag.report(Diagnostics.IgnoredIceosField, entry.keySpan, ["field", entry.key, ` on a ${kind} node`]);
    else if (!allowed.includes(entry.key))
      ctx.bag.report(Diagnostics.UnknownField, entry.keySpan, [entry.key, kind, didYouMean(entry.key, allowed)]);
  }
  let complete = id !== undefined;
  if (!idEntry) ctx.bag.report(Diagnostics.MissingField, ctx.span(typeEntry.value), [kind, name, "id"]);
  for (const field of NODE_FIELDS[kind].required) {
    if (fields.has(field)) continue;
    ctx.bag.report(Diagnostics.MissingField, anchor, [kind, name, field]);
    complete = false;
  }
  const base = readBaseFields(ctx, fields, { id: id ?? label, span: whole, idSpan: anchor });
  const nested = {
    list: (n: Node | null, l: string, f: Span) => readNodeList(ctx, n, l, f),
    one: (n: Node, l: string) => readNode(ctx, n, l),
  };
  const result = KIND_READERS[kind](ctx, fields, base, nested, name);
  return complete && result.node ? [result.node, ...result.lifted] : [...result.lifted];
}

/** Fields every node has. */
function readBaseFields(
  ctx: YamlContext,
  fields: FieldMap,
  where: { id: string; span: Span; idSpan: Span },
): BaseFields {
  const get = (key: string): MapEntry | undefined => fields.get(key);
  const dependencies = get("dependencies");
  const inputSchema = get("input_schema");
  const outputSchema = get("output_schema");
  const retries = get("retries");
  const retryPolicy = get("retry_policy");
  const onFailure = get("on_failure");
  const timeout = get("timeout_seconds");
  const limits = get("limits");
  const trust = get("trust");
  const base: { -readonly [K in keyof BaseFields]: BaseFields[K] } = {
    ...where,
    dependencies: dependencies ? ctx.names(dependencies) : [],
  };
  if (inputSchema) base.inputSchema = readObjectType(ctx, inputSchema.value, "input_schema");
  if (outputSchema) base.outputSchema = readObjectType(ctx, outputSchema.value, "output_schema");
  if (retries) base.retries = ctx.number(retries, { integer: true, min: 0 });
  if (retryPolicy) base.retryPolicy = readRetryPolicy(ctx, retryPolicy);
  const backoff = get("backoff_seconds");
  const seconds = backoff && ctx.number(backoff, { min: 0 });
  if (backoff && seconds !== undefined && base.retryPolicy?.baseDelayMs === undefined)
    base.retryPolicy = { span: ctx.span(backoff.value), ...base.retryPolicy, baseDelayMs: seconds * 1000 };
  if (onFailure) base.onFailure = readFailureMode(ctx, onFailure);
  if (timeout) base.timeoutSeconds = ctx.number(timeout, { positive: true });
  if (limits) base.limits = readLimits(ctx, limits);
  if (trust) base.trust = ctx.named(trust);
  const description = get("description");
  if (description && !isNull(description.value)) base.description = ctx.text(description);
  const title = get("name");
  if (title && !isNull(title.value)) base.title = ctx.text(title);
  for (const key of Object.keys(base) as (keyof BaseFields)[]) if (base[key] === undefined) delete base[key];
  return base;
}

/** limits : { fuel?, memory_mb?, timeout_ms? }   (ranges are the checker's concern) */
function readLimits(ctx: YamlContext, entry: MapEntry): Limits | undefined {
  const entries = ctx.mapping(entry.value, "'limits'", entry.keySpan);
  if (!entries) return undefined;
  const limits: { -readonly [K in keyof Limits]: Limits[K] } = { span: ctx.span(entry.value) };
  for (const e of entries) {
    const field = (
      LIMIT_FIELDS as { readonly [key: string]: (typeof LIMIT_FIELDS)[keyof typeof LIMIT_FIELDS] | undefined }
    )[e.key];
    if (field === undefined) {
      ctx.bag.report(Diagnostics.UnknownEntryField, e.keySpan, [
        e.key,
        "'limits'",
        didYouMean(e.key, Object.keys(LIMIT_FIELDS)),
      ]);
      continue;
    }
    const value = ctx.number(e, { integer: field !== "memoryMb" });
    if (value !== undefined) {
      limits[field] = value;
      limits[`${field}Span`] = ctx.span(e.value, e.keySpan);
    }
  }
  return limits;
}

/** retry_policy : { max_attempts?, base_delay_ms?, factor?, max_delay_ms? } */
function readRetryPolicy(ctx: YamlContext, entry: MapEntry): RetryPolicy | undefined {
  const entries = ctx.mapping(entry.value, "'retry_policy'", entry.keySpan);
  if (!entries) return undefined;
  const policy: { -readonly [K in keyof RetryPolicy]: RetryPolicy[K] } = { span: ctx.span(entry.value) };
  for (const e of entries) {
    const spec = (
      RETRY_POLICY_FIELDS as {
        readonly [key: string]: (typeof RETRY_POLICY_FIELDS)[keyof typeof RETRY_POLICY_FIELDS] | undefined;
      }
    )[e.key];
    if (spec === undefined && e.key === "backoff_seconds") {
      // iceOS: the base delay in seconds.
      const seconds = ctx.number(e, { min: 0 });
      if (seconds !== undefined && policy.baseDelayMs === undefined) policy.baseDelayMs = seconds * 1000;
      continue;
    }
    if (spec === undefined && e.key === "backoff_strategy") {
      // iceOS: fixed (factor 1) or exponential (factor 2); linear has no equivalent here.
      const strategy = ctx.string(e);
      if (strategy === "fixed" || strategy === "exponential") policy.factor ??= strategy === "fixed" ? 1 : 2;
      else if (strategy !== undefined)
        ctx.bag.report(Diagnostics.WrongFieldType, ctx.span(e.value), [
          "backoff_strategy",
          "'fixed' or 'exponential'",
          `'${strategy}'`,
        ]);
      continue;
    }
    if (spec === undefined) {
      ctx.bag.report(Diagnostics.UnknownEntryField, e.keySpan, [
        e.key,
        "'retry_policy'",
        didYouMean(e.key, [...Object.keys(RETRY_POLICY_FIELDS), ...ICEOS_RETRY_POLICY_FIELDS]),
      ]);
      continue;
    }
    const value = ctx.number(e, { integer: spec.integer, min: spec.min });
    if (value !== undefined) policy[spec.field] = value;
  }
  return policy;
}

/** on_failure : halt | continue */
function readFailureMode(ctx: YamlContext, entry: MapEntry): FailureMode | undefined {
  const text = ctx.string(entry);
  if (text === undefined) return undefined;
  if ((FAILURE_MODES as readonly string[]).includes(text)) return text as FailureMode;
  ctx.bag.report(Diagnostics.WrongFieldType, ctx.span(entry.value), [
    "on_failure",
    FAILURE_MODES.map((m) => `'${m}'`).join(" or "),
    `'${text}'`,
  ]);
  return undefined;
}
