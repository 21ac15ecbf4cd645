/**
 * @fileoverview Library declarations for `Intl.NumberFormat` (print/numberFormat.ts lowers it):
 * `new Intl.NumberFormat(locale?, options?)` and `format(x)`, the host's own formatting, as
 * `x.toLocaleString(locale, options)` is.
 */

export const INTL_LIB = `
declare namespace Intl {
  interface NumberFormat {
    format(value: number): string;
  }
  var NumberFormat: {
    new (locales?: string, options?: NumberFormatOptions): NumberFormat;
  };
}
`;
