/**
 * @fileoverview The tree parse.ts makes of a regular expression's pattern (what compile.ts and
 * lookaround.ts read), and the refusal it throws for what the linear-time engine cannot run.
 */
import type { Ranges } from "./ranges.js";

export type Node =
  | { readonly kind: "empty" }
  | { readonly kind: "char"; readonly ranges: Ranges; readonly source: string }
  | { readonly kind: "assert"; readonly what: "^" | "$" | "b" | "B" }
  | { readonly kind: "seq"; readonly items: readonly Node[] }
  | { readonly kind: "alt"; readonly options: readonly Node[] }
  | { readonly kind: "group"; readonly index: number; readonly body: Node }
  /** A lookaround: `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`; groups: its capture groups [first, last]. */
  | {
      readonly kind: "look";
      readonly behind: boolean;
      readonly negated: boolean;
      readonly body: Node;
      readonly groups: readonly [number, number];
    }
  | {
      readonly kind: "repeat";
      readonly body: Node;
      readonly min: number;
      readonly max: number;
      readonly greedy: boolean;
      readonly at: number;
    };

export interface Parsed {
  readonly root: Node;
  /** Capturing groups, not counting the whole match. */
  readonly groups: number;
  /** Name of each capturing group (index 1..), or undefined. */
  readonly names: readonly (string | undefined)[];
}

/** A refusal: what is not supported and what to write instead. */
export class RegexRefusal extends Error {
  constructor(
    readonly what: string,
    readonly instead: string,
  ) {
    super(what);
  }
}
