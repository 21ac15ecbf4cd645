/**
 * @fileoverview Library declarations for the rest of the standard library code nodes support
 * beyond lib/core.ts: `flat`, `flatMap`, `toSorted`, `toReversed`, `toSpliced`, `with`, `copyWithin`,
 * `String.fromCodePoint`, `String.raw`-free string extras, `Number.prototype.valueOf`.
 * Lowered by print/library.ts (arrays) and print/stringMethods.ts, checked by the oracle
 * (test/oracle/corpus/library.ts).
 */

export const LIBRARY_LIB = `
type FlatArray<Arr, Depth extends number> = {
  done: Arr;
  recur: Arr extends ReadonlyArray<infer InnerArr>
    ? FlatArray<InnerArr, [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20][Depth]>
    : Arr;
}[Depth extends -1 ? "done" : "recur"];

interface ReadonlyArray<T> {
  flat<A, D extends number = 1>(this: A, depth?: D): FlatArray<A, D>[];
  flatMap<U>(callbackfn: (value: T, index: number, array: readonly T[]) => U | ReadonlyArray<U>): U[];
  toSorted(compareFn?: (a: T, b: T) => number): T[];
  toReversed(): T[];
  toSpliced(start: number, skipCount?: number, ...items: T[]): T[];
  with(index: number, value: T): T[];
}
interface Array<T> {
  flat<A, D extends number = 1>(this: A, depth?: D): FlatArray<A, D>[];
  flatMap<U>(callbackfn: (value: T, index: number, array: T[]) => U | ReadonlyArray<U>): U[];
  toSorted(compareFn?: (a: T, b: T) => number): T[];
  toReversed(): T[];
  toSpliced(start: number, skipCount?: number, ...items: T[]): T[];
  with(index: number, value: T): T[];
  copyWithin(target: number, start: number, end?: number): this;
}
interface ArrayConstructor {
  /** \`new Array(n)\` holds holes: only \`new Array(n).fill(value)\` is an array. */
  new (arrayLength: number): ArrayWithHoles;
  /** \`Array(n)\` holds holes: only \`Array(n).fill(value)\` is an array. */
  (arrayLength: number): ArrayWithHoles;
}
interface ArrayWithHoles {
  readonly length: number;
  fill<U>(value: U): U[];
  /** Only iterated: \`[...Array(n).keys()]\`, \`for (const i of Array(n).keys())\`. */
  keys(): IterableIterator<number>;
}
interface StringConstructor {
  fromCodePoint(...codePoints: number[]): string;
}
interface Number {
  valueOf(): number;
}
interface String {
  valueOf(): string;
  split(): string[];
  substr(from: number, length?: number): string;
}
`;
