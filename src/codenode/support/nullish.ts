/**
 * @fileoverview Three-state values `T | null | undefined` of an object, array, Map, ... (types.ts
 * `nullish`, print/nullish.ts): a box `__ice_Box<T | null> | null` whose null reference is
 * undefined and whose box holding null is JavaScript's null. T here is the nullable reference.
 */

/** AssemblyScript source: tests and conversions of three-state values. */
export const NULLISH_SUPPORT = `

// ---- three-state values (T | null | undefined) ------------------------------------------------
/** \`indexOf\` / \`includes\` compare as \`===\` (T is never a number: SameValueZero is identity here). */
export function __ice_nsh_index_of<T>(a: Array<__ice_Box<T> | null>, v: __ice_Box<T> | null, from: f64): f64 {
  const len = a.length;
  if (len == 0 || from == Infinity) return -1;
  for (let k = __ice_rel(from, len); k < len; k++) if (__ice_nsh_same<T>(unchecked(a[k]), v)) return <f64>k;
  return -1;
}
export function __ice_nsh_last_index_of<T>(a: Array<__ice_Box<T> | null>, v: __ice_Box<T> | null, from: f64): f64 {
  const len = a.length;
  if (len == 0 || from == -Infinity) return -1;
  let k = __ice_idx(from);
  k = k < 0 ? len + k : min(k, len - 1);
  for (; k >= 0; k--) if (__ice_nsh_same<T>(unchecked(a[k]), v)) return <f64>k;
  return -1;
}
/** \`x == null\`: undefined or null. */
@inline export function __ice_nsh_absent<T>(b: __ice_Box<T> | null): bool {
  return b === null || changetype<usize>(b.v) == 0;
}
/** \`x === null\`: a box holding null. */
@inline export function __ice_nsh_is_null<T>(b: __ice_Box<T> | null): bool {
  return b !== null && changetype<usize>(b.v) == 0;
}
/** \`T | undefined\` (the null reference is undefined) as a three-state value. */
export function __ice_nsh_from_undef<T>(x: T): __ice_Box<T> | null {
  return changetype<usize>(x) == 0 ? null : new __ice_Box<T>(x);
}
/**
 * A three-state value the checker proved not null, as \`T | undefined\`: undefined stays the null
 * reference. A null here (assigned where the checker does not look, in a closure) stops the node.
 */
export function __ice_nsh_not_null<T>(b: __ice_Box<T> | null): T {
  if (b === null) return changetype<T>(0);
  if (changetype<usize>(b.v) == 0) abort("a value TypeScript proved not null is null (assigned in a closure)");
  return b.v;
}
/** The defined value (the checker proved it neither null nor undefined, or \`!\` asserts it). */
export function __ice_nsh_value<T>(b: __ice_Box<T> | null): T {
  if (b === null || changetype<usize>(b.v) == 0) abort("Unexpected 'null' (not assigned or failed cast)");
  return b!.v;
}
/** The elements of an array of \`T | null\` a type guard kept, as a \`T[]\` (a null left in stops the node). */
export function __ice_a_defined<T>(a: Array<T | null>): Array<T> {
  const r = new Array<T>();
  for (let k = 0; k < a.length; k++) {
    const x = unchecked(a[k]);
    if (x === null) abort("a type guard kept a null or undefined element");
    r.push(x!);
  }
  return r;
}
/** A JSON value that is null or undefined (its TypeScript type says so) as a three-state value. */
export function __ice_nsh_from_j<T>(v: __ice_J): __ice_Box<T> | null {
  if (v.k == 0) return null;
  if (v.k != 1) abort("a value TypeScript types as null or undefined is neither");
  return new __ice_Box<T>(changetype<T>(0));
}
/** A three-state value TypeScript types as null or undefined, as a JSON value. */
export function __ice_nsh_to_j<T>(b: __ice_Box<T> | null): __ice_J {
  if (b === null) return __ice_j_undef();
  if (changetype<usize>(b.v) != 0) abort("a value TypeScript types as null or undefined is neither (assigned in a closure)");
  return __ice_j_null();
}
/**
 * A union value spread into an object of another type (print/unions.ts unionSpreadFields): its
 * layout must hold every \`required\` slot and no \`forbidden\` one.
 */
export function __ice_usp_check(mask: u64, required: u64, forbidden: u64): void {
  if ((mask & required) != required || (mask & forbidden) != 0)
    abort("spreading a value whose keys are not those of its narrowed type (a cast) into another object");
}
/** The three-state elements a type guard kept, as a \`T[]\` (a null or undefined left in stops the node). */
export function __ice_a_nsh_defined<T>(a: Array<__ice_Box<T> | null>): Array<NonNullable<T>> {
  const r = new Array<NonNullable<T>>();
  for (let k = 0; k < a.length; k++) {
    const b = unchecked(a[k]);
    if (b === null || changetype<usize>(b.v) == 0) abort("a type guard kept a null or undefined element");
    r.push(changetype<NonNullable<T>>(b!.v));
  }
  return r;
}
/** The three-state elements a type guard kept, as a \`(T | null)[]\` (an undefined left in stops the node). */
export function __ice_a_nsh_unbox<T>(a: Array<__ice_Box<T> | null>): Array<T> {
  const r = new Array<T>();
  for (let k = 0; k < a.length; k++) {
    const b = unchecked(a[k]);
    if (b === null) abort("a type guard kept an undefined element");
    r.push(b!.v);
  }
  return r;
}
/** Identity of two three-state values (\`===\`): both undefined, both null, or the same reference. */
export function __ice_nsh_same<T>(a: __ice_Box<T> | null, b: __ice_Box<T> | null): bool {
  if (a === null || b === null) return a === b;
  return changetype<usize>(a.v) == changetype<usize>(b.v);
}
/** \`a == b\` of two three-state values: null and undefined are loosely equal. */
export function __ice_nsh_loose<T>(a: __ice_Box<T> | null, b: __ice_Box<T> | null): bool {
  const x = a === null ? 0 : changetype<usize>(a.v);
  const y = b === null ? 0 : changetype<usize>(b.v);
  return x == y;
}
`;
