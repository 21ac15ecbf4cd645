/**
 * @fileoverview JavaScript names for the values of a generated module: the one mangler from
 * workflow names to identifiers. Each node's output gets a variable named after its id where that
 * is a valid, unreserved identifier, else a `node_` name; every identifier the module declares
 * from a workflow name comes from here, so two never collide.
 */
import { propertyKey, stringLiteral } from "./literals.js";

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await async of undefined NaN Infinity arguments eval globalThis " +
    // names the generated module itself uses
    "rt Run run manifest inputs input options Promise JSON Object Array String Number Boolean Error Math " +
    "preloadSandboxes RunOptions WorkflowManifest Input Output Symbol Reflect Function require module exports process"
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
    identifier = this.fresh(IDENTIFIER.test(name) && !RESERVED.has(name) ? name : `node_${mangle(name)}`);
    this.byName.set(name, identifier);
    return identifier;
  }

  /** A new identifier, not bound to a name, derived from `base` (mangled if need be). */
  fresh(base: string): string {
    const start = IDENTIFIER.test(base) && !RESERVED.has(base) ? base : `x_${mangle(base)}`;
    let identifier = start;
    for (let i = 2; this.used.has(identifier); i++) identifier = `${start}_${i}`;
    this.used.add(identifier);
    return identifier;
  }
}

/** Letters, digits and _ only, and not too long to read. */
function mangle(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 64);
}

/** `obj.key` when `key` is an identifier, else `obj["key"]`; with `?.` when `optional`. */
export function member(object: string, key: string, optional: boolean): string {
  if (IDENTIFIER.test(key)) return `${object}${optional ? "?." : "."}${key}`;
  return `${object}${optional ? "?." : ""}[${stringLiteral(key)}]`;
}

/** A property name in an object literal (see literals.ts: `__proto__` becomes an own property). */
export const propertyName = propertyKey;
