/**
 * @fileoverview Numbers read from JSON values without a box in between (issue 13). A JSON value
 * printed where its number is what the consumer wants (`i < data.length`, `sum += row.score` with
 * `sum: number`) would otherwise be made a `__ice_J` only to be read back: `data.length` boxed its
 * length, `sum + row.score` boxed `sum` and the sum. A producer (json.ts: `.length`, `+` with a
 * number) registers the text that computes the number directly; a consumer (a comparison with a
 * number, the checked read of an `any` as `number`) asks for it. The direct forms compute exactly
 * what the boxed ones do (support/jsonOperators.ts: each falls back to the general operation when
 * the value is not the common kind). A Printed that was copied or derived loses its form and takes
 * the general path.
 */
import type { Printed } from "./context.js";

/** How the number is wanted: JavaScript's ToNumber, or the checked read of a value typed `number`. */
export type NumberRead = "tonum" | "to_num";

const FORMS = new WeakMap<Printed, (read: NumberRead) => string>();

/** Registers the direct number of a printed JSON value; returns it. */
export function withNumberForm(printed: Printed, form: (read: NumberRead) => string): Printed {
  FORMS.set(printed, form);
  return printed;
}

/** The number of a printed JSON value, read as `read` asks. */
export function jsonNumber(printed: Printed, read: NumberRead): string {
  const form = FORMS.get(printed);
  return form ? form(read) : `__ice_j_${read}(${printed.text})`;
}
