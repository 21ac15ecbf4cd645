/**
 * @fileoverview Library declarations for iteration (ES2015 protocol, checked with target ES2015):
 * `Symbol.iterator`, `Iterable`, `IterableIterator` (the built-in iterators finish with value
 * `undefined`, as with TypeScript's strictBuiltinIteratorReturn, so `it.next().value` is `T |
 * undefined`), `keys()/values()/entries()` of arrays, Maps and Sets, `Array.from`,
 * `Array.of`, and the Map and Set constructors over iterables. Lowered by print/iteration.ts.
 */

export const ITERATION_LIB = `
interface SymbolConstructor {
  readonly iterator: unique symbol;
}
declare var Symbol: SymbolConstructor;
interface IteratorYieldResult<TYield> { done?: false; value: TYield; }
interface IteratorReturnResult<TReturn> { done: true; value: TReturn; }
type IteratorResult<T, TReturn = any> = IteratorYieldResult<T> | IteratorReturnResult<TReturn>;
interface Iterator<T, TReturn = any, TNext = any> {
  next(...[value]: [] | [TNext]): IteratorResult<T, TReturn>;
}
interface Iterable<T, TReturn = any, TNext = any> {
  [Symbol.iterator](): Iterator<T, TReturn, TNext>;
}
interface IterableIterator<T, TReturn = any, TNext = any> extends Iterator<T, TReturn, TNext> {
  [Symbol.iterator](): IterableIterator<T, TReturn, TNext>;
}
interface IteratorObject<T, TReturn = unknown, TNext = unknown> extends Iterator<T, TReturn, TNext> {
  [Symbol.iterator](): IteratorObject<T, TReturn, TNext>;
}
type BuiltinIteratorReturn = any;
interface ArrayLike<T> {
  readonly length: number;
  readonly [n: number]: T;
}

interface ReadonlyArray<T> {
  [Symbol.iterator](): IterableIterator<T, undefined>;
  entries(): IterableIterator<[number, T], undefined>;
  keys(): IterableIterator<number, undefined>;
  values(): IterableIterator<T, undefined>;
}
interface Array<T> {
  [Symbol.iterator](): IterableIterator<T, undefined>;
  entries(): IterableIterator<[number, T], undefined>;
  keys(): IterableIterator<number, undefined>;
  values(): IterableIterator<T, undefined>;
}
interface String {
  [Symbol.iterator](): IterableIterator<string, undefined>;
}
interface ArrayConstructor {
  from<T>(iterable: Iterable<T>): T[];
  from<T, U>(iterable: Iterable<T>, mapfn: (v: T, k: number) => U): U[];
  from<U>(arrayLike: { readonly length: number }, mapfn: (v: undefined, k: number) => U): U[];
  of<T>(...items: T[]): T[];
}
interface Map<K, V> {
  [Symbol.iterator](): IterableIterator<[K, V], undefined>;
  entries(): IterableIterator<[K, V], undefined>;
  keys(): IterableIterator<K, undefined>;
  values(): IterableIterator<V, undefined>;
  forEach(callbackfn: (value: V, key: K, map: Map<K, V>) => void): void;
}
interface MapConstructor {
  new <K, V>(entries: Iterable<readonly [K, V]>): Map<K, V>;
}
interface Set<T> {
  [Symbol.iterator](): IterableIterator<T, undefined>;
  entries(): IterableIterator<[T, T], undefined>;
  keys(): IterableIterator<T, undefined>;
  values(): IterableIterator<T, undefined>;
  forEach(callbackfn: (value: T, value2: T, set: Set<T>) => void): void;
}
interface SetConstructor {
  new <T>(values: Iterable<T>): Set<T>;
}
`;
