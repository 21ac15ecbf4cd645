/**
 * @fileoverview Number to text without leaving the sandbox for the everyday cases, exactly as
 * JavaScript prints them: `String(x)` of a non-integer between 1e-6 and 2^52 (amounts, ratios),
 * and `x.toFixed(d)` for d up to 15 while |x| * 10^d stays below 2^52. Anything else, or any
 * case these cannot decide, still goes to the host's own functions (runtimeLib.ts
 * `__ice_num_fmt`); a host call costs ~100-150 ns, about what these take in all.
 *
 * `String(x)` (ECMAScript Number::toString): the fewest significant digits whose decimal value
 * reads back as x. For x in [1e-6, 2^52) that is fixed notation with the fewest fraction digits
 * k such that some integer c gives c / 10^k == x (then c has no trailing zero, and no longer
 * fraction has fewer digits). `c / 10^k` of an integer c < 2^52 and an exact power of ten is the
 * correctly rounded quotient, so it is exactly the number the text "c * 10^-k" reads back as;
 * and every c whose quotient is x lies within 0.75 of x * 10^k, so trying the integers nearest
 * to the rounded product finds them all. Two at the same k (a tie of closeness): the host decides.
 *
 * `toFixed(d)`: the integer n nearest to |x| * 10^d, the larger one on a tie, taken from the
 * exact product (Dekker's two-product, no fused multiply-add in WebAssembly): below 2^52 the
 * product's fraction and 0.5 are multiples of its unit in the last place, which is larger than
 * twice the rounding error, so comparing the rounded fraction with 0.5 decides except on an exact
 * 0.5, where the error's sign does. Then the digits of n with the point d from the right, and
 * "-" when x < 0 (JavaScript prints -0.001.toFixed(2) as "-0.00" and (-0).toFixed(2) as "0.00").
 */

/** AssemblyScript source: the in-sandbox number printers. */
export const NUMBER_TEXT_SUPPORT = `

// ---- number text (support/numberText.ts) ----
// 10^k for k = 0..22, all exact.
@inline function __ice_pow10(k: i32): f64 {
  let p: f64 = 1;
  for (let i = 0; i < k; i++) p *= 10;
  return p;
}
// The digits of the integer c (0 <= c < 2^53) with a decimal point k digits from the right,
// zeros before them as needed ("0.05" for c = 5, k = 2), after a minus sign when neg.
function __ice_point_text(neg: bool, c: f64, k: i32): string {
  let digits = (<i64>c).toString();
  if (k > 0) {
    if (digits.length <= k) digits = "0".repeat(k + 1 - digits.length) + digits;
    const cut = digits.length - k;
    digits = digits.substring(0, cut) + "." + digits.substring(cut);
  }
  return neg ? "-" + digits : digits;
}
// String(x) for a finite non-integer x, or null when the host must say.
export function __ice_num_short(x: f64): string | null {
  const neg = x < 0;
  const a = neg ? -x : x;
  if (!(a >= 1e-6 && a < 4503599627370496.0)) return null;
  let p: f64 = 1;
  for (let k = 1; k <= 22; k++) {
    p *= 10;
    const t = a * p;
    if (!(t < 4503599627370496.0)) return null;
    const m = Math.round(t);
    let found = 0;
    let c: f64 = 0;
    for (let d = -1; d <= 1; d++) {
      const q = m + <f64>d;
      if (q > 0 && q / p == a) { found++; c = q; }
    }
    if (found == 1) return __ice_point_text(neg, c, k);
    if (found > 1) return null;
  }
  return null;
}
// x.toFixed(d) for an integer d in 0..15, or null when the host must say.
export function __ice_num_fixed(x: f64, d: f64): string | null {
  if (!(d >= 0 && d <= 15 && d == Math.trunc(d)) || x != x) return null;
  const k = <i32>d;
  const neg = x < 0;
  const a = neg ? -x : x;
  const p = __ice_pow10(k);
  const t = a * p;
  if (!(t < 4503599627370496.0)) return null;
  // The rounding error of t = a * p (Dekker's two-product; a * p is exactly t + err).
  const ca = 134217729.0 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cp = 134217729.0 * p;
  const ph = cp - (cp - p);
  const pl = p - ph;
  const err = ((ah * ph - t) + ah * pl + al * ph) + al * pl;
  const whole = Math.floor(t);
  const r = t - whole;
  const n = whole + ((r > 0.5 || (r == 0.5 && err >= 0)) ? 1.0 : 0.0);
  return __ice_point_text(neg, n, k);
}
`;
