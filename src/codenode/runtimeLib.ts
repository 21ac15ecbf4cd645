/**
 * @fileoverview The AssemblyScript half of code-node semantics: library functions the printer
 * (src/codenode/print/) calls wherever AssemblyScript's own standard library differs from
 * JavaScript (index conversions, `charCodeAt` out of range, `indexOf("")`, `trim`'s whitespace,
 * `replace` patterns, `sort`'s order and stability, `join` and `String(x)` of numbers, ...).
 * Compiled in as the library file `~lib/__ice_js.ts`; dead code is removed by asc. Numbers are
 * f64 everywhere; number <-> string and the transcendental Math functions go through the pure
 * host intrinsics of runtime/sandbox/intrinsics.ts (JavaScript's own functions, so exact).
 * Reading past the end of an array or string traps with a message (JavaScript would produce
 * `undefined`, which the types of a code node cannot hold).
 */
import { SUPPORT_PARTS } from "./support/parts.js";
import { MATH_OPS, NUM_MODE, NUM_TEXT_LIMIT, STR_MODE } from "../../runtime/sandbox/intrinsics.js";

/** The library file's name inside the asc `--lib` directory. */
export const RUNTIME_LIB_FILE = "__ice_js.ts";

/** Index of a Math operation in the `ice.math` intrinsic. */
export function mathOp(name: string): number | undefined {
  const index = (MATH_OPS as readonly string[]).indexOf(name);
  return index < 0 ? undefined : index;
}

export { NUM_MODE, STR_MODE };

const BASE_SOURCE = `// iceosc code-node runtime: JavaScript semantics (src/codenode/runtimeLib.ts)
import { isCased, isCaseIgnorable } from "~lib/util/string";
@external("ice", "num_to_str") declare function __ice_num_to_str_raw(x: f64, mode: i32, arg: i32, out: usize): i32;
@external("ice", "str_to_num") declare function __ice_str_to_num_raw(ptr: usize, length: i32, mode: i32, radix: f64): f64;
@external("ice", "math") export declare function __ice_math(op: i32, x: f64, y: f64): f64;

const __ice_scratch: usize = memory.data(${NUM_TEXT_LIMIT * 2});

/** An optional number or boolean (\`number | undefined\`): null is undefined. */
export class __ice_Box<T> {
  constructor(public v: T) {}
}

export function __ice_trap(message: string): void { abort(message); }
/** \`undefined\` of an optional type, or the placeholder of a reference not assigned yet. */
export function __ice_none<T>(): T { return changetype<T>(0); }

/** ToIntegerOrInfinity, saturated to i32 (every index and count a string or array can use fits). */
export function __ice_idx(x: f64): i32 {
  if (x != x) return 0;
  if (x >= 2147483647.0) return i32.MAX_VALUE;
  if (x <= -2147483648.0) return i32.MIN_VALUE;
  return <i32>x;
}
/** ToInt32 (the common case inlined; the rest out of line, so that callers stay small). */
@inline export function __ice_i32(x: f64): i32 {
  if (x > -2147483649.0 && x < 2147483648.0) return <i32>x;
  return __ice_i32_wide(x);
}
function __ice_i32_wide(x: f64): i32 {
  if (x > -9.2e18 && x < 9.2e18) return <i32><i64>x;
  if (!isFinite(x)) return 0;
  return <i32><i64>(x % 4294967296.0);
}
/**
 * a % b: with two int32 operands (the common case) an integer remainder (asc's f64 % is a
 * software fmod), keeping JavaScript's -0 for a zero remainder of a negative dividend.
 */
@inline export function __ice_mod(a: f64, b: f64): f64 {
  const x = <i32>a;
  const y = <i32>b;
  if (<f64>x == a && <f64>y == b && y != 0) {
    const r = x % y;
    return r == 0 ? a * 0.0 : <f64>r;
  }
  return a % b;
}
/** ToUint32, as a number. */
export function __ice_u32(x: f64): f64 { return <f64><u32>__ice_i32(x); }

/** Texts of the integers 0..255, made on first use (JavaScript engines cache these too). */
let __ice_small_texts: StaticArray<string | null> | null = null;
function __ice_small_text(k: i32): string {
  let texts = __ice_small_texts;
  if (texts === null) {
    texts = new StaticArray<string | null>(256);
    __ice_small_texts = texts;
  }
  let s = unchecked(texts[k]);
  if (s === null) {
    s = k.toString();
    unchecked((texts[k] = s));
  }
  return s;
}
export function __ice_num_str(x: f64): string {
  if (x >= 0 && x < 256 && x == Math.trunc(x)) return __ice_small_text(<i32>x);
  if (x > -2147483649.0 && x < 2147483648.0 && x == Math.trunc(x)) return (<i32>x).toString();
  if (x == Math.trunc(x) && Math.abs(x) < 1e15) return (<i64>x).toString();
  const short = __ice_num_short(x); // support/numberText.ts
  if (short !== null) return short;
  return __ice_num_fmt(x, ${NUM_MODE.string}, 0);
}
export function __ice_num_fmt(x: f64, mode: i32, arg: f64): string {
  if (mode == ${NUM_MODE.fixed}) {
    const fixed = __ice_num_fixed(x, arg); // support/numberText.ts
    if (fixed !== null) return fixed;
  }
  const n = __ice_num_to_str_raw(x, mode, __ice_idx(arg), __ice_scratch);
  return String.UTF16.decodeUnsafe(__ice_scratch, (<usize>n) << 1);
}
/** Stops the node: index i of an array or string of this length is out of range. */
export function __ice_index_fail(what: string, i: f64, length: i32, write: bool): void {
  abort(what + " index " + __ice_num_str(i) + " is out of range" + (write ? " for a write" : "") + " (length " + length.toString() + ")");
}
export function __ice_str_num(s: string, mode: i32, radix: f64): f64 {
  // Up to 15 decimal digits, with an optional leading minus, read here (exact below 2^53; the
  // same value in every mode: Number, parseFloat, parseInt base 10). Anything else: the host.
  const n = s.length;
  if (n > 0 && n <= 15 && (mode != ${STR_MODE.parseInt} || radix != radix || radix == 10)) {
    const p = changetype<usize>(s);
    const neg = n > 1 && load<u16>(p) == 45;
    let v: f64 = 0;
    let i = neg ? 1 : 0;
    for (; i < n; i++) {
      const d = <i32>load<u16>(p + (<usize>i << 1)) - 48;
      if (<u32>d > 9) break;
      v = v * 10 + <f64>d;
    }
    if (i == n) return neg ? -v : v;
  }
  return __ice_str_to_num_raw(changetype<usize>(s), s.length, mode, radix);
}
export function __ice_round(x: f64): f64 { return __ice_math(${MATH_OPS.indexOf("round")}, x, 0); }
export function __ice_pow(x: f64, y: f64): f64 { return __ice_math(${MATH_OPS.indexOf("pow")}, x, y); }
export function __ice_sign(x: f64): f64 { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }

/** JavaScript's truthiness. */
export function __ice_truthy<T>(v: T): bool {
  if (isBoolean<T>()) return <bool>v;
  if (isFloat<T>()) { const f = <f64>v; return f == f && f != 0; }
  if (isInteger<T>()) return <i64>v != 0;
  if (isString<T>()) {
    if (isNullable<T>()) { if (changetype<usize>(v) == 0) return false; }
    return changetype<string>(v).length > 0;
  }
  if (isNullable<T>()) return changetype<usize>(v) != 0;
  return true;
}

/** String(v) for a string, number or boolean. */
export function __ice_str<T>(v: T): string {
  if (isString<T>()) return changetype<string>(v);
  if (isBoolean<T>()) return v ? "true" : "false";
  if (isFloat<T>()) return __ice_num_str(<f64>v);
  ERROR("only strings, numbers and booleans convert to text");
  return "";
}
export function __ice_is_integer(x: f64): bool { return isFinite(x) && Math.trunc(x) == x; }
export function __ice_is_safe_integer(x: f64): bool { return __ice_is_integer(x) && Math.abs(x) <= 9007199254740991.0; }
export function __ice_bool_num(b: bool): f64 { return b ? 1.0 : 0.0; }
`;

/** The whole support library: the base above and every area of support/parts.ts. */
export const RUNTIME_LIB_SOURCE = [BASE_SOURCE, ...SUPPORT_PARTS].join("\n");
