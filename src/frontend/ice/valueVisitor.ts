/**
 * @fileoverview The first half of the .ice CST visitor: values (paths, literals, templates,
 * objects, lists), keys, schema types and parameter lists. Strings and templates go through the
 * shared template parser; type names through the shared `parseTypeText`, so that both front ends
 * accept the same names and aliases.
 */
import type { CstNode } from "chevrotain";
import {
  iceParser,
  type ArgumentCstChildren,
  type ArgumentsCstChildren,
  type ArrayValueCstChildren,
  type KeyCstChildren,
  type LiteralCstChildren,
  type ObjectTypeCstChildren,
  type ObjectValueCstChildren,
  type ParamCstChildren,
  type ParamsCstChildren,
  type PathCstChildren,
  type ReturnTypeCstChildren,
  type TypeCstChildren,
  type TypeFieldCstChildren,
  type ValueCstChildren,
} from "../../../grammar/index.js";
import { Diagnostics, type Span } from "../../diagnostics/index.js";
import type {
  ArrayValue,
  ObjectType,
  ObjectValue,
  RefValue,
  SchemaField,
  SchemaType,
  Value,
  ValueEntry,
} from "../../plan/index.js";
import { checkName } from "../names.js";
import { parseStringValue } from "../template.js";
import { parseTypeText } from "../yaml/index.js";
import { keyText, numberText } from "./constants.js";
import type { IceContext } from "./context.js";
import { stringSource, templateSource } from "./strings.js";

/** One parameter: `name?: type = value`, each part optional but the name. */
export interface Param {
  readonly key: string;
  readonly keySpan: Span;
  readonly optional: boolean;
  /** Written with a type; `type` is undefined when the type could not be read. */
  readonly typed: boolean;
  readonly type?: SchemaType;
  readonly value?: Value;
}

const BaseVisitor = iceParser.getBaseCstVisitorConstructor();

export abstract class ValueVisitor extends BaseVisitor {
  constructor(protected readonly ice: IceContext) {
    super();
  }

  protected at(node: CstNode): Span {
    return this.ice.node(node);
  }

  /** value : path | literal | Template | objectValue | arrayValue */
  value(ctx: ValueCstChildren, at: Span): Value {
    if (ctx.path?.[0]) return this.path(ctx.path[0].children, at);
    if (ctx.literal?.[0]) return this.literal(ctx.literal[0].children, at);
    if (ctx.objectValue?.[0]) return this.objectValue(ctx.objectValue[0].children, at);
    if (ctx.arrayValue?.[0]) return this.arrayValue(ctx.arrayValue[0].children, at);
    const template = ctx.Template?.[0];
    if (!template) return { kind: "literal", value: null, span: at };
    const parsed = parseStringValue(templateSource(this.ice.file, template));
    this.ice.bag.addAll(parsed.diagnostics);
    return parsed.value;
  }

  /** path : Name ('.' (Name | Number))*     (`rows.0.name`; a number token `0.1` is two indexes) */
  path(ctx: PathCstChildren, at: Span): RefValue {
    const tokens = [...(ctx.Name ?? []), ...(ctx.NumberLiteral ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    return { kind: "ref", path: tokens.flatMap((t) => t.image.split(".")), span: at };
  }

  /** literal : String | '-'? Number | 'true' | 'false' | 'null'     (strings may hold `{{ path }}`) */
  literal(ctx: LiteralCstChildren, at: Span): Value {
    const string = ctx.StringLiteral?.[0];
    if (string) {
      const parsed = parseStringValue(stringSource(this.ice.file, string));
      this.ice.bag.addAll(parsed.diagnostics);
      return parsed.value;
    }
    const number = ctx.NumberLiteral?.[0];
    if (number) return { kind: "literal", value: (ctx.Minus ? -1 : 1) * numberText(number.image), span: at };
    return { kind: "literal", value: ctx.True ? true : ctx.False ? false : null, span: at };
  }

  /** objectValue : '{' (argument (',' argument)* ','?)? '}' */
  objectValue(ctx: ObjectValueCstChildren, at: Span): ObjectValue {
    return { kind: "object", entries: this.entries(ctx.argument ?? [], "this object"), span: at };
  }

  /** arrayValue : '[' (value (',' value)* ','?)? ']' */
  arrayValue(ctx: ArrayValueCstChildren, at: Span): ArrayValue {
    return { kind: "array", items: (ctx.value ?? []).map((v) => this.value(v.children, this.at(v))), span: at };
  }

  /** arguments : '(' (argument (',' argument)* ','?)? ')' */
  arguments(ctx: ArgumentsCstChildren, what: string): ValueEntry[] {
    return this.entries(ctx.argument ?? [], what);
  }

  /** argument : key ':' value */
  argument(ctx: ArgumentCstChildren): ValueEntry | undefined {
    const key = ctx.key?.[0] && this.key(ctx.key[0].children);
    const value = ctx.value?.[0];
    return key && value && { key: key.key, keySpan: key.span, value: this.value(value.children, this.at(value)) };
  }

  /** key : Name | String */
  key(ctx: KeyCstChildren): { key: string; span: Span } | undefined {
    const key = keyText(this.ice, ctx);
    return key && { key: key.key, span: this.ice.token(key.token) };
  }

  /** returnType : ':' type */
  returnType(ctx: ReturnTypeCstChildren): SchemaType | undefined {
    const type = ctx.type?.[0];
    return type && this.type(type.children, this.at(type));
  }

  /** type : (Identifier | objectType | '(' type ')') ('[' ']')* */
  type(ctx: TypeCstChildren, at: Span): SchemaType | undefined {
    let type: SchemaType | undefined;
    const name = ctx.Identifier?.[0];
    if (name) {
      const parsed = parseTypeText(name.image);
      if (typeof parsed === "string")
        this.ice.bag.report(Diagnostics.BadTypeSyntax, this.ice.token(name), [name.image, parsed]);
      else type = parsed.type;
    } else if (ctx.objectType?.[0]) {
      type = this.objectType(ctx.objectType[0].children);
    } else if (ctx.type?.[0]) {
      type = this.type(ctx.type[0].children, at);
    }
    for (let i = 0; type && i < (ctx.LBracket?.length ?? 0); i++) type = { kind: "array", element: type };
    return type;
  }

  /** objectType : '{' (typeField ((',' | ';') typeField)* (',' | ';')?)? '}' */
  objectType(ctx: ObjectTypeCstChildren): ObjectType | undefined {
    const fields: SchemaField[] = [];
    const seen = new Set<string>();
    let ok = true;
    for (const node of ctx.typeField ?? []) {
      const field = this.typeField(node.children);
      if (!field) ok = false;
      else if (seen.has(field.name))
        this.ice.bag.report(Diagnostics.DuplicateKey, this.at(node), [field.name, "this type"]);
      else {
        seen.add(field.name);
        fields.push(field);
      }
    }
    return ok ? { kind: "object", fields } : undefined;
  }

  /** typeField : key '?'? ':' type */
  typeField(ctx: TypeFieldCstChildren): SchemaField | undefined {
    const key = ctx.key?.[0] && this.key(ctx.key[0].children);
    const type = ctx.type?.[0] && this.type(ctx.type[0].children, this.at(ctx.type[0]));
    if (key && !checkName(this.ice.bag, "field name", key.key, key.span)) return undefined;
    return key && type && { name: key.key, type, optional: ctx.Question !== undefined };
  }

  /** params : '(' (param (',' param)* ','?)? ')' */
  params(ctx: ParamsCstChildren): Param[] {
    const out: Param[] = [];
    const keys = new Set<string>();
    for (const node of ctx.param ?? []) {
      const param = this.param(node.children);
      if (!param) continue;
      if (keys.has(param.key))
        this.ice.bag.report(Diagnostics.DuplicateKey, param.keySpan, [param.key, "these parameters"]);
      else {
        keys.add(param.key);
        out.push(param);
      }
    }
    return out;
  }

  /** param : key '?'? (':' type)? ('=' value)? */
  param(ctx: ParamCstChildren): Param | undefined {
    const key = ctx.key?.[0] && this.key(ctx.key[0].children);
    if (!key) return undefined;
    checkName(this.ice.bag, "field name", key.key, key.span);
    const typeNode = ctx.type?.[0];
    const valueNode = ctx.value?.[0];
    const type = typeNode && this.type(typeNode.children, this.at(typeNode));
    const value = valueNode && this.value(valueNode.children, this.at(valueNode));
    return {
      key: key.key,
      keySpan: key.span,
      optional: ctx.Question !== undefined,
      typed: typeNode !== undefined,
      ...(type && { type }),
      ...(value && { value }),
    };
  }

  /** Parameters that must all be typed and carry no value (workflow inputs, tool declarations). */
  protected signature(params: readonly Param[], what: string): ObjectType | undefined {
    let ok = true;
    for (const p of params) {
      if (!p.typed) this.ice.bag.report(Diagnostics.ParamNeedsType, p.keySpan, [what, p.key, ""]);
      if (p.value) this.ice.bag.report(Diagnostics.NoDefaultValue, p.value.span, [what, p.key, "the caller gives it"]);
      if (!p.type) ok = false;
    }
    return ok
      ? { kind: "object", fields: params.map((p) => ({ name: p.key, type: p.type!, optional: p.optional })) }
      : undefined;
  }

  /** Value entries of arguments, each key once. */
  private entries(nodes: readonly { children: ArgumentCstChildren }[], what: string): ValueEntry[] {
    const out: ValueEntry[] = [];
    // A set, not a scan of `out`: a call of 48,000 arguments took 35 s to read.
    const keys = new Set<string>();
    for (const node of nodes) {
      const entry = this.argument(node.children);
      if (!entry) continue;
      if (keys.has(entry.key)) this.ice.bag.report(Diagnostics.DuplicateKey, entry.keySpan, [entry.key, what]);
      else {
        keys.add(entry.key);
        out.push(entry);
      }
    }
    return out;
  }
}
