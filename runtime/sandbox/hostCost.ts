/**
 * @fileoverview The fuel a host text function costs (`ice.str_op`, `ice.str_to_num`:
 * intrinsics.ts). The host does work proportional to the text a module hands it (normalize, URL
 * parsing, localeCompare, number parsing), and V8's code for it runs outside the module's fuel
 * checks: charged one call's worth, a loop calling `s.normalize()` on a 1 MiB string burned host CPU
 * the fuel did not count, and since the meter looks at the clock only when a slice of fuel is
 * spent, it ran 15x past its timeout (red team 6: test/security/redTeam6HostText.test.ts).
 *
 * So each call is charged by what it is given and what it gives back, in the meter's unit (one
 * WebAssembly expression, about 0.2 ns): per UTF-16 code unit of the operands (ASCII or not), per
 * code unit of the result (ASCII or not), and for operations that reorder combining marks
 * (normalization, and URL parsing through IDNA), whose cost in ICU grows with the square of a run
 * of marks, per square of each run of `\p{M}`. At least 16 per code unit given: reading it out of
 * the module's memory costs the host about 2-3 ns a unit. The rates were measured on the host's worst inputs
 * for each operation (README "Limits and fuel"); the charge depends only on the texts, so the same
 * call costs the same fuel on every machine. The operands are charged before the host does the
 * work (a run out of fuel stops without doing it), the result after.
 */

/** Fuel per code unit: of the operands (ASCII, other), of the result (ASCII, other), per square of a run of marks. */
export interface HostRate {
  readonly inAscii: number;
  readonly inOther: number;
  readonly outAscii: number;
  readonly outOther: number;
  readonly markRunSquared: number;
}

/** Every call's fixed charge (the host call, reading the operands, writing the result). */
export const HOST_CALL_FUEL = 64;

const rate = (inAscii: number, inOther: number, outAscii = 0, outOther = 0, markRunSquared = 0): HostRate => ({
  inAscii,
  inOther,
  outAscii,
  outOther,
  markRunSquared,
});

const NORMALIZE = rate(16, 256, 2, 192, 4);
const URL_RATE = rate(64, 256, 4, 4, 4);
const FORM = rate(1280, 1280, 4, 4);
const ENCODE_URI = rate(64, 128, 32, 32);
const DECODE_URI = rate(16, 16, 4, 16);
const LOCALE_COMPARE = rate(16, 64);

/** Rates of the str_op operations, by name; `number` is `ice.str_to_num`. */
export const HOST_RATES: { readonly [op: string]: HostRate } = {
  number: rate(32, 32),
  localeCompare: LOCALE_COMPARE,
  localeCompareWith: LOCALE_COMPARE,
  NFC: NORMALIZE,
  NFD: NORMALIZE,
  NFKC: NORMALIZE,
  NFKD: NORMALIZE,
  dateInvalid: rate(40, 40),
  numberLocale: rate(64, 64, 4, 4),
  encodeURIComponent: ENCODE_URI,
  encodeURI: ENCODE_URI,
  decodeURIComponent: DECODE_URI,
  decodeURI: DECODE_URI,
  btoa: rate(48, 48, 4, 4),
  atob: rate(24, 24, 4, 4),
  jsonParseError: rate(32, 32, 4, 4),
  urlParse: URL_RATE,
  urlUpdate: URL_RATE,
  formParse: FORM,
  formSerialize: FORM,
  formSort: FORM,
};

const NO_RATE = rate(0, 0);
const MARK_RUN = /\p{M}+/gu;

/** The fuel of handing `texts` to the host operation `op` (charged before it runs). */
export function operandFuel(op: string, ...texts: string[]): number {
  const r = HOST_RATES[op] ?? NO_RATE;
  let fuel = HOST_CALL_FUEL;
  for (const text of texts) {
    const other = nonAscii(text);
    fuel += r.inAscii * (text.length - other) + r.inOther * other;
    if (other > 0 && r.markRunSquared > 0)
      for (const run of text.matchAll(MARK_RUN)) fuel += r.markRunSquared * run[0].length ** 2;
  }
  return fuel;
}

/** The fuel of the host's result `text` of `op` (charged after it runs). */
export function resultFuel(op: string, text: string): number {
  const r = HOST_RATES[op] ?? NO_RATE;
  if (r.outAscii === 0 && r.outOther === 0) return 0;
  const other = nonAscii(text);
  return r.outAscii * (text.length - other) + r.outOther * other;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}
