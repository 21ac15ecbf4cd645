/**
 * @fileoverview The `ice` intrinsic module: pure host functions every sandbox module may import
 * (not a capability). They give code nodes JavaScript's own number semantics where a WebAssembly
 * reimplementation could differ in a last digit: number to string (`String(x)`, `toFixed`,
 * `toPrecision`, `toExponential`, `toString(radix)`), string to number (`Number(s)`,
 * `parseFloat`, `parseInt`) and the transcendental `Math` functions. Each is deterministic, has
 * no state and no effect besides writing at most `NUM_TEXT_LIMIT` UTF-16 code units into the
 * scratch area the module passes (bounds-checked against its memory). The compiler declares them
 * in the sandbox library (src/codenode/runtimeLib.ts) and the verifier allows exactly these.
 */
import { asciiCollationHolds } from "./collation.js";
import { operandFuel, resultFuel } from "./hostCost.js";
import { HOST_TEXT_OPS, hostText, localeCompareWith } from "./hostText.js";
import { IntrinsicError } from "./intrinsicError.js";

/** Most code units `num_to_str` writes (Number.prototype.toString(2) of a double is < 1100). */
export const NUM_TEXT_LIMIT = 1_200;

/** `num_to_str` modes. */
export const NUM_MODE = { string: 0, fixed: 1, precision: 2, exponential: 3, radix: 4, exponentialAuto: 5 } as const;
/** `str_to_num` modes. */
export const STR_MODE = { number: 0, parseFloat: 1, parseInt: 2 } as const;

/** `math` operations, by index. Unary ones ignore `y`. */
export const MATH_OPS = [
  "acos",
  "acosh",
  "asin",
  "asinh",
  "atan",
  "atanh",
  "atan2",
  "cbrt",
  "cos",
  "cosh",
  "exp",
  "expm1",
  "hypot",
  "log",
  "log10",
  "log1p",
  "log2",
  "pow",
  "round",
  "sin",
  "sinh",
  "tan",
  "tanh",
  "fround",
] as const;

/**
 * `str_op` operations: `a.localeCompare(b)` (the result), `a.normalize(form)` (the length
 * written), whether the host's `localeCompare` orders plain ASCII text as collation.ts
 * describes (1 or 0; no operands), `dateInvalid`: 1 when the host's `Date.parse(a)` is NaN
 * (whatever its time zone), else 0, `localeCompareWith` (localeCompare with locales and options,
 * hostText.ts), and the text functions of hostText.ts (`numberLocale`, the URI functions,
 * `btoa`, `atob`), whose results are written like normalize's.
 */
export const STR_OPS = [
  "localeCompare",
  "NFC",
  "NFD",
  "NFKC",
  "NFKD",
  "asciiCollation",
  "dateInvalid",
  "localeCompareWith",
  ...HOST_TEXT_OPS,
] as const;

/** Qualified names of the intrinsic imports, with their WebAssembly signatures. */
export const INTRINSIC_IMPORTS: { readonly [qualifiedName: string]: string } = {
  "ice.num_to_str": "(f64, i32, i32, i32) -> i32",
  "ice.str_to_num": "(i32, i32, i32, f64) -> f64",
  "ice.math": "(i32, f64, f64) -> f64",
  "ice.str_op": "(i32, i32, i32, i32, i32, i32, i32) -> i32",
};

const ASCII_COLLATION_OP = STR_OPS.indexOf("asciiCollation");

export { IntrinsicError };

/**
 * The intrinsic functions over a memory getter; `charge` takes the fuel of the host's work on
 * texts (hostCost.ts) from the run's meter.
 */
export function createIntrinsics(
  memory: () => WebAssembly.Memory | undefined,
  charge: (fuel: number) => void = () => {},
): Record<string, unknown> {
  // A view of the memory's current buffer, made again only when the buffer changes (it grew, or
  // another memory is attached): one allocation less per number printed.
  let units: Uint16Array | undefined;
  const unitsOf = (m: WebAssembly.Memory): Uint16Array => {
    if (units === undefined || units.buffer !== m.buffer) units = new Uint16Array(m.buffer);
    return units;
  };
  return {
    num_to_str(x: number, mode: number, arg: number, out: number): number {
      const text = numberText(x, mode, arg);
      const m = memory();
      if (!m) return 0;
      const at = out >>> 0;
      const n = Math.min(text.length, NUM_TEXT_LIMIT);
      if (at % 2 !== 0 || at + 2 * n > m.buffer.byteLength) throw new IntrinsicError("num_to_str: out of bounds");
      const view = unitsOf(m);
      const first = at >>> 1;
      for (let i = 0; i < n; i++) view[first + i] = text.charCodeAt(i);
      return n;
    },
    str_to_num(ptr: number, length: number, mode: number, radix: number): number {
      const m = memory();
      if (!m) return Number.NaN;
      const at = ptr >>> 0;
      const n = length >>> 0;
      const text = readUtf16(m, at, n);
      charge(operandFuel("number", text));
      if (mode === STR_MODE.parseFloat) return Number.parseFloat(text);
      if (mode === STR_MODE.parseInt) return Number.parseInt(text, Number.isNaN(radix) ? undefined : radix);
      return Number(text);
    },
    /**
     * String operations of the host's own String.prototype: localeCompare (returns its result)
     * and normalize (writes the result at `out` when it fits in `cap` code units; returns its length).
     */
    str_op(op: number, a: number, aLength: number, b: number, bLength: number, out: number, cap: number): number {
      if (op === ASCII_COLLATION_OP) return asciiCollationHolds() ? 1 : 0;
      const m = memory();
      if (!m) return 0;
      const first = readUtf16(m, a, aLength);
      const name = STR_OPS[op];
      if (name === undefined || name === "asciiCollation") throw new IntrinsicError(`str_op: unknown operation ${op}`);
      if (name === "localeCompare" || name === "localeCompareWith") {
        const second = readUtf16(m, b, bLength);
        charge(operandFuel(name, first, second));
        return name === "localeCompare" ? first.localeCompare(second) : localeCompareWith(first, second);
      }
      charge(operandFuel(name, first));
      if (name === "dateInvalid") return Number.isNaN(Date.parse(first)) ? 1 : 0;
      const text =
        name === "NFC" || name === "NFD" || name === "NFKC" || name === "NFKD"
          ? first.normalize(name)
          : hostText(name, first);
      charge(resultFuel(name, text));
      const at = out >>> 0;
      if (text.length <= cap >>> 0) {
        if (at % 2 !== 0 || at + 2 * text.length > m.buffer.byteLength)
          throw new IntrinsicError("str_op: out of bounds");
        const view = new DataView(m.buffer);
        for (let i = 0; i < text.length; i++) view.setUint16(at + 2 * i, text.charCodeAt(i), true);
      }
      return text.length;
    },
    math(op: number, x: number, y: number): number {
      const name = MATH_OPS[op];
      if (name === undefined) throw new IntrinsicError(`math: unknown operation ${op}`);
      return (Math[name] as (a: number, b: number) => number)(x, y);
    },
  };
}

/** UTF-16 text from the module's memory, lone surrogates kept. */
function readUtf16(m: WebAssembly.Memory, ptr: number, length: number): string {
  const at = ptr >>> 0;
  const n = length >>> 0;
  if (at % 2 !== 0 || at + 2 * n > m.buffer.byteLength) throw new IntrinsicError("text out of bounds");
  const units = new Uint16Array(m.buffer, at, n);
  if (n <= 16) {
    let short = "";
    for (let i = 0; i < n; i++) short += String.fromCharCode(units[i]!);
    return short;
  }
  let text = "";
  for (let i = 0; i < n; i += 4096) text += String.fromCharCode(...units.subarray(i, i + 4096));
  return text;
}

function numberText(x: number, mode: number, arg: number): string {
  try {
    switch (mode) {
      case NUM_MODE.fixed:
        return x.toFixed(arg);
      case NUM_MODE.precision:
        return x.toPrecision(arg);
      case NUM_MODE.exponential:
        return x.toExponential(arg);
      case NUM_MODE.exponentialAuto:
        return x.toExponential();
      case NUM_MODE.radix:
        return x.toString(arg);
      default:
        return String(x);
    }
  } catch (error) {
    throw new IntrinsicError(error instanceof Error ? error.message : String(error));
  }
}
