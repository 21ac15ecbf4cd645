/**
 * @fileoverview JavaScript names for the values of a generated module: each node's output gets a
 * variable named after its id where that is a valid, unreserved identifier.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await async of undefined NaN Infinity arguments eval globalThis " +
    // names the generated module itself uses
    "rt Run run manifest inputs input options Promise JSON Object Array String Number Boolean Error Math"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Allocates one distinct JavaScript identifier per name. */
export class NameTable {
  private readonly byName = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The identifier for `name`, allocated on first use. */
  get(name: string): string {
    let identifier = this.byName.get(name);
    if (identifier !== undefined) return identifier;
    const base = IDENTIFIER.test(name) && !RESERVED.has(name) ? name : `node_${name.replace(/[^A-Za-z0-9_$]/g, "_")}`;
    identifier = base;
    for (let i = 2; this.used.has(identifier); i++) identifier = `${base}_${i}`;
    this.byName.set(name, identifier);
    this.used.add(identifier);
    return identifier;
  }
}

/** `obj.key` when `key` is an identifier, else `obj["key"]`; with `?.` when `optional`. */
export function member(object: string, key: string, optional: boolean): string {
  if (IDENTIFIER.test(key)) return `${object}${optional ? "?." : "."}${key}`;
  return `${object}${optional ? "?." : ""}[${JSON.stringify(key)}]`;
}

/** A property name in an object literal. */
export function propertyName(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
