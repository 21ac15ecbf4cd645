/**
 * @fileoverview Library declarations for narrowing unions with type guards (print/unions.ts):
 * `xs.filter((e): e is Click => e.kind === 'click')` is a `Click[]`, `xs.find(guard)` a
 * `Click | undefined`, as in TypeScript's own library. The calls lower as the plain `filter` and
 * `find` (a guard returns a boolean); a member of a union is the union's class at run time. On an
 * array of 'any' (JSON values) the result stays 'any' (`unknown extends T`): a guard does not
 * convert the values it keeps.
 */

export const UNIONS_LIB = `
interface Array<T> {
  filter<S extends T>(predicate: (value: T, index: number, array: T[]) => value is S): unknown extends T ? T[] : S[];
  find<S extends T>(
    predicate: (value: T, index: number, array: T[]) => value is S,
  ): unknown extends T ? T | undefined : S | undefined;
}
interface ReadonlyArray<T> {
  filter<S extends T>(
    predicate: (value: T, index: number, array: readonly T[]) => value is S,
  ): unknown extends T ? T[] : S[];
  find<S extends T>(
    predicate: (value: T, index: number, array: readonly T[]) => value is S,
  ): unknown extends T ? T | undefined : S | undefined;
}
`;
