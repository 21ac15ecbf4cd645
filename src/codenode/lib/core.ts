/**
 * @fileoverview The library a code body is type-checked against (`lib.iceosc.d.ts`): exactly what
 * code nodes support, nothing else. The checker runs with `noLib` and this file, so any API not
 * declared here is TypeScript's own error at the place it is used ("Property 'x' does not exist
 * on type ..."), and nothing needs a separate list of refusals. Every member declared here is
 * lowered (src/codenode/print/calls.ts) to code that behaves as JavaScript does; adding a member
 * means adding its lowering and a differential test. Capability-gated globals live in
 * capabilities.ts and are added only when granted.
 */

import { LIB_PARTS } from "./parts.js";

export const CORE_LIB_NAME = "lib.iceosc.d.ts";

const BASE_LIB = `
interface Object {}
interface Function {}
interface CallableFunction extends Function {}
interface NewableFunction extends Function {}
interface IArguments {}
interface RegExp {}
interface Boolean {}
interface BooleanConstructor {
  <T>(value?: T): boolean;
}
declare var Boolean: BooleanConstructor;
interface Symbol {}
interface TemplateStringsArray extends ReadonlyArray<string> { readonly raw: readonly string[]; }
type PropertyKey = string | number | symbol;
type Partial<T> = { [P in keyof T]?: T[P] };
type Required<T> = { [P in keyof T]-?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
type Record<K extends keyof any, T> = { [P in K]: T };
type NonNullable<T> = T & {};
type ReturnType<T extends (...args: any) => any> = T extends (...args: any) => infer R ? R : any;
type Exclude<T, U> = T extends U ? never : T;
type Extract<T, U> = T extends U ? T : never;
type Omit<T, K extends keyof any> = Pick<T, Exclude<keyof T, K>>;
type Parameters<T extends (...args: any) => any> = T extends (...args: infer P) => any ? P : never;
type Awaited<T> = T extends null | undefined ? T : T extends object & { then(onfulfilled: infer F, ...args: infer _): any } ? F extends (value: infer V, ...args: infer _) => any ? Awaited<V> : never : T;
type Uppercase<S extends string> = intrinsic;
type Lowercase<S extends string> = intrinsic;
type Capitalize<S extends string> = intrinsic;
type Uncapitalize<S extends string> = intrinsic;

declare var NaN: number;
declare var Infinity: number;

interface Number {
  toString(radix?: number): string;
  toFixed(fractionDigits?: number): string;
  toPrecision(precision?: number): string;
  toExponential(fractionDigits?: number): string;
  toLocaleString(locales?: string, options?: NumberFormatOptions): string;
}
/** Intl.NumberFormat's options (as an object literal of constants). */
interface NumberFormatOptions {
  localeMatcher?: string;
  style?: string;
  currency?: string;
  currencyDisplay?: string;
  currencySign?: string;
  unit?: string;
  unitDisplay?: string;
  useGrouping?: boolean | string;
  minimumIntegerDigits?: number;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
  minimumSignificantDigits?: number;
  maximumSignificantDigits?: number;
  notation?: string;
  compactDisplay?: string;
  signDisplay?: string;
  roundingMode?: string;
  roundingPriority?: string;
  roundingIncrement?: number;
  trailingZeroDisplay?: string;
}
interface NumberConstructor {
  /** Objects are refused by the printer (their valueOf/toString would run). */
  (value?: unknown): number;
  readonly MAX_SAFE_INTEGER: number;
  readonly MIN_SAFE_INTEGER: number;
  readonly MAX_VALUE: number;
  readonly MIN_VALUE: number;
  readonly EPSILON: number;
  readonly POSITIVE_INFINITY: number;
  readonly NEGATIVE_INFINITY: number;
  readonly NaN: number;
  isInteger(value: unknown): boolean;
  isSafeInteger(value: unknown): boolean;
  isFinite(value: unknown): boolean;
  isNaN(value: unknown): boolean;
  parseFloat(text: string): number;
  parseInt(text: string, radix?: number): number;
}
declare var Number: NumberConstructor;
declare function parseFloat(text: string): number;
declare function parseInt(text: string, radix?: number): number;
declare function isNaN(value: number): boolean;
declare function isFinite(value: number): boolean;
declare function encodeURIComponent(component: string): string;
declare function encodeURI(uri: string): string;
declare function decodeURIComponent(component: string): string;
declare function decodeURI(uri: string): string;
declare function btoa(data: string): string;
declare function atob(data: string): string;
declare function structuredClone<T>(value: T): T;
/** Only \`new TextEncoder().encode(s).length\` (the UTF-8 byte count) is a value code nodes hold. */
interface EncodedText {
  readonly length: number;
}
declare class TextEncoder {
  encode(input: string): EncodedText;
}

interface String {
  readonly length: number;
  readonly [index: number]: string;
  at(index: number): string | undefined;
  charAt(pos: number): string;
  charCodeAt(index: number): number;
  codePointAt(pos: number): number | undefined;
  indexOf(searchString: string, position?: number): number;
  lastIndexOf(searchString: string, position?: number): number;
  includes(searchString: string, position?: number): boolean;
  startsWith(searchString: string, position?: number): boolean;
  endsWith(searchString: string, endPosition?: number): boolean;
  slice(start?: number, end?: number): string;
  substring(start: number, end?: number): string;
  toUpperCase(): string;
  toLowerCase(): string;
  trim(): string;
  trimStart(): string;
  trimEnd(): string;
  padStart(maxLength: number, fillString?: string): string;
  padEnd(maxLength: number, fillString?: string): string;
  repeat(count: number): string;
  split(separator: string, limit?: number): string[];
  replace(searchValue: string, replaceValue: string): string;
  replaceAll(searchValue: string, replaceValue: string): string;
  concat(...strings: string[]): string;
  toString(): string;
}
interface StringConstructor {
  (value?: string | number | boolean): string;
  fromCharCode(...codes: number[]): string;
  raw(template: TemplateStringsArray, ...substitutions: any[]): string;
}
declare var String: StringConstructor;

interface ReadonlyArray<T> {
  readonly length: number;
  readonly [n: number]: T;
  at(index: number): T | undefined;
  indexOf(searchElement: T, fromIndex?: number): number;
  lastIndexOf(searchElement: T, fromIndex?: number): number;
  includes(searchElement: T, fromIndex?: number): boolean;
  slice(start?: number, end?: number): T[];
  concat(...items: T[][]): T[];
  join(separator?: string): string;
  map<U>(callbackfn: (value: T, index: number, array: readonly T[]) => U): U[];
  filter(predicate: (value: T, index: number, array: readonly T[]) => unknown): T[];
  forEach(callbackfn: (value: T, index: number, array: readonly T[]) => void): void;
  some(predicate: (value: T, index: number, array: readonly T[]) => unknown): boolean;
  every(predicate: (value: T, index: number, array: readonly T[]) => unknown): boolean;
  find(predicate: (value: T, index: number, array: readonly T[]) => unknown): T | undefined;
  findIndex(predicate: (value: T, index: number, array: readonly T[]) => unknown): number;
  findLast(predicate: (value: T, index: number, array: readonly T[]) => unknown): T | undefined;
  findLastIndex(predicate: (value: T, index: number, array: readonly T[]) => unknown): number;
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: readonly T[]) => T): T;
  reduce<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: readonly T[]) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: readonly T[]) => T): T;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: readonly T[]) => U, initialValue: U): U;
}
interface Array<T> {
  length: number;
  [n: number]: T;
  at(index: number): T | undefined;
  push(...items: T[]): number;
  pop(): T | undefined;
  shift(): T | undefined;
  unshift(...items: T[]): number;
  indexOf(searchElement: T, fromIndex?: number): number;
  lastIndexOf(searchElement: T, fromIndex?: number): number;
  includes(searchElement: T, fromIndex?: number): boolean;
  slice(start?: number, end?: number): T[];
  concat(...items: T[][]): T[];
  join(separator?: string): string;
  reverse(): T[];
  splice(start: number, deleteCount?: number, ...items: T[]): T[];
  sort(compareFn?: (a: T, b: T) => number): this;
  fill(value: T, start?: number, end?: number): this;
  map<U>(callbackfn: (value: T, index: number, array: T[]) => U): U[];
  filter(predicate: (value: T, index: number, array: T[]) => unknown): T[];
  forEach(callbackfn: (value: T, index: number, array: T[]) => void): void;
  some(predicate: (value: T, index: number, array: T[]) => unknown): boolean;
  every(predicate: (value: T, index: number, array: T[]) => unknown): boolean;
  find(predicate: (value: T, index: number, array: T[]) => unknown): T | undefined;
  findIndex(predicate: (value: T, index: number, array: T[]) => unknown): number;
  findLast(predicate: (value: T, index: number, array: T[]) => unknown): T | undefined;
  findLastIndex(predicate: (value: T, index: number, array: T[]) => unknown): number;
  reduce(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: T[]) => T): T;
  reduce<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: T[]) => U, initialValue: U): U;
  reduceRight(callbackfn: (previousValue: T, currentValue: T, currentIndex: number, array: T[]) => T): T;
  reduceRight<U>(callbackfn: (previousValue: U, currentValue: T, currentIndex: number, array: T[]) => U, initialValue: U): U;
}
interface ArrayConstructor {
  new <T>(): T[];
  /** Only as \`new Array<T>(n).fill(value)\` (a bare \`new Array(n)\` has holes, which code nodes cannot hold). */
  new <T>(arrayLength: number): T[];
  <T>(): T[];
  /** Only as \`Array(n).fill(value)\` or \`[...Array(n).keys()]\` (its elements are holes). */
  <T>(arrayLength: number): T[];
}
declare var Array: ArrayConstructor;

interface Map<K, V> {
  readonly size: number;
  get(key: K): V | undefined;
  set(key: K, value: V): this;
  has(key: K): boolean;
  delete(key: K): boolean;
  clear(): void;
}
interface MapConstructor {
  new <K, V>(): Map<K, V>;
}
declare var Map: MapConstructor;

interface Set<T> {
  readonly size: number;
  add(value: T): this;
  has(value: T): boolean;
  delete(value: T): boolean;
  clear(): void;
}
interface SetConstructor {
  new <T>(values?: readonly T[]): Set<T>;
}
declare var Set: SetConstructor;

/** No iteration and no size, as in JavaScript: a Map or Set of the sandbox is exact (fromChecker.ts). */
interface WeakMap<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): this;
  has(key: K): boolean;
  delete(key: K): boolean;
}
interface WeakMapConstructor {
  new <K extends object, V>(entries?: readonly (readonly [K, V])[]): WeakMap<K, V>;
}
declare var WeakMap: WeakMapConstructor;
interface WeakSet<T extends object> {
  add(value: T): this;
  has(value: T): boolean;
  delete(value: T): boolean;
}
interface WeakSetConstructor {
  new <T extends object>(values?: readonly T[]): WeakSet<T>;
}
declare var WeakSet: WeakSetConstructor;

interface Error {
  name: string;
  message: string;
}
interface ErrorConstructor {
  new (message?: string): Error;
  (message?: string): Error;
}
declare var Error: ErrorConstructor;
`;

/** The whole library: the base above and every area of lib/parts.ts. */
export const CORE_LIB = [BASE_LIB, ...LIB_PARTS].join("\n");
