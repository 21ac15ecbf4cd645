/**
 * @fileoverview Generates, per schema, the AssemblyScript classes the user code sees and the
 * functions that read `inputs` from, and write the output to, the wire format.
 *
 * Types: string -> string, number -> f64, integer -> i32, boolean -> bool, T[] -> Array<T>,
 * nested maps -> generated classes (nested types of equal shape share one class, so
 * `return { rows: inputs.rows }` type-checks; `Input` and `Output` stay distinct). Optional
 * fields: a string/array/object is `T | null`; a number/integer/boolean (which AssemblyScript
 * cannot make nullable) is the plain value (0 or false when absent) beside a presence flag
 * `__ice_has_<name>`. Code does not name the flag: lowerIdioms.ts turns `x.f ?? d`,
 * `x.f !== undefined` and `{ f: v }` in the returned object into flag reads and writes.
 * A required field left out of the returned object is a compile error (lowerIdioms.ts, ICE3008).
 */
import type { ObjectType, SchemaType } from "../../../runtime/schema.js";

/** Generated declarations: classes go before the user function, codec functions after it. */
export interface Marshalling {
  readonly classes: string;
  readonly functions: string;
  /** Bytes the output message needs at most (its exact size when fixed), or the initial buffer size. */
  readonly outputCapacity: number;
}

/** The most bytes a value of `type` takes on the wire, when that is fixed (no strings or arrays). */
export function fixedSize(type: SchemaType): number | undefined {
  switch (type.kind) {
    case "integer":
      return 4;
    case "number":
      return 8;
    case "boolean":
      return 1;
    case "object": {
      let size = 0;
      for (const field of type.fields) {
        const inner = fixedSize(field.type);
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
    case "any":
      return ["'any'", `${path} needs a concrete type`];
    case "array":
      return unsupportedReason(type.element, `${path}[]`);
    case "object":
      for (const field of type.fields) {
        if (
          !/^[A-Za-z_][A-Za-z0-9_]*$/.test(field.name) ||
          RESERVED.has(field.name) ||
          field.name.startsWith("__ice")
        ) {
          return [`${path}.${field.name}`, `'${field.name}' is not usable as an AssemblyScript field name`];
        }
        const inner = unsupportedReason(field.type, `${path}.${field.name}`);
        if (inner) return inner;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Generates classes `Input` and `Output` (and nested ones) with their codec functions. */
export function generateMarshalling(input: ObjectType, output: ObjectType): Marshalling {
  const gen = new Generator();
  gen.objectClass(input, "Input", true);
  gen.objectClass(output, "Output", true);
  gen.reader(input, "Input");
  gen.writer(output, "Output");
  const fixed = fixedSize(output);
  const functions = gen.functions.join("\n");
  return {
    classes: gen.classes.join("\n"),
    // A fixed-size output is written into an exactly sized buffer that never grows.
    functions: fixed === undefined ? functions : functions.replaceAll("__ice_wr_", "__ice_put_"),
    outputCapacity: fixed ?? 256,
  };
}

class Generator {
  readonly classes: string[] = [];
  readonly functions: string[] = [];
  private readonly names = new Set<string>();
  /** Class name per object type, by identity and by structure (equal shapes share a class). */
  private readonly classOf = new Map<ObjectType, string>();
  private readonly classOfShape = new Map<string, string>();
  private readonly done = new Set<string>();
  private counter = 0;

  private unique(base: string): string {
    let name = base;
    for (let i = 2; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  /** Declares the class of an object type (and of nested object types) once. */
  objectClass(type: ObjectType, base: string, root = false): string {
    const shape = JSON.stringify(type);
    const known = this.classOf.get(type) ?? (root ? undefined : this.classOfShape.get(shape));
    if (known) {
      this.classOf.set(type, known);
      return known;
    }
    const name = this.unique(base);
    this.classOf.set(type, name);
    if (!root) this.classOfShape.set(shape, name);
    const fields = type.fields.map((f) => {
      const declaration = `  ${f.name}${fieldType(this, f.type, f.optional, `${name}_${f.name}`)};`;
      return f.optional && isPrimitive(f.type) ? `${declaration}\n  ${hasFlag(f.name)}: bool = false;` : declaration;
    });
    this.classes.push(`class ${name} {\n${fields.join("\n")}\n}`);
    return name;
  }

  /** The AssemblyScript type of a value type, declaring classes as needed. */
  asType(type: SchemaType, base: string): string {
    switch (type.kind) {
      case "string":
        return "string";
      case "number":
        return "f64";
      case "integer":
        return "i32";
      case "boolean":
        return "bool";
      case "array":
        return `Array<${this.asType(type.element, `${base}_item`)}>`;
      case "object":
        return this.objectClass(type, base);
      case "any":
        throw new Error("unsupported schema type 'any'");
    }
  }

  /** The statement reading field `name` of `o`. */
  readField(type: SchemaType, optional: boolean, name: string): string {
    const value = this.readValue(type);
    if (!optional) return `  o.${name} = ${value};`;
    if (isPrimitive(type)) return `  if (__ice_rd_bool()) { o.${hasFlag(name)} = true; o.${name} = ${value}; }`;
    return `  if (__ice_rd_bool()) o.${name} = ${value};`;
  }

  private readValue(type: SchemaType): string {
    switch (type.kind) {
      case "string":
        return "__ice_rd_str()";
      case "number":
        return "__ice_rd_f64()";
      case "integer":
        return "__ice_rd_i32()";
      case "boolean":
        return "__ice_rd_bool()";
      case "object":
        return `${this.reader(type, this.classOf.get(type)!)}()`;
      case "array": {
        const fn = `__ice_read_${++this.counter}`;
        const element = this.asType(type.element, "");
        this.functions.push(
          `function ${fn}(): Array<${element}> {\n  const n = __ice_rd_i32();\n  const a = new Array<${element}>();\n` +
            `  for (let i = 0; i < n; i++) a.push(${this.readValue(type.element)});\n  return a;\n}`,
        );
        return `${fn}()`;
      }
      case "any":
        throw new Error("unsupported schema type 'any'");
    }
  }

  /** Declares the reader of an object class; returns its name. */
  reader(type: ObjectType, className: string): string {
    const fn = `__ice_read_${className}`;
    if (this.done.has(fn)) return fn;
    this.done.add(fn);
    const lines = type.fields.map((f) => this.readField(f.type, f.optional, f.name));
    this.functions.push(
      `function ${fn}(): ${className} {\n  const o = new ${className}();\n${lines.join("\n")}\n  return o;\n}`,
    );
    return fn;
  }

  /** Declares the writer of an object class; returns its name. */
  writer(type: ObjectType, className: string): string {
    const fn = `__ice_write_${className}`;
    if (this.done.has(fn)) return fn;
    this.done.add(fn);
    const lines = type.fields.map((f) => this.writeField(f.type, f.optional, f.name));
    this.functions.push(`function ${fn}(o: ${className}): void {\n${lines.join("\n")}\n}`);
    return fn;
  }

  private writeField(type: SchemaType, optional: boolean, name: string): string {
    if (!optional) return `  ${this.writeValue(type, `o.${name}`)}`;
    if (isPrimitive(type))
      return `  if (o.${hasFlag(name)}) { __ice_wr_bool(true); ${this.writeValue(type, `o.${name}`)} } else __ice_wr_bool(false);`;
    return `  { const v = o.${name}; if (v === null) __ice_wr_bool(false); else { __ice_wr_bool(true); ${this.writeValue(type, "v!")} } }`;
  }

  private writeValue(type: SchemaType, expr: string): string {
    switch (type.kind) {
      case "string":
        return `__ice_wr_str(${expr});`;
      case "number":
        return `__ice_wr_f64(${expr});`;
      case "integer":
        return `__ice_wr_i32(${expr});`;
      case "boolean":
        return `__ice_wr_bool(${expr});`;
      case "object":
        return `${this.writer(type, this.classOf.get(type)!)}(${expr});`;
      case "array": {
        const fn = `__ice_write_${++this.counter}`;
        const element = this.asType(type.element, "");
        this.functions.push(
          `function ${fn}(a: Array<${element}>): void {\n  const n = a.length;\n  __ice_wr_i32(n);\n` +
            `  for (let i = 0; i < n; i++) { ${this.writeValue(type.element, "a[i]")} }\n}`,
        );
        return `${fn}(${expr});`;
      }
      case "any":
        throw new Error("unsupported schema type 'any'");
    }
  }
}

/** The presence flag of an optional number/integer/boolean field. */
export function hasFlag(field: string): string {
  return `__ice_has_${field}`;
}

function isPrimitive(type: SchemaType): boolean {
  return type.kind === "integer" || type.kind === "number" || type.kind === "boolean";
}

/** ` : T` with the initialiser rule of a field (see the file comment). */
function fieldType(gen: Generator, type: SchemaType, optional: boolean, base: string): string {
  const inner = gen.asType(type, base);
  if (optional)
    return isPrimitive(type) ? `: ${inner} = ${inner === "bool" ? "false" : "0"}` : `: ${inner} | null = null`;
  return isPrimitive(type) ? `: ${inner}` : `!: ${inner}`;
}
