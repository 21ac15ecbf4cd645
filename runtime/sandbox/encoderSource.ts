/**
 * @fileoverview A run's input encoder generated as JavaScript source for its schema (built once
 * per program with `new Function`), doing exactly what encoder.ts's closures do, in the same
 * order, with the same checks and the same bytes.
 *
 * Why: the closures read every field with `record[field.name]` from one shared function, a
 * megamorphic keyed load, and call one closure per field and element; for 1,000 input records
 * that was ~160 us of a ~200 us run, most of what an everyday body over records pays beyond
 * direct JavaScript. Generated code reads `r["name"]` at a site of its own (one hidden class,
 * an inline cache that hits) and inlines the nested encoders: ~40% less host time.
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
import { isJsonType } from "./codec.js";
import type { Encoder } from "./encoder.js";

/** What the generated function gets besides the writer and the value. */
interface Helpers {
  /** The encoders' one SchemaMismatch instance (see encoder.ts), thrown at a value not of its type. */
  readonly mismatch: Error;
  /** The encoder of a nested JSON position (`any`, fieldless object), as encoder.ts makes it. */
  readonly json: readonly Encoder[];
  readonly ownValue: typeof ownValue;
}

/**
 * The encoder of object type `type` at the top of a message, generated; undefined when the
 * process does not allow code generation from strings.
 */
export function specialisedEncoder(
  type: ObjectType,
  nestedJson: (type: SchemaType) => Encoder,
  mismatch: Error,
): Encoder | undefined {
  const gen = new Source(nestedJson);
  gen.object(type, "v", "  ");
  const body = `"use strict";\nreturn function encode(w, v) {\n${gen.lines.join("\n")}\n};`;
  let make: (h: Helpers) => Encoder;
  try {
    make = new Function("h", body) as typeof make;
  } catch {
    return undefined;
  }
  return make({ mismatch, json: gen.json, ownValue });
}

class Source {
  readonly lines: string[] = [];
  readonly json: Encoder[] = [];
  private counter = 0;

  constructor(private readonly nestedJson: (type: SchemaType) => Encoder) {}

  private local(): string {
    return `t${this.counter++}`;
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
        this.lines.push(`${indent}if (${x} === undefined) w.u8(0);`, `${indent}else {`, `${indent}  w.u8(1);`);
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
      this.json.push(this.nestedJson(type));
      this.lines.push(`${indent}h.json[${this.json.length - 1}](w, ${x});`);
      return;
    }
    switch (type.kind) {
      case "integer":
        this.lines.push(`${indent}if (typeof ${x} !== "number" || !Number.isInteger(${x})) throw h.mismatch;`);
        this.lines.push(`${indent}w.f64(${x});`);
        return;
      case "number":
        this.lines.push(`${indent}if (typeof ${x} !== "number" || !Number.isFinite(${x})) throw h.mismatch;`);
        this.lines.push(`${indent}w.f64(${x});`);
        return;
      case "boolean":
        this.lines.push(`${indent}if (typeof ${x} !== "boolean") throw h.mismatch;`, `${indent}w.u8(${x} ? 1 : 0);`);
        return;
      case "string":
        this.lines.push(`${indent}if (typeof ${x} !== "string") throw h.mismatch;`, `${indent}w.str(${x});`);
        return;
      case "array": {
        const i = this.local();
        const e = this.local();
        this.lines.push(
          `${indent}if (!Array.isArray(${x})) throw h.mismatch;`,
          `${indent}w.i32(${x}.length);`,
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
}
