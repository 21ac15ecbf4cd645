/**
 * @fileoverview Node clauses (`retries 2`, `limits { fuel: 1_000 }`, `after [fetch]`, ...): which
 * clauses each node type takes, and readers that check a clause's value and turn it into plan
 * fields. Unknown clauses are reported as unknown fields (ICE1005) with a suggestion; a value of
 * the wrong shape as a wrong field type (ICE1004).
 */
import { didYouMean, Diagnostics, type Span } from "../../diagnostics/index.js";
import {
  FAILURE_MODES,
  type FailureMode,
  type Limits,
  type Named,
  type NodeKind,
  type ObjectType,
  type RetryPolicy,
  type Value,
} from "../../plan/index.js";
import { RETRY_POLICY_FIELDS } from "../../plan/defaults.js";
import type { IceContext } from "./context.js";

/** One clause as written; `value` for `name value`, `seconds` for a duration, `schema` for schema clauses. */
export interface Clause {
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly value?: Value;
  readonly seconds?: number;
  /** The type of `input_schema`/`output_schema`; undefined when it could not be read. */
  readonly schema?: ObjectType;
}

/** Clauses every node takes. */
export const COMMON_CLAUSES: readonly string[] = [
  "after",
  "retries",
  "retry_policy",
  "on_failure",
  "timeout",
  "limits",
  "input_schema",
  "output_schema",
  "description",
  "title",
];

/** Clauses of one node type, beyond the common ones. */
export const KIND_CLAUSES: { readonly [kind in NodeKind]: readonly string[] } = {
  tool: [],
  code: ["imports", "trust"],
  condition: ["then", "else", "trust"],
  loop: [],
  parallel: [],
  workflow: [],
  llm: [],
  agent: [],
  recursive: [],
};

/** Clauses of a `declare tool`. */
export const DECLARATION_CLAUSES: readonly string[] = ["description"];

/** Clauses by name; reports unknown and repeated ones. `where` names the node for messages. */
export function clauseMap(
  ice: IceContext,
  clauses: readonly Clause[],
  allowed: readonly string[],
  unknown: (clause: Clause) => void,
  where: string,
): Map<string, Clause> {
  const byName = new Map<string, Clause>();
  for (const clause of clauses) {
    if (!allowed.includes(clause.name)) unknown(clause);
    else if (byName.has(clause.name))
      ice.bag.report(Diagnostics.DuplicateClause, clause.nameSpan, [clause.name, where]);
    else byName.set(clause.name, clause);
  }
  return byName;
}

/** Reports an unknown clause on a node of `kind`. */
export function unknownNodeClause(ice: IceContext, kind: NodeKind): (clause: Clause) => void {
  return (clause) =>
    ice.bag.report(Diagnostics.UnknownField, clause.nameSpan, [
      clause.name,
      kind,
      didYouMean(clause.name, [...COMMON_CLAUSES, ...KIND_CLAUSES[kind]]),
    ]);
}

/** How a value reads in a message. */
export function describeValue(value: Value | undefined): string {
  if (value === undefined) return "a duration";
  switch (value.kind) {
    case "ref":
      return `the reference '${value.path.join(".")}'`;
    case "template":
      return "a template";
    case "object":
      return "an object";
    case "array":
      return "a list";
    case "literal": {
      const v = value.value;
      if (typeof v === "string") return `the string '${v.length > 30 ? `${v.slice(0, 27)}...` : v}'`;
      if (typeof v === "number") return Number.isInteger(v) ? `the integer ${v}` : `the number ${v}`;
      return v === null ? "null" : typeof v === "boolean" ? String(v) : "a constant";
    }
  }
}

function wrong(ice: IceContext, clause: Clause, expected: string, value: Value | undefined = clause.value): undefined {
  ice.bag.report(Diagnostics.WrongFieldType, value?.span ?? clause.span, [clause.name, expected, describeValue(value)]);
  return undefined;
}

/** A name: a one-segment path or a string. */
export function nameOf(value: Value): Named | undefined {
  if (value.kind === "ref" && value.path.length === 1) return { name: value.path[0]!, span: value.span };
  if (value.kind === "literal" && typeof value.value === "string") return { name: value.value, span: value.span };
  return undefined;
}

/** `[a, b]` or a single name. */
export function namesClause(ice: IceContext, clause: Clause): Named[] {
  const value = clause.value;
  const items = value?.kind === "array" ? value.items : value ? [value] : [];
  if (!value) wrong(ice, clause, "a list of names");
  const out: Named[] = [];
  for (const item of items) {
    const named = nameOf(item);
    if (named) out.push(named);
    else wrong(ice, clause, "a list of names", item);
  }
  return out;
}

/** A number literal, optionally an integer, at least `min` (or above 0 when `positive`). */
export function numberValue(
  ice: IceContext,
  clause: Clause,
  value: Value | undefined,
  options: { integer?: boolean; min?: number; positive?: boolean } = {},
): number | undefined {
  const kind = options.integer ? "an integer" : "a number";
  const expected = options.positive ? `${kind} > 0` : options.min === undefined ? kind : `${kind} >= ${options.min}`;
  const n = value?.kind === "literal" && typeof value.value === "number" ? value.value : undefined;
  if (
    n === undefined ||
    (options.integer && !Number.isInteger(n)) ||
    (options.min !== undefined && n < options.min) ||
    (options.positive && n <= 0)
  )
    return wrong(ice, clause, expected, value);
  return n;
}

/** `timeout 30s` or `timeout 30`: seconds. */
export function secondsClause(ice: IceContext, clause: Clause): number | undefined {
  if (clause.seconds !== undefined) return clause.seconds > 0 ? clause.seconds : wrong(ice, clause, "a duration > 0");
  return numberValue(ice, clause, clause.value, { positive: true });
}

/** A string literal (`description "..."`). */
export function stringClause(ice: IceContext, clause: Clause): string | undefined {
  const value = clause.value;
  return value?.kind === "literal" && typeof value.value === "string" ? value.value : wrong(ice, clause, "a string");
}

const LIMIT_FIELDS = { fuel: "fuel", memory_mb: "memoryMb", timeout_ms: "timeoutMs" } as const;

/** limits { fuel?, memory_mb?, timeout_ms? }   (ranges are the checker's concern) */
export function limitsClause(ice: IceContext, clause: Clause): Limits | undefined {
  const value = clause.value;
  if (value?.kind !== "object") return wrong(ice, clause, "an object such as { fuel: 1_000_000, memory_mb: 4 }");
  const limits: { -readonly [K in keyof Limits]: Limits[K] } = { span: value.span };
  for (const entry of value.entries) {
    const field = (LIMIT_FIELDS as { readonly [key: string]: "fuel" | "memoryMb" | "timeoutMs" | undefined })[
      entry.key
    ];
    if (field === undefined) {
      ice.bag.report(Diagnostics.UnknownEntryField, entry.keySpan, [
        entry.key,
        "'limits'",
        didYouMean(entry.key, Object.keys(LIMIT_FIELDS)),
      ]);
      continue;
    }
    const n = numberValue(ice, { ...clause, name: entry.key }, entry.value, { integer: field !== "memoryMb" });
    if (n !== undefined) {
      limits[field] = n;
      limits[`${field}Span`] = entry.value.span;
    }
  }
  return limits;
}

/** retry_policy { max_attempts?, base_delay_ms?, factor?, max_delay_ms? } */
export function retryPolicyClause(ice: IceContext, clause: Clause): RetryPolicy | undefined {
  const value = clause.value;
  if (value?.kind !== "object") return wrong(ice, clause, "an object such as { max_attempts: 3, base_delay_ms: 200 }");
  const policy: { -readonly [K in keyof RetryPolicy]: RetryPolicy[K] } = { span: value.span };
  for (const entry of value.entries) {
    const spec = (
      RETRY_POLICY_FIELDS as {
        readonly [key: string]: (typeof RETRY_POLICY_FIELDS)[keyof typeof RETRY_POLICY_FIELDS] | undefined;
      }
    )[entry.key];
    if (spec === undefined) {
      ice.bag.report(Diagnostics.UnknownEntryField, entry.keySpan, [
        entry.key,
        "'retry_policy'",
        didYouMean(entry.key, Object.keys(RETRY_POLICY_FIELDS)),
      ]);
      continue;
    }
    const n = numberValue(ice, { ...clause, name: entry.key }, entry.value, { integer: spec.integer, min: spec.min });
    if (n !== undefined) policy[spec.field] = n;
  }
  return policy;
}

/** on_failure halt | continue */
export function failureModeClause(ice: IceContext, clause: Clause): FailureMode | undefined {
  const name = clause.value && nameOf(clause.value);
  if (name && (FAILURE_MODES as readonly string[]).includes(name.name)) return name.name as FailureMode;
  return wrong(ice, clause, FAILURE_MODES.map((m) => `'${m}'`).join(" or "));
}
