/**
 * @fileoverview Generates, per schema, the functions that read `inputs` from, and write the
 * output to, the wire format (runtime/sandbox/codec.ts), over the classes of the code node's
 * value types (src/codenode/types.ts: one class per shape, shared with the body's own objects).
 * Numbers and integers are f64 (an `integer` output is checked to be integral by the host);
 * optional numbers and booleans are nullable boxes, optional strings/arrays/objects nullable;
 * `any` (and a nested map without fields) is a JSON value (`__ice_J`, support/json.ts), absent
 * when undefined.
 */
import { isJsonType } from "../../../runtime/sandbox/codec.js";
import type { ObjectType, SchemaType } from "../../../runtime/schema.js";
import { asType, type ClassRegistry, isPrimitive, type ValueType } from "../../codenode/types.js";

/** Generated codec functions. */
export interface Marshalling {
  readonly functions: string;
  /** Bytes the output message needs at most (its exact size when fixed), or the initial buffer size. */
  readonly outputCapacity: number;
  readonly readInput: string;
  readonly writeOutput: string;
}

/** The most bytes a value of `type` takes on the wire, when that is fixed (no strings or arrays). */
export function fixedSize(type: SchemaType, nested = false): number | undefined {
  if (nested && isJsonType(type)) return undefined;
  switch (type.kind) {
    case "integer":
    case "number":
      return 8;
    case "boolean":
      return 1;
    case "object": {
      let size = 0;
      for (const field of type.fields) {
        const inner = fixedSize(field.type, true);
        if (inner === undefined) return undefined;
        size += inner + (field.optional ? 1 : 0);
      }
      return size;
    }
    default:
      return undefined;
  }
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "let static yield await implements interface package private protected public constructor"
  ).split(" "),
);

/** Why a type cannot be marshalled (`[what, why]`), or undefined when it can. */
export function unsupportedReason(type: SchemaType, path: string): readonly [string, string] | undefined {
  switch (type.kind) {
    case "array":
      return unsupportedReason(type.element, `${path}[]`);
    case "object":
      for (const field of type.fields) {
        if (
          !/^[A-Za-z_][A-Za-z0-9_]*$/.test(field.name) ||
          RESERVED.has(field.name) ||
          field.name.startsWith("__ice")
        ) {
          return [`${path}.${field.name}`, `'${field.name}' is not usable as a field name in sandboxed code`];
        }
        const inner = unsupportedReason(field.type, `${path}.${field.name}`);
        if (inner) return inner;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Readers of the input and writers of the output. */
export function generateMarshalling(input: ObjectType, output: ObjectType, classes: ClassRegistry): Marshalling {
  const gen = new Generator(classes);
  const readInput = gen.reader(input);
  const writeOutput = gen.writer(output);
  const fixed = fixedSize(output);
  const functions = gen.functions.join("\n");
  return {
    // A fixed-size output is written into an exactly sized buffer that never grows.
    functions: fixed === undefined ? functions : functions.replaceAll("__ice_wr_", "__ice_put_"),
    outputCapacity: fixed ?? 256,
    readInput,
    writeOutput,
  };
}

class Generator {
  readonly functions: string[] = [];
  private readonly done = new Map<string, string>();
  private counter = 0;

  constructor(private readonly classes: ClassRegistry) {}

  /** The value type of a field or an element. */
  private valueType(type: SchemaType): ValueType {
    return this.classes.fromSchema(type, true);
  }

  /** The reader function of an object type; returns its name. */
  reader(type: ObjectType): string {
    const vt = this.classes.fromSchema(type) as Extract<ValueType, { kind: "object" }>;
    const key = `r:${vt.shape.name}:${JSON.stringify(type)}`;
    const known = this.done.get(key);
    if (known) return known;
    const fn = `__ice_read_${this.counter++}`;
    this.done.set(key, fn);
    const lines = type.fields.map((f, i) => {
      const ft = this.valueType(f.type);
      const value = this.readValue(f.type);
      if (!f.optional) return `  const v${i}: ${asType(ft)} = ${value};`;
      if (ft.kind === "json") return `  const v${i}: __ice_J = __ice_rd_bool() ? ${value} : __ice_j_undef();`;
      const boxed = isPrimitive(ft) ? `new __ice_Box<${asType(ft)}>(${value})` : value;
      const opt = isPrimitive(ft) ? `__ice_Box<${asType(ft)}> | null` : `${asType(ft)} | null`;
      return `  let v${i}: ${opt} = null;\n  if (__ice_rd_bool()) v${i} = ${boxed};`;
    });
    const args = vt.shape.fields.map((sf) => `v${type.fields.findIndex((f) => f.name === sf.name)}`);
    this.functions.push(
      `function ${fn}(): ${vt.shape.name} {\n${lines.join("\n")}\n  return new ${vt.shape.name}(${args.join(", ")});\n}`,
    );
    return fn;
  }

  private readValue(type: SchemaType): string {
    if (isJsonType(type)) return "__ice_rd_json()";
    switch (type.kind) {
      case "string":
        return "__ice_rd_str()";
      case "number":
      case "integer":
        return "__ice_rd_f64()";
      case "boolean":
        return "__ice_rd_bool()";
      case "object":
        return `${this.reader(type)}()`;
      case "array": {
        const fn = `__ice_read_${this.counter++}`;
        const element = asType(this.valueType(type.element));
        this.functions.push(
          // Made at its final length and filled in order: no growing and copying as with push.
          `function ${fn}(): Array<${element}> {\n  const n = __ice_rd_i32();\n  const a = new Array<${element}>(n);\n` +
            `  for (let i: i32 = 0; i < n; i++) a[i] = ${this.readValue(type.element)};\n  return a;\n}`,
        );
        return `${fn}()`;
      }
      case "any":
        return "__ice_rd_json()";
    }
  }

  /** The writer function of an object type; returns its name. */
  writer(type: ObjectType): string {
    const vt = this.classes.fromSchema(type) as Extract<ValueType, { kind: "object" }>;
    const key = `w:${vt.shape.name}:${JSON.stringify(type)}`;
    const known = this.done.get(key);
    if (known) return known;
    const fn = `__ice_write_${this.counter++}`;
    this.done.set(key, fn);
    const lines = type.fields.map((f) => {
      const ft = this.valueType(f.type);
      if (!f.optional) return `  ${this.writeValue(f.type, `o.${f.name}`)}`;
      if (ft.kind === "json")
        return `  { const v = o.${f.name}; if (v.k == 0) __ice_wr_bool(false); else { __ice_wr_bool(true); __ice_wr_json(v); } }`;
      const inner = isPrimitive(ft) ? "v!.v" : "v!";
      return `  { const v = o.${f.name}; if (v === null) __ice_wr_bool(false); else { __ice_wr_bool(true); ${this.writeValue(f.type, inner)} } }`;
    });
    this.functions.push(`function ${fn}(o: ${vt.shape.name}): void {\n${lines.join("\n")}\n}`);
    return fn;
  }

  private writeValue(type: SchemaType, expr: string): string {
    if (isJsonType(type)) return `__ice_wr_json(${expr});`;
    switch (type.kind) {
      case "string":
        return `__ice_wr_str(${expr});`;
      case "number":
      case "integer":
        return `__ice_wr_f64(${expr});`;
      case "boolean":
        return `__ice_wr_bool(${expr});`;
      case "object":
        return `${this.writer(type)}(${expr});`;
      case "array": {
        const fn = `__ice_write_${this.counter++}`;
        const element = asType(this.valueType(type.element));
        this.functions.push(
          `function ${fn}(a: Array<${element}>): void {\n  const n = a.length;\n  __ice_wr_i32(n);\n` +
            `  for (let i: i32 = 0; i < n; i++) { ${this.writeValue(type.element, "a[i]")} }\n}`,
        );
        return `${fn}(${expr});`;
      }
      case "any":
        return `__ice_wr_json(${expr});`;
    }
  }
}
