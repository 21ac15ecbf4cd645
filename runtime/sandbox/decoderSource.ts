/**
 * @fileoverview A run's output decoder generated as JavaScript source for its schema (built once
 * per program with `new Function`), doing exactly what codec.ts's closures (`closureDecoder`) do:
 * the same reads in the same order, the same checks and WireErrors, records with the same own
 * properties in the same order.
 *
 * Why: the closures give every record its fields with `Object.defineProperty` (setOwn), one
 * generic call per field; returning 1,000 records of five fields took ~1 ms. Here a record whose
 * fields are all required is one object literal (its keys are own data properties whatever
 * Object.prototype holds; `__proto__` is written as a computed key, which defines it instead of
 * setting the prototype), and a record with optional fields gets each present field by
 * assignment, in order, except names that Object.prototype has (setOwn, as before: assignment
 * would run an accessor or fail on a frozen prototype).
 *
 * Only names and counters reach the source: field names as JSON string literals. Values of
 * type `any` (and nested fieldless objects) go through codec.ts's JSON decoder, passed in.
 * Where code generation is disallowed, `specialisedDecoder` returns undefined.
 */
import { isPrototypeKey, setOwn } from "../records.js";
import type { ObjectType, SchemaType } from "../schema.js";
import type { Decoder, WireError } from "./codec.js";

/** What codec.ts lends the generated code (passed in: codec.ts imports this file). */
export interface DecoderParts {
  readonly WireError: typeof WireError;
  /** A nested JSON value (codec.ts `decodeJson` at depth 0). */
  readonly json: Decoder;
  readonly isJsonType: (type: SchemaType) => boolean;
  /** The string of `n` UTF-16LE code units at `at` (what WireReader.str returns after its reads). */
  readonly text: (view: DataView, at: number, n: number) => string;
}

interface Helpers {
  readonly WireError: typeof WireError;
  readonly setOwn: typeof setOwn;
  readonly json: Decoder;
  readonly text: (view: DataView, at: number, n: number) => string;
}

/**
 * The decoder of object type `type` at the top of a message, generated; undefined without code
 * generation. The generated function keeps the reader's position in a local (`p`) and reads the
 * bytes itself, with WireReader's bounds checks and messages, calling no reader method: the
 * first runs of a process execute this code in V8's interpreter, where a call costs more than
 * the read.
 */
export function specialisedDecoder(type: ObjectType, parts: DecoderParts): Decoder | undefined {
  const gen = new Source(parts.isJsonType);
  const result = gen.object(type, "  ");
  const body = [
    '"use strict";',
    "return function decode(r) {",
    "  let p = r.pos;",
    "  const e = r.end;",
    "  const b = r.bytes;",
    "  const d = r.view;",
    ...gen.lines,
    "  r.pos = p;",
    `  return ${result};`,
    "};",
  ].join("\n");
  let make: (h: Helpers) => Decoder;
  try {
    make = new Function("h", body) as typeof make;
  } catch {
    return undefined;
  }
  return make({ WireError: parts.WireError, setOwn, json: parts.json, text: parts.text });
}

class Source {
  readonly lines: string[] = [];
  private counter = 0;

  constructor(private readonly isJsonType: (type: SchemaType) => boolean) {}

  private local(): string {
    return `t${this.counter++}`;
  }

  /** WireReader's `take`: `size` (an expression) more bytes must be left, or the message is truncated. */
  private take(size: string, indent: string): void {
    this.lines.push(`${indent}if (${size} > e - p) throw new h.WireError(\`output message truncated at byte \${p}\`);`);
  }

  /** Statements reading a byte into a new variable `v` (WireReader.u8). */
  private u8(v: string, indent: string): void {
    this.take("1", indent);
    this.lines.push(`${indent}const ${v} = b[p++];`);
  }

  /** Statements reading a u32 into a new variable `v` (WireReader.u32). */
  private u32(v: string, indent: string): void {
    this.take("4", indent);
    this.lines.push(`${indent}const ${v} = d.getUint32(p, true);`, `${indent}p += 4;`);
  }

  /** Statements reading an f64 into a new variable `v` (WireReader.f64). */
  private f64(v: string, indent: string): void {
    this.take("8", indent);
    this.lines.push(`${indent}const ${v} = d.getFloat64(p, true);`, `${indent}p += 8;`);
  }

  /** Statements reading an object; returns the variable holding it. */
  object(type: ObjectType, indent: string): string {
    const o = this.local();
    if (type.fields.every((f) => !f.optional)) {
      const values = type.fields.map((field) => {
        const v = this.value(field.type, indent);
        if (this.isJsonType(field.type))
          this.lines.push(
            `${indent}if (${v} === undefined) throw new h.WireError(${JSON.stringify(`output field '${field.name}' of type 'any' is undefined`)});`,
          );
        return v;
      });
      const entries = type.fields.map((field, i) => {
        const key = JSON.stringify(field.name);
        return `${field.name === "__proto__" ? `[${key}]` : key}: ${values[i]}`;
      });
      this.lines.push(`${indent}const ${o} = { ${entries.join(", ")} };`);
      return o;
    }
    this.lines.push(`${indent}const ${o} = {};`);
    for (const field of type.fields) {
      const key = JSON.stringify(field.name);
      let inner = indent;
      if (field.optional) {
        const b = this.local();
        this.u8(b, indent);
        this.lines.push(
          `${indent}if (${b} > 1) throw new h.WireError(\`bad boolean byte \${${b}}\`);`,
          `${indent}if (${b} === 1) {`,
        );
        inner = `${indent}  `;
      }
      const v = this.value(field.type, inner);
      if (this.isJsonType(field.type) && !field.optional)
        this.lines.push(
          `${inner}if (${v} === undefined) throw new h.WireError(${JSON.stringify(`output field '${field.name}' of type 'any' is undefined`)});`,
        );
      this.lines.push(
        isPrototypeKey(field.name) ? `${inner}h.setOwn(${o}, ${key}, ${v});` : `${inner}${o}[${key}] = ${v};`,
      );
      if (field.optional) this.lines.push(`${indent}}`);
    }
    return o;
  }

  /** Statements reading a value at a field or element position; returns the variable holding it. */
  private value(type: SchemaType, indent: string): string {
    const v = this.local();
    if (this.isJsonType(type)) {
      // codec.ts's JSON decoder reads through the reader's methods: hand it the position and take it back.
      this.lines.push(`${indent}r.pos = p;`, `${indent}const ${v} = h.json(r);`, `${indent}p = r.pos;`);
      return v;
    }
    switch (type.kind) {
      case "integer":
        this.f64(v, indent);
        this.lines.push(
          `${indent}if (!Number.isInteger(${v})) throw new h.WireError(\`an integer output field got \${${v}}\`);`,
        );
        return v;
      case "number":
        this.f64(v, indent);
        this.lines.push(`${indent}if (!Number.isFinite(${v})) throw new h.WireError(\`output number is \${${v}}\`);`);
        return v;
      case "boolean":
        this.u8(`${v}b`, indent);
        this.lines.push(
          `${indent}if (${v}b > 1) throw new h.WireError(\`bad boolean byte \${${v}b}\`);`,
          `${indent}const ${v} = ${v}b === 1;`,
        );
        return v;
      case "string": {
        // WireReader.str: a u32 count, then that many UTF-16LE code units.
        const n = this.local();
        this.u32(n, indent);
        this.take(`2 * ${n}`, indent);
        this.lines.push(`${indent}const ${v} = h.text(d, p, ${n});`, `${indent}p += 2 * ${n};`);
        return v;
      }
      case "array": {
        const n = this.local();
        const i = this.local();
        this.u32(n, indent);
        this.lines.push(
          `${indent}if (${n} > e - p) throw new h.WireError(\`output array of \${${n}} elements overruns the message\`);`,
          `${indent}const ${v} = new Array(${n});`,
          `${indent}for (let ${i} = 0; ${i} < ${n}; ${i}++) {`,
        );
        const e = this.value(type.element, `${indent}  `);
        this.lines.push(`${indent}  ${v}[${i}] = ${e};`, `${indent}}`);
        return v;
      }
      case "object":
        return this.object(type, indent);
      case "any":
        return v; // isJsonType above
    }
  }
}
