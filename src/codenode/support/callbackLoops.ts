/**
 * @fileoverview The loops behind the array methods that take a callback (`map`, `filter`,
 * `forEach`, `some`, `every`, `find`, `findLast`, `findIndex`, `findLastIndex`, `reduce`,
 * `reduceRight`), as
 * AssemblyScript source made from one template each: the support library's generic helpers
 * (`__ice_map<T, U, E>(a, f, e)`, ...), which call the callback through a function value, and the
 * copies the printer makes for a callback written in the body (print/arrayMethods.ts), which call
 * it directly: binaryen can inline a direct call, and a module without calls through function
 * values gets its small functions' fuel checks folded into their callers (src/emit/wasm/meter.ts).
 * `filter`, `forEach`, `some`, `every` and `reduce` skip the indexes a callback removed by
 * shortening the array, as JavaScript does (it visits only indexes still present); `map` (whose
 * result would have holes) and the `find` family (which pass `undefined`) stop the run there
 * instead; `__ice_cb_at` (support/arrays.ts) checks that and loads the element, inlined (a call
 * of `__ice_check_len` and of the bounds-checked `Array#__get` per element cost more than the
 * rest of a `some` over records), so the copies in the body need no `unchecked` (body code may
 * not use it).
 */

/** How one copy of a loop is written. */
export interface LoopStyle {
  /** The function's name. */
  readonly name: string;
  /** The callback parameter (`f: (e: E, x: T, i: f64, a: Array<T>) => bool, `), or "" when called directly. */
  readonly callbackParameter: (signature: string) => string;
  /** The function called: `f`, or the callback's own name. */
  readonly callee: string;
}

/** The helpers, by the library name the printer calls. */
export const CALLBACK_LOOPS = {
  __ice_map: (
    s: LoopStyle,
  ) => `function ${s.name}<T, U, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => U")}e: E): Array<U> {
  const len = a.length;
  const r = new Array<U>();
  for (let k = 0; k < len; k++) { r.push(${s.callee}(e, __ice_cb_at<T>(a, k, "map"), <f64>k, a)); }
  return r;
}`,
  __ice_filter: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): Array<T> {
  const len = a.length;
  const r = new Array<T>();
  for (let k = 0; k < len; k++) { if (<u32>k >= <u32>a.length) break; const x = __ice_cb_get<T>(a, k); if (${s.callee}(e, x, <f64>k, a)) r.push(x); }
  return r;
}`,
  __ice_for_each: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => void")}e: E): void {
  const len = a.length;
  for (let k = 0; k < len; k++) { if (<u32>k >= <u32>a.length) break; ${s.callee}(e, __ice_cb_get<T>(a, k), <f64>k, a); }
}`,
  __ice_some: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): bool {
  const len = a.length;
  for (let k = 0; k < len; k++) { if (<u32>k >= <u32>a.length) break; if (${s.callee}(e, __ice_cb_get<T>(a, k), <f64>k, a)) return true; }
  return false;
}`,
  __ice_every: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): bool {
  const len = a.length;
  for (let k = 0; k < len; k++) { if (<u32>k >= <u32>a.length) break; if (!${s.callee}(e, __ice_cb_get<T>(a, k), <f64>k, a)) return false; }
  return true;
}`,
  __ice_find_index: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): f64 {
  const len = a.length;
  for (let k = 0; k < len; k++) { if (${s.callee}(e, __ice_cb_at<T>(a, k, "findIndex"), <f64>k, a)) return <f64>k; }
  return -1;
}`,
  __ice_find_last_index: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): f64 {
  for (let k = a.length - 1; k >= 0; k--) { if (${s.callee}(e, __ice_cb_at<T>(a, k, "findLastIndex"), <f64>k, a)) return <f64>k; }
  return -1;
}`,
  __ice_reduce: (
    s: LoopStyle,
  ) => `function ${s.name}<T, U, E>(a: Array<T>, ${s.callbackParameter("(e: E, acc: U, x: T, i: f64, a: Array<T>) => U")}e: E, init: U): U {
  const len = a.length;
  let acc = init;
  for (let k = 0; k < len; k++) { if (<u32>k >= <u32>a.length) break; acc = ${s.callee}(e, acc, __ice_cb_get<T>(a, k), <f64>k, a); }
  return acc;
}`,
  __ice_reduce1: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, acc: T, x: T, i: f64, a: Array<T>) => T")}e: E): T {
  const len = a.length;
  if (len == 0) abort("TypeError: Reduce of empty array with no initial value");
  let acc = __ice_cb_at<T>(a, 0, "reduce");
  for (let k = 1; k < len; k++) { if (<u32>k >= <u32>a.length) break; acc = ${s.callee}(e, acc, __ice_cb_get<T>(a, k), <f64>k, a); }
  return acc;
}`,
  // reduceRight walks down from the last index the array had at the start; an index the callback
  // removed by shortening the array is skipped (JavaScript visits only indexes still present).
  __ice_reduce_right: (
    s: LoopStyle,
  ) => `function ${s.name}<T, U, E>(a: Array<T>, ${s.callbackParameter("(e: E, acc: U, x: T, i: f64, a: Array<T>) => U")}e: E, init: U): U {
  let acc = init;
  for (let k = a.length - 1; k >= 0; k--) { if (<u32>k >= <u32>a.length) continue; acc = ${s.callee}(e, acc, __ice_cb_get<T>(a, k), <f64>k, a); }
  return acc;
}`,
  __ice_reduce_right1: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, acc: T, x: T, i: f64, a: Array<T>) => T")}e: E): T {
  const len = a.length;
  if (len == 0) abort("TypeError: Reduce of empty array with no initial value");
  let acc = __ice_cb_at<T>(a, len - 1, "reduceRight");
  for (let k = len - 2; k >= 0; k--) { if (<u32>k >= <u32>a.length) continue; acc = ${s.callee}(e, acc, __ice_cb_get<T>(a, k), <f64>k, a); }
  return acc;
}`,
  __ice_find: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): T | null {
  const len = a.length;
  for (let k = 0; k < len; k++) { const x = __ice_cb_at<T>(a, k, "find"); if (${s.callee}(e, x, <f64>k, a)) return x; }
  return null;
}`,
  __ice_find_box: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): __ice_Box<T> | null {
  const len = a.length;
  for (let k = 0; k < len; k++) { const x = __ice_cb_at<T>(a, k, "find"); if (${s.callee}(e, x, <f64>k, a)) return new __ice_Box<T>(x); }
  return null;
}`,
  __ice_find_last: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): T | null {
  for (let k = a.length - 1; k >= 0; k--) { const x = __ice_cb_at<T>(a, k, "findLast"); if (${s.callee}(e, x, <f64>k, a)) return x; }
  return null;
}`,
  __ice_find_last_box: (
    s: LoopStyle,
  ) => `function ${s.name}<T, E>(a: Array<T>, ${s.callbackParameter("(e: E, x: T, i: f64, a: Array<T>) => bool")}e: E): __ice_Box<T> | null {
  for (let k = a.length - 1; k >= 0; k--) { const x = __ice_cb_at<T>(a, k, "findLast"); if (${s.callee}(e, x, <f64>k, a)) return new __ice_Box<T>(x); }
  return null;
}`,
} as const;

export type CallbackLoop = keyof typeof CALLBACK_LOOPS;

/** The support library's generic helpers: the callback is a parameter `f`. */
export function libraryLoops(): string {
  return Object.entries(CALLBACK_LOOPS)
    .map(
      ([name, loop]) => `export ${loop({ name, callbackParameter: (signature) => `f: ${signature}, `, callee: "f" })}`,
    )
    .join("\n");
}

/** A copy of `loop` named `name` that calls the module's function `callback` directly. */
export function directLoop(loop: CallbackLoop, name: string, callback: string): string {
  return CALLBACK_LOOPS[loop]({ name, callbackParameter: () => "", callee: callback });
}
