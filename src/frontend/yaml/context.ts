/**
 * @fileoverview State shared while reading one YAML workflow (the file, the document for alias
 * resolution, the diagnostics so far) and the small readers every field uses: mappings with
 * string keys, strings, numbers, names and name lists, each reporting ICE1002-ICE1004 on misuse.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { DiagnosticBag, Diagnostics, type SourceFile, type Span } from "../../diagnostics/index.js";
import type { Named } from "../../plan/index.js";
import { nodeSpan } from "./positions.js";

/** One `key: value` of a YAML mapping whose key is a string. */
export interface MapEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** The value; null when written `key:` with nothing after it. */
  readonly value: Node | null;
}

export class YamlContext {
  readonly bag = new DiagnosticBag();
  /** Loops written with `body_nodes`: loop id to the top-level nodes that move into its body. */
  readonly bodyNodes = new Map<string, Named[]>();
  /** Parallel nodes whose branches name nodes: parallel id to, per branch index, the names. */
  readonly branchNodes = new Map<string, Named[][]>();

  constructor(
    readonly file: SourceFile,
    private readonly document: Document,
  ) {}

  /** The node itself, or what an alias (`*name`) points at. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.document) as Node | undefined) ?? null;
    return (node as Node | null | undefined) ?? null;
  }

  span(node: Node | null | undefined, fallback?: Span): Span {
    return nodeSpan(this.file, node, fallback);
  }

  /** Entries of a mapping, or undefined (and ICE1002 about `what`) if `node` is not one. */
  mapping(node: Node | null, what: string, fallback?: Span): MapEntry[] | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.bag.report(Diagnostics.ExpectedMapping, this.span(resolved, fallback), [what]);
      return undefined;
    }
    return this.entries(resolved);
  }

  /** Entries of a mapping with string (or number) keys; other keys are reported. */
  entries(map: YAMLMap): MapEntry[] {
    const out: MapEntry[] = [];
    for (const pair of map.items) {
      const key = this.resolve(pair.key);
      if (!isScalar(key) || (typeof key.value !== "string" && typeof key.value !== "number")) {
        this.bag.report(Diagnostics.YamlSyntax, this.span(key, this.span(map)), ["keys must be plain names"]);
        continue;
      }
      out.push({ key: String(key.value), keySpan: this.span(key), value: this.resolve(pair.value) });
    }
    return out;
  }

  /** Items of a list, or undefined (and ICE1003 about `what`). */
  list(node: Node | null, what: string, fallback?: Span): Node[] | undefined {
    const resolved = this.resolve(node);
    if (!isSeq(resolved)) {
      this.bag.report(Diagnostics.ExpectedList, this.span(resolved, fallback), [what]);
      return undefined;
    }
    return (resolved as YAMLSeq).items.map((item) => this.resolve(item)).filter((item): item is Node => item !== null);
  }

  /** Reports ICE1004: field `field` must be `expected`. */
  wrongType(field: string, expected: string, node: Node | null, fallback?: Span): undefined {
    this.bag.report(Diagnostics.WrongFieldType, this.span(node, fallback), [field, expected, describeNode(node)]);
    return undefined;
  }

  string(entry: MapEntry): string | undefined {
    return isScalar(entry.value) && typeof entry.value.value === "string"
      ? entry.value.value
      : this.wrongType(entry.key, "a string", entry.value, entry.keySpan);
  }

  /** A string, or a number written unquoted (`schema_version: 1.2`, `version: 2`), as text. */
  text(entry: MapEntry): string | undefined {
    const value = this.resolve(entry.value);
    const raw = value && "value" in value ? (value as { value: unknown }).value : undefined;
    if (typeof raw === "number") return String(raw);
    return this.string(entry);
  }

  named(entry: MapEntry): Named | undefined {
    const text = this.string(entry);
    return text === undefined ? undefined : { name: text, span: this.span(entry.value) };
  }

  /** A number, optionally an integer, at least `min`. */
  number(entry: MapEntry, options: { integer?: boolean; min?: number; positive?: boolean } = {}): number | undefined {
    const value = isScalar(entry.value) ? entry.value.value : undefined;
    const kind = options.integer ? "an integer" : "a number";
    const expected = options.positive ? `${kind} > 0` : options.min === undefined ? kind : `${kind} >= ${options.min}`;
    if (typeof value !== "number" || !Number.isFinite(value) || (options.integer && !Number.isInteger(value)))
      return this.wrongType(entry.key, expected, entry.value, entry.keySpan);
    if ((options.min !== undefined && value < options.min) || (options.positive && value <= 0)) {
      this.bag.report(Diagnostics.WrongFieldType, this.span(entry.value), [entry.key, expected, String(value)]);
      return undefined;
    }
    return value;
  }

  boolean(entry: MapEntry): boolean | undefined {
    return isScalar(entry.value) && typeof entry.value.value === "boolean"
      ? entry.value.value
      : this.wrongType(entry.key, "true or false", entry.value, entry.keySpan);
  }

  /** A list of names (`[math, json]`); a single name is accepted as a list of one. */
  names(entry: MapEntry): Named[] {
    const value = entry.value;
    if (isScalar(value) && typeof value.value === "string") return [{ name: value.value, span: this.span(value) }];
    if (value === null || (isScalar(value) && value.value === null)) return [];
    if (!isSeq(value)) return this.wrongType(entry.key, "a list of names", value, entry.keySpan) ?? [];
    const out: Named[] = [];
    for (const item of this.list(value, `'${entry.key}'`) ?? []) {
      if (isScalar(item) && typeof item.value === "string") out.push({ name: item.value, span: this.span(item) });
      else this.wrongType(entry.key, "a list of names", item);
    }
    return out;
  }
}

/** How a YAML node reads in a message: "a string", "a list", "null"... */
export function describeNode(node: Node | null): string {
  if (node === null) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const value = (node as Scalar).value;
    if (value === null) return "null";
    if (typeof value === "string") {
      const line = value.split("\n")[0] ?? "";
      return `the string '${line.length > 30 || line.length < value.trimEnd().length ? `${line.slice(0, 27)}...` : line}'`;
    }
    if (typeof value === "number") return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
    if (typeof value === "boolean") return `${value}`;
  }
  return "something else";
}

/** True for a missing value (`key:` or `key: null`). */
export function isNull(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}
