/**
 * @fileoverview Sections: groups of statements made from templates around generated expressions,
 * for what the expression generator (generate.ts) does not build itself: `any` values from parsed
 * JSON (anyJson.ts), class hierarchies (classSections.ts), try/catch/finally (tryCatch.ts) and
 * closures over loop variables (loopClosures.ts). A section is placed at the top level of the
 * body, declares fresh names (its own prefix, never one of the generator's) and tells the
 * generator which of them hold a number, a text, a boolean or an array, for later statements and
 * the returned fields to read. Its statements are `raw` (ast.ts): the shrinker removes them one by
 * one and shrinks the expressions inside them.
 */
import type { Expr, Stmt, Ty } from "./ast.js";
import type { Random } from "./random.js";

/** A typed expression from the generator, read at the top level where the section stands. */
export type Sub = (ty: Ty) => Expr;

export interface Section {
  readonly stmts: readonly Stmt[];
  /** Names the section declares (const), with their types, for the rest of the body. */
  readonly declares: readonly { readonly name: string; readonly ty: Ty }[];
}

export type SectionMaker = (r: Random, sub: Sub, id: string) => Section;

/**
 * A `raw` statement: in `raw\`const ${name} = ${e};\``, a string is text and an expression stays
 * one the shrinker can work on.
 */
export function raw(strings: TemplateStringsArray, ...values: (Expr | string)[]): Stmt {
  const parts = [strings[0]!];
  const args: Expr[] = [];
  values.forEach((v, i) => {
    if (typeof v === "string") parts[parts.length - 1] += v + strings[i + 1]!;
    else {
      args.push(v);
      parts.push(strings[i + 1]!);
    }
  });
  return { k: "raw", parts, args };
}

/** A raw statement of plain text. */
export function text(...lines: string[]): Stmt {
  return { k: "raw", parts: [lines.join("\n")], args: [] };
}

/** Picks a subset of `items` (each kept with probability `p`), in order; at least one. */
export function some<T>(r: Random, items: readonly T[], p = 0.5): T[] {
  const out = items.filter(() => r.chance(p));
  return out.length > 0 ? out : [r.pick(items)];
}
