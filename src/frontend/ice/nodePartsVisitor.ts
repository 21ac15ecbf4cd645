/**
 * @fileoverview The .ice CST visitor's middle layer (on top of values and types, below the node
 * kinds of nodeVisitor.ts): the parts every node is made of. Clauses, the fields every node has
 * (id, dependencies, schemas, retries, timeout, limits, trust), model settings, prompts, code
 * bodies, condition groups and `meta` entries.
 */
import type { IToken } from "chevrotain";
import type {
  ArgumentCstNode,
  MetaCstChildren,
  ClauseCstChildren,
  ClauseCstNode,
  CodeBodyCstChildren,
  GroupCstChildren,
  PromptCstChildren,
  ReturnTypeCstNode,
} from "../../../grammar/index.js";
import { formatType } from "../../../runtime/schema.js";
import { Diagnostics, type Span } from "../../diagnostics/index.js";
import type {
  EmbeddedSource,
  Named,
  NodeKind,
  ObjectType,
  SchemaType,
  TemplateValue,
  ToolNode,
  Value,
} from "../../plan/index.js";
import { parseTemplate } from "../template.js";
import {
  clauseMap,
  COMMON_CLAUSES,
  failureModeClause,
  KIND_CLAUSES,
  limitsClause,
  nameOf,
  namesClause,
  numberValue,
  retryPolicyClause,
  secondsClause,
  stringClause,
  unknownNodeClause,
  type Clause,
} from "./clauses.js";
import { checkCodeBody } from "../bounds.js";
import { numberText } from "./constants.js";
import { codeBodyText, groupText } from "./embeddedText.js";
import { modelSettings } from "./modelSettings.js";
import { stringSource, templateSource } from "./strings.js";
import { ValueVisitor } from "./valueVisitor.js";

/** The fields every node kind shares. */
export type BaseFields = Omit<ToolNode, "kind" | "toolName" | "args">;

/** A node's common fields and its clauses by name. */
export interface NodeStart {
  readonly base: BaseFields;
  readonly clauses: ReadonlyMap<string, Clause>;
}

/** The visitor of node parts; PlanBuilder (nodeVisitor.ts) adds the workflow and the node kinds. */
export abstract class NodePartsVisitor extends ValueVisitor {
  /** meta : 'meta' key '=' value     (id, schema_version, api_version, title, description, tags, metadata_id, draft_name) */
  meta(ctx: MetaCstChildren): { key: string; span: Span; value: Value } | undefined {
    const key = ctx.key?.[0] && this.key(ctx.key[0].children);
    const value = ctx.value?.[0];
    return key && value && { key: key.key, span: key.span, value: this.value(value.children, this.at(value)) };
  }

  protected settings(args: readonly ArgumentCstNode[] | undefined, kind: "llm" | "agent" | "recursive") {
    return modelSettings(this.ice, args ?? [], kind, (v) => this.value(v.children, this.at(v)));
  }

  /** prompt : Template | String */
  prompt(ctx: PromptCstChildren): TemplateValue | undefined {
    const template = ctx.Template?.[0];
    const string = ctx.StringLiteral?.[0];
    const source = template ? templateSource(this.ice.file, template) : string && stringSource(this.ice.file, string);
    if (!source) return undefined;
    const parsed = parseTemplate(source);
    this.ice.bag.addAll(parsed.diagnostics);
    return parsed.value;
  }

  /** clause : Identifier (value | Duration) | ('input_schema' | 'output_schema') objectType */
  clause(ctx: ClauseCstChildren, at: Span): Clause | undefined {
    const name = ctx.Identifier?.[0] ?? ctx.InputSchema?.[0] ?? ctx.OutputSchema?.[0];
    if (!name) return undefined;
    const base = { name: name.image, nameSpan: this.ice.token(name), span: at };
    if (ctx.objectType?.[0]) {
      const schema = this.objectType(ctx.objectType[0].children);
      return { ...base, ...(schema && { schema }) };
    }
    const duration = ctx.Duration?.[0];
    if (duration) return { ...base, seconds: numberText(duration.image.slice(0, -1)) };
    const value = ctx.value?.[0];
    return { ...base, ...(value && { value: this.value(value.children, this.at(value)) }) };
  }

  /** codeBody : '{' (codeBody | NotCurly)* '}' */
  codeBody(ctx: CodeBodyCstChildren): EmbeddedSource | undefined {
    const [open, close] = [ctx.LCurly?.[0], ctx.RCurly?.[0]];
    const source = open && close && codeBodyText(this.ice.file, open, close);
    const deep = source && checkCodeBody(source);
    if (deep) this.ice.bag.add(deep);
    return source;
  }

  /** group : '(' (group | NotParen)* ')' */
  group(ctx: GroupCstChildren): EmbeddedSource | undefined {
    const [open, close] = [ctx.LParen?.[0], ctx.RParen?.[0]];
    return open && close && groupText(this.ice.file, open, close);
  }

  protected clauses(nodes: readonly ClauseCstNode[] | undefined): Clause[] {
    return (nodes ?? []).flatMap((c) => this.clause(c.children, this.at(c)) ?? []);
  }

  /** A name written as a name or a string (tool names, workflow references). */
  protected named(key: Parameters<ValueVisitor["key"]>[0] | undefined): Named | undefined {
    const read = key && this.key(key);
    return read && { name: read.key, span: read.span };
  }

  /** The fields every node has, from its id, clauses and return type. */
  protected start(
    kind: NodeKind,
    id: IToken | undefined,
    at: Span,
    clauseNodes: readonly ClauseCstNode[] | undefined,
    returnType: ReturnTypeCstNode | undefined,
  ): NodeStart | undefined {
    if (!id) return undefined;
    const where = `node '${id.image}'`;
    const clauses = clauseMap(
      this.ice,
      this.clauses(clauseNodes),
      [...COMMON_CLAUSES, ...KIND_CLAUSES[kind]],
      unknownNodeClause(this.ice, kind),
      where,
    );
    const base: { -readonly [K in keyof BaseFields]: BaseFields[K] } = {
      id: id.image,
      span: at,
      idSpan: this.ice.token(id),
      dependencies: [],
    };
    const get = (name: string): Clause | undefined => clauses.get(name);
    const after = get("after");
    if (after) base.dependencies = namesClause(this.ice, after);
    const output = returnType && this.returnType(returnType.children);
    const outputClause = get("output_schema");
    if (returnType && outputClause)
      this.ice.bag.report(Diagnostics.DuplicateClause, outputClause.nameSpan, [
        "output_schema",
        `${where}, which has a return type`,
      ]);
    if (output) base.outputSchema = this.objectOutput(output, returnType!, id.image);
    else if (outputClause?.schema) base.outputSchema = outputClause.schema;
    const input = get("input_schema");
    if (input?.schema) base.inputSchema = input.schema;
    const retries = get("retries");
    if (retries) base.retries = numberValue(this.ice, retries, retries.value, { integer: true, min: 0 });
    const retryPolicy = get("retry_policy");
    if (retryPolicy) base.retryPolicy = retryPolicyClause(this.ice, retryPolicy);
    const onFailure = get("on_failure");
    if (onFailure) base.onFailure = failureModeClause(this.ice, onFailure);
    const timeout = get("timeout");
    if (timeout) base.timeoutSeconds = secondsClause(this.ice, timeout);
    const limits = get("limits");
    if (limits) base.limits = limitsClause(this.ice, limits);
    const trust = get("trust");
    if (trust) base.trust = trust.value && nameOf(trust.value);
    if (trust && !base.trust)
      this.ice.bag.report(Diagnostics.WrongFieldType, trust.value?.span ?? trust.span, [
        "trust",
        "a trust profile name",
        "something else",
      ]);
    const description = get("description");
    if (description) base.description = stringClause(this.ice, description);
    const title = get("title");
    if (title) base.title = stringClause(this.ice, title);
    for (const key of Object.keys(base) as (keyof BaseFields)[]) if (base[key] === undefined) delete base[key];
    return { base, clauses };
  }

  /** A node's output type must be an object type. */
  protected objectOutput(type: SchemaType, node: ReturnTypeCstNode, id: string): ObjectType | undefined {
    if (type.kind === "object") return type;
    const written = node.children.type?.[0];
    this.ice.bag.report(Diagnostics.ObjectTypeRequired, this.at(written ?? node), [
      `the output type of node '${id}'`,
      formatType(type),
    ]);
    return undefined;
  }
}
