/**
 * @fileoverview Library declarations for objects used as dictionaries and the `Object.*` functions
 * (print/objects.ts lowers them; support/dictionary.ts holds the dictionary): `Object.keys`,
 * `values`, `entries` (own keys in JavaScript's order), `assign`, `fromEntries`, `is`, `hasOwn`.
 */

export const OBJECTS_LIB = `
interface ObjectConstructor {
  keys(o: {}): string[];
  /** Of a value of type 'any' (T inferred as unknown), 'any' elements, as TypeScript's own library gives. */
  values<T>(o: { [s: string]: T }): unknown extends T ? any[] : T[];
  entries<T>(o: { [s: string]: T }): unknown extends T ? [string, any][] : [string, T][];
  /** Where T cannot be inferred (a union of object types with fields of several types): 'any', as in TypeScript's library. */
  values(o: {}): any[];
  entries(o: {}): [string, any][];
  assign<T extends {}, U>(target: T, source: U): T & U;
  assign<T extends {}, U, V>(target: T, source1: U, source2: V): T & U & V;
  assign<T extends {}, U, V, W>(target: T, source1: U, source2: V, source3: W): T & U & V & W;
  fromEntries<T>(entries: readonly (readonly [string | number, T])[]): { [k: string]: T };
  fromEntries<K extends string | number, T>(entries: Map<K, T>): { [k: string]: T };
  fromEntries(entries: readonly (readonly any[])[]): any;
  /** Last, so that overload resolution of the others is not changed (lib/url.ts). */
  fromEntries(entries: URLSearchParams): { [k: string]: string };
  is<T>(value1: T, value2: T): boolean;
  hasOwn(o: {}, key: string | number): boolean;
  freeze<T>(o: T): Readonly<T>;
  /** Only for \`Object.prototype.hasOwnProperty.call(o, key)\`. */
  readonly prototype: ObjectPrototype;
}
interface ObjectPrototype {
  readonly hasOwnProperty: OwnPropertyTest;
}
interface OwnPropertyTest {
  call(o: {}, key: string | number): boolean;
}
declare var Object: ObjectConstructor;
interface Object {
  hasOwnProperty(key: string | number): boolean;
}
`;
