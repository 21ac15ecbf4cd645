/**
 * @fileoverview What the printing of union values (print/unions.ts) leaves for the end of a body:
 * the spread sites whose result layout depends on their source's, the `Object.values` /
 * `Object.entries` sites, and the key lists and key masks asked for. The key lists of a union
 * class are complete only once the whole body is printed, so their tables are generated then
 * (`finishUnions`), as are the per-layout bodies of the JSON writers and conversions.
 */
import type { ClassShape } from "../types.js";
import type { PrintContext } from "./context.js";
import { stringLiteral } from "./expressions.js";
import { perContext } from "./perContext.js";

/** A spread whose result layout depends on its source's: one table per site, filled at the end. */
export interface SpreadSite {
  readonly name: string;
  readonly target: ClassShape;
  readonly source: ClassShape;
  /** The result's keys from the source's keys (the parts in order). */
  readonly keys: (sourceKeys: readonly string[]) => string[];
}

export interface UnionState {
  readonly sites: SpreadSite[];
  /** `Object.values` / `Object.entries` call sites: each field's element, by field name. */
  readonly valueSites: {
    name: string;
    shape: ClassShape;
    items: ReadonlyMap<string, string>;
    type: string;
    element: string;
  }[];
  /** Shapes whose key lists / key masks are used. */
  readonly keyLists: Set<ClassShape>;
  readonly masks: Set<ClassShape>;
}
const STATES = perContext<UnionState>(() => ({ sites: [], valueSites: [], keyLists: new Set(), masks: new Set() }));

/** The union state of the body being printed (print/unions.ts adds to it). */
export function unionState(ctx: PrintContext): UnionState {
  return STATES.of(ctx);
}

/** The index of a key list in a union class's layouts (added when new). */
export function layoutOf(shape: ClassShape, keys: readonly string[]): number {
  const layouts = shape.union!.layouts;
  const key = keys.join(",");
  const found = layouts.findIndex((l) => l.join(",") === key);
  if (found >= 0) return found;
  layouts.push([...keys]);
  return layouts.length - 1;
}

/** `(mask of the layout of v) has slot name`, as AssemblyScript. */
/**
 * The layout tables of spread sites (to a fixed point: a spread result may be spread again),
 * then the key lists and key masks asked for. Called once the body is printed, before the JSON
 * writers (which read the final layouts).
 */
export function finishUnions(ctx: PrintContext): string[] {
  const s = STATES.peek(ctx);
  if (!s) return [];
  const tables = new Map<SpreadSite, number[]>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const site of s.sites) {
      const table = site.source.union!.layouts.map((keys) => layoutOf(site.target, site.keys(keys)));
      const before = tables.get(site);
      if (!before || before.join() !== table.join()) changed = true;
      tables.set(site, table);
    }
  }
  const out: string[] = [];
  for (const site of s.sites) {
    const table = tables.get(site)!;
    out.push(`function ${site.name}(k: i32): i32 {\n${choose(table.map(String), "0")}\n}`);
  }
  for (const site of s.valueSites) {
    const lists = site.shape.union!.layouts.map(
      (keys) => `<${site.type}>[${keys.map((k) => site.items.get(k)!).join(", ")}]`,
    );
    out.push(
      `function ${site.name}(v: ${site.shape.name}): ${site.type} {\n${choose(lists, `new Array<${site.element}>()`, "v.__ice_k")}\n}`,
    );
  }
  for (const shape of s.keyLists) {
    const lists = shape.union!.layouts.map(
      (keys) => `<Array<string>>[${keys.map((x) => stringLiteral(x)).join(", ")}]`,
    );
    out.push(`function __ice_ukeys_${shape.name}(k: i32): Array<string> {\n${choose(lists, "new Array<string>()")}\n}`);
  }
  for (const shape of s.masks) {
    const masks = shape.union!.layouts.map((keys) => {
      let mask = 0n;
      for (const k of keys) mask |= 1n << BigInt(shape.fields.findIndex((f) => f.name === k));
      return `<u64>0x${mask.toString(16)}`;
    });
    out.push(`function __ice_um_${shape.name}(k: i32): u64 {\n${choose(masks, "<u64>0")}\n}`);
  }
  return out;
}

/** Statements returning `values[k]` (k is always one of its indexes: the last is the fallback). */
function choose(values: readonly string[], none: string, k = "k"): string {
  if (values.length === 0) return `  return ${none};`;
  const cases = values.slice(0, -1).map((v, i) => `  if (${k} == ${i}) return ${v};`);
  return [...cases, `  return ${values[values.length - 1]};`].join("\n");
}

/** The statements of a union value's JSON writer (jsonWrite.ts): the fields of its own layout. */
export function unionWriterBody(shape: ClassShape, fieldsOf: (keys: readonly string[]) => string): string {
  return shape.union!.layouts.map((keys, i) => `if (v.__ice_k == ${i}) {\n${fieldsOf(keys)}\nreturn;\n}`).join("\n");
}

/** The statements of a union value's conversion to a JSON value (jsonConvert.ts). */
export function unionToJsonBody(shape: ClassShape, put: (key: string) => string): string {
  const cases = shape.union!.layouts.map((keys, i) => `if (v.__ice_k == ${i}) {\n${keys.map(put).join("\n")}\n}`);
  return `const o = __ice_j_newobj();\n${cases.join("\n")}\nreturn o;`;
}
