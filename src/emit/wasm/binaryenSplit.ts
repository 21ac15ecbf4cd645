/**
 * @fileoverview Loading binaryen without parsing its 13 MB of JavaScript, as JavaScript text for
 * the compiler workers (compilerWorkerScript.ts).
 *
 * binaryen's `index.js` carries its WebAssembly (8.9 MB) as one template literal of escaped bytes
 * (`L6(\`\0asm...\`)`, turned into bytes by a helper at load). V8 scans that literal twice (when
 * the module is compiled, and again when the function holding it is first called), then the helper
 * converts it char by char: ~1.3 s of CPU per thread that loaded binaryen (measured on the loaded
 * 2-core machine: `import("binaryen")` 1.5-2.1 s of CPU, the same module with the bytes handed in
 * 0.5-0.6 s; a cold build loads it in both workers). So a worker reads the file itself, decodes the
 * literal's escapes into the bytes (~0.1 s), and imports binaryen with the literal replaced by
 * those bytes: a module loader hook (`module.register`, in the worker only) serves binaryen's URL
 * with that text, so asc, the assemblyscript module and meter.js, which import `binaryen` by name,
 * get it too, from the same URL (so `import.meta.url` and what binaryen resolves from it are
 * unchanged).
 *
 * The decoder accepts exactly the escapes binaryen's generator writes (`\0`, `\xHH`, `\b \t \n \v
 * \f \r`, `\\`, `` \` ``, `\$`, `\'`, `\"`) and printable ASCII; anything else (a raw byte outside
 * ASCII, a raw CR, `${`, a line continuation, `\u`), a literal not found, or bytes that are not a
 * well-formed sequence of WebAssembly sections, and the worker imports binaryen as it is. The bytes
 * decoded are what V8 makes of the literal (test/emit/binaryenSplit.test.ts compares them for the
 * installed binaryen), so the compiled modules are the same either way.
 *
 * `splitBinaryen(path)`: `{ bytes, glue }` or null. `serveBinaryenSplit(url, path)`: registers the
 * hook serving `url` (binaryen's index.js, at `path`) split, before anything imports binaryen; false
 * (nothing changed) when the split or the hook is unavailable. Once binaryen has loaded, the worker
 * deletes `globalThis[BINARYEN_BYTES]` (binaryen reads it while it loads).
 */

export const BINARYEN_SPLIT_SOURCE = `
const BINARYEN_BYTES = Symbol.for("iceosc.binaryenBytes");
function splitBinaryen(path) {
  const { readFileSync } = require("node:fs");
  let text;
  try { text = readFileSync(path); } catch { return null; }
  const open = text.indexOf("\`\\\\0asm");
  if (open < 0) return null;
  // The helper called on the literal: an identifier just before "(".
  let callee = open - 1;
  if (text[callee] !== 0x28) return null;
  while (callee > 0 && /[A-Za-z0-9_$]/.test(String.fromCharCode(text[callee - 1]))) callee--;
  if (callee === open - 1) return null;
  const decoded = decodeLiteral(new Uint8Array(text.buffer, text.byteOffset, text.length), open + 1);
  if (!decoded || !wellFormedSections(decoded.bytes)) return null;
  // The literal's closing backtick, then the call's ")".
  const close = open + 1 + decoded.rawLength + 1;
  if (text[close] !== 0x29) return null;
  const glue = text.toString("utf8", 0, callee) + "(globalThis[Symbol.for(\\"iceosc.binaryenBytes\\")])" +
    text.toString("utf8", close + 1);
  return { bytes: decoded.bytes, glue };
}
// The bytes of the template literal whose text starts at index from (up to its closing backtick),
// and how long that text is; null for anything but the escapes and raw characters listed above.
// Tables rather than branches: this runs once per worker over 13 MB.
function decodeLiteral(text, from) {
  const HEX = new Int8Array(256).fill(-1);
  for (let d = 0; d < 10; d++) HEX[48 + d] = d;
  for (let d = 0; d < 6; d++) HEX[97 + d] = HEX[65 + d] = 10 + d;
  const SINGLE = new Int16Array(256).fill(-1);
  for (const [e, v] of [[0x30, 0], [0x62, 8], [0x74, 9], [0x6e, 10], [0x76, 11], [0x66, 12], [0x72, 13],
    [0x5c, 0x5c], [0x60, 0x60], [0x24, 0x24], [0x27, 0x27], [0x22, 0x22]]) SINGLE[e] = v;
  const out = new Uint8Array(text.length - from);
  let o = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i++];
    if (c === 0x5c) {
      const e = text[i++];
      if (e === 0x78) {
        const h = HEX[text[i]];
        const l = HEX[text[i + 1]];
        if ((h | l) < 0) return null;
        out[o++] = (h << 4) | l;
        i += 2;
        continue;
      }
      const v = SINGLE[e];
      // \\0 followed by a digit is an octal escape, which a template literal refuses.
      if (v < 0 || (e === 0x30 && text[i] >= 0x30 && text[i] <= 0x39)) return null;
      out[o++] = v;
    } else if (c === 0x60) {
      return { bytes: out.subarray(0, o), rawLength: i - 1 - from };
    } else if (c === 0x0d || c >= 0x80 || (c === 0x24 && text[i] === 0x7b)) {
      // A raw CR would be read as LF; a byte above ASCII is part of a UTF-8 sequence; a dollar
      // sign before a brace starts a substitution.
      return null;
    } else {
      out[o++] = c;
    }
  }
  return null;
}
// The magic, version 1, then sections whose sizes add up to exactly the end.
function wellFormedSections(b) {
  if (b.length < 8 || b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d) return false;
  if (b[4] !== 1 || b[5] !== 0 || b[6] !== 0 || b[7] !== 0) return false;
  let p = 8;
  while (p < b.length) {
    p++;
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      if (p >= b.length || shift > 28) return false;
      const byte = b[p++];
      size += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
    }
    p += size;
  }
  return p === b.length;
}
const SPLIT_HOOKS = "data:text/javascript," + encodeURIComponent(\`
let served;
export function initialize(data) { served = data; }
export async function load(url, context, next) {
  if (served && url === served.url) return { format: "module", source: served.glue, shortCircuit: true };
  return next(url, context);
}
\`);
function serveBinaryenSplit(url, path) {
  const { register } = require("node:module");
  const split = typeof register === "function" ? splitBinaryen(path) : null;
  if (!split) return false;
  try {
    register(SPLIT_HOOKS, { data: { url, glue: split.glue } });
  } catch {
    return false;
  }
  globalThis[BINARYEN_BYTES] = split.bytes;
  return true;
}
`;
