/**
 * @fileoverview UTF-8 byte counts in the sandbox: `new TextEncoder().encode(s).length`
 * (print/textEncoder.ts), the usual way to measure text against a byte budget. TextEncoder
 * writes a lone surrogate as U+FFFD (three bytes).
 */

/** AssemblyScript source: the UTF-8 length of a string. */
export const UTF8_SUPPORT = `
// ---- UTF-8 length ---------------------------------------------------------------------------
export function __ice_utf8_length(s: string): f64 {
  const n = s.length;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const c = <i32>s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (<i32>s.charCodeAt(i + 1) & 0xfc00) == 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return <f64>bytes;
}
`;
