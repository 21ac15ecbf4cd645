/**
 * @fileoverview The support library for functions as values: `__ice_Env`, the base class of
 * every environment object and closure (print/closures.ts), the cast a trampoline uses to get
 * its environment back, and the helpers of spread arguments (`f(...xs)`, `xs.push(...ys)`,
 * `String.fromCharCode(...codes)`).
 */

/** AssemblyScript source: closures and spread arguments. */
export const FUNCTIONS_SUPPORT = `

// ---- functions as values ------------------------------------------------------------------
/** Base class of environment objects and closures. */
export class __ice_Env {}
/** The environment a closure was made with, as its own class (the printer made it so). */
export function __ice_env_cast<T>(e: __ice_Env | null): T { return changetype<T>(e); }
/** a.push(...b): appends every element of b (read before appending, as JavaScript). */
export function __ice_push_all<T>(a: Array<T>, b: Array<T>): Array<T> {
  const n = b.length;
  for (let k = 0; k < n; k++) a.push(unchecked(b[k]));
  return a;
}
/** String.fromCharCode(...codes). */
export function __ice_from_char_codes(codes: Array<f64>): string {
  let r = "";
  for (let k = 0; k < codes.length; k++) r += String.fromCharCode(<i32>(__ice_i32(unchecked(codes[k])) & 0xffff));
  return r;
}
`;
