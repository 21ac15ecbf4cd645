/**
 * @fileoverview A run's input encoder generated as JavaScript source for its schema (built once
 * per program with `new Function`), doing exactly what encoder.ts's closures do, in the same
 * order, with the same checks and the same bytes.
 *
 * Why: the closures read every field with `record[field.name]` from one shared function, a
 * megamorphic keyed load, and call one closure per field and element; for 1,000 input records
 * that was ~160 us of a ~200 us run, most of what an everyday body over records pays beyond
 * direct JavaScript. Generated code reads `r["name"]` at a site of its own (one hidden class,
 * an inline cache that hits) and inlines the nested encoders: ~40% less host time. It also
 * writes the bytes itself instead of calling the writer's methods (see `specialisedEncoder`).
 *
 * Only names and counters reach the source: field names are written as JSON string literals
 * (valid JavaScript string literals), and values of type `any` (and nested fieldless objects)
 * still go through encoder.ts's JSON encoder, passed in as a function. Where code generation
 * is disallowed (`--disallow-code-generation-from-strings`), `specialisedEncoder` returns
 * undefined and the caller keeps the closures.
 */
import { fieldPlan } from "../conforms.js";
import { ownValue } from "../records.js";
import type { ObjectType, SchemaType } from "../schema.js";
import { isJsonType, type WireWriter } from "./codec.js";
import type { Encoder } from "./encoder.js";

/** What the generated function gets besides the writer and the value. */
interface Helpers {
  /** The encoders' one SchemaMismatch instance (see encoder.ts), thrown at a value not of its type. */
  readonly mismatch: Error;
  /** The encoder of a nested JSON position (`any`, fieldless object), as encoder.ts makes it. */
  readonly json: readonly Encoder[];
  readonly ownValue: typeof ownValue;
  readonly room: typeof room;
}

/**
 * The writer's slow path: `extra` more bytes at `pos` (WireWriter.ensure: WireLimitError past the
 * writer's limit, else a larger buffer). Returns the new bound the generated code may write up to.
 */
function room(w: WireWriter, pos: number, extra: number): number {
  w.pos = pos;
  w.ensure(extra);
  return Math.min(w.bytes.length, w.limit);
}

/**
 * The encoder of object type `type` at the top of a message, generated; undefined when the
 * process does not allow code generation from strings.
 *
 * The generated function keeps the writer's position, buffer and view in locals (`p`, `b`, `d`)
 * and writes bytes itself, with the same bound as WireWriter's methods: below `cap` (the buffer's
 * length or the writer's limit, whichever is smaller) it writes, past it `h.room` grows the buffer
 * or throws WireLimitError exactly where `ensure` would. No call per value: the first runs of a
 * process execute this code in V8's interpreter, where a call costs more than the write.
 */
export function specialisedEncoder(
  type: ObjectType,
  nestedJson: (type: SchemaType) => Encoder,
  mismatch: Error,
): Encoder | undefined {
  const gen = new Source(nestedJson);
  gen.object(type, "v", "  ");
  const body = [
    '"use strict";',
    "return function encode(w, v) {",
    "  let p = w.pos;",
    "  let b = w.bytes;",
    "  let d = w.view;",
    "  let cap = Math.min(b.length, w.limit);",
    ...gen.lines,
    "  w.pos = p;",
    "};",
  ].join("\n");
  let make: (h: Helpers) => Encoder;
  try {
    make = new Function("h", body) as typeof make;
  } catch {
    return undefined;
  }
  return make({ mismatch, json: gen.json, ownValue, room });
}

class Source {
  readonly lines: string[] = [];
  readonly json: Encoder[] = [];
  private counter = 0;

  constructor(private readonly nestedJson: (type: SchemaType) => Encoder) {}

  private local(): string {
    return `t${this.counter++}`;
  }

  /** A statement making room for `bytes` (an expression) more bytes at `p`. */
  private room(bytes: string, indent: string): void {
    this.lines.push(`${indent}if (p + ${bytes} > cap) { cap = h.room(w, p, ${bytes}); b = w.bytes; d = w.view; }`);
  }

  /** Statements encoding the object in variable `v`. */
  object(type: ObjectType, v: string, indent: string): void {
    this.lines.push(`${indent}if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) throw h.mismatch;`);
    for (const field of type.fields) {
      const plan = fieldPlan(field);
      const key = JSON.stringify(field.name);
      const x = this.local();
      const read = plan.prototypeKey ? `h.ownValue(${v}, ${key})` : `${v}[${key}]`;
      this.lines.push(`${indent}let ${x} = ${read};`);
      if (!plan.nullIsValue) this.lines.push(`${indent}if (${x} === null) ${x} = undefined;`);
      if (plan.optional) {
        this.room("1", indent);
        this.lines.push(`${indent}if (${x} === undefined) b[p++] = 0;`, `${indent}else {`, `${indent}  b[p++] = 1;`);
        this.value(field.type, x, `${indent}  `);
        this.lines.push(`${indent}}`);
      } else {
        this.lines.push(`${indent}if (${x} === undefined) throw h.mismatch;`);
        this.value(field.type, x, indent);
      }
    }
  }

  /** Statements encoding the value in variable `x` at a field or element position. */
  private value(type: SchemaType, x: string, indent: string): void {
    if (isJsonType(type)) {
      // encoder.ts's JSON encoder writes through the writer's methods: hand it the position and take the buffer back.
      this.json.push(this.nestedJson(type));
      this.lines.push(
        `${indent}w.pos = p;`,
        `${indent}h.json[${this.json.length - 1}](w, ${x});`,
        `${indent}p = w.pos; b = w.bytes; d = w.view; cap = Math.min(b.length, w.limit);`,
      );
      return;
    }
    switch (type.kind) {
      case "integer":
        // Number.isInteger, without the call: `x % 1` is 0 (or -0) exactly for integral finite numbers.
        this.lines.push(`${indent}if (typeof ${x} !== "number" || ${x} % 1 !== 0) throw h.mismatch;`);
        this.float(x, indent);
        return;
      case "number":
        // Number.isFinite, without the call: `x - x` is 0 for finite numbers, NaN for NaN and infinities.
        this.lines.push(`${indent}if (typeof ${x} !== "number" || ${x} - ${x} !== 0) throw h.mismatch;`);
        this.float(x, indent);
        return;
      case "boolean":
        this.lines.push(`${indent}if (typeof ${x} !== "boolean") throw h.mismatch;`);
        this.room("1", indent);
        this.lines.push(`${indent}b[p++] = ${x} ? 1 : 0;`);
        return;
      case "string": {
        // WireWriter.str: u32 length, then UTF-16LE code units.
        const n = this.local();
        const i = this.local();
        const c = this.local();
        this.lines.push(
          `${indent}if (typeof ${x} !== "string") throw h.mismatch;`,
          `${indent}const ${n} = ${x}.length;`,
        );
        this.room(`4 + 2 * ${n}`, indent);
        this.lines.push(
          `${indent}d.setUint32(p, ${n}, true);`,
          `${indent}p += 4;`,
          `${indent}for (let ${i} = 0; ${i} < ${n}; ${i}++) {`,
          `${indent}  const ${c} = ${x}.charCodeAt(${i});`,
          `${indent}  b[p] = ${c} & 0xff;`,
          `${indent}  b[p + 1] = ${c} >>> 8;`,
          `${indent}  p += 2;`,
          `${indent}}`,
        );
        return;
      }
      case "array": {
        const i = this.local();
        const e = this.local();
        this.lines.push(`${indent}if (!Array.isArray(${x})) throw h.mismatch;`);
        this.room("4", indent);
        this.lines.push(
          `${indent}d.setInt32(p, ${x}.length, true);`,
          `${indent}p += 4;`,
          `${indent}for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
          `${indent}  const ${e} = ${x}[${i}];`,
        );
        this.value(type.element, e, `${indent}  `);
        this.lines.push(`${indent}}`);
        return;
      }
      case "object":
        this.object(type, x, indent);
        return;
      case "any":
        return; // isJsonType above
    }
  }

  /** Statements writing the number in `x` as an f64 (WireWriter.f64). */
  private float(x: string, indent: string): void {
    this.room("8", indent);
    this.lines.push(`${indent}d.setFloat64(p, ${x}, true);`, `${indent}p += 8;`);
  }
}
