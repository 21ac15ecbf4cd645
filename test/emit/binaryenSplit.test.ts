/**
 * @fileoverview The compiler workers load binaryen split (src/emit/wasm/binaryenSplit.ts): its
 * WebAssembly decoded from the template literal in `index.js` by our own decoder, the rest of the
 * file imported with the literal replaced. The decoded bytes must be what V8 makes of the literal
 * (so the installed binaryen is split at all, and split right), the rest of the file must be kept
 * as it is, and anything the decoder does not know must make it give up (the worker then imports
 * binaryen whole). That the split binaryen compiles and meters to the same bytes as the whole one
 * is test/sandbox/compileShare.test.ts's (the workers use it, the main thread does not).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BINARYEN_SPLIT_SOURCE } from "../../src/emit/wasm/binaryenSplit.js";

interface Split {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly glue: string;
}

const require = createRequire(import.meta.url);
const splitBinaryen = new Function("require", `${BINARYEN_SPLIT_SOURCE}\nreturn splitBinaryen;`)(require) as (
  path: string,
) => Split | null;

const REPLACEMENT = '(globalThis[Symbol.for("iceosc.binaryenBytes")])';

/** What binaryen's own code does: the literal as V8 reads it, each char code taken as a byte. */
function v8Bytes(literal: string): Uint8Array {
  const text = new Function(`return ${literal};`)() as string;
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** A file `prefix + h(<literal>) + suffix` in a temporary folder. */
function fileWith(literal: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "iceosc-split-")), "index.js");
  writeFileSync(path, `const a = 1;\nWA ??= h(${literal}), b = "é";\n`);
  return path;
}

// A minimal module (magic, version, one custom section "n" of payload "ab") spelt with every
// escape binaryen's generator writes, and raw characters.
const SMALL = "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01nab`";

describe("splitBinaryen", () => {
  it("decodes the installed binaryen's literal to the bytes V8 reads from it and keeps the rest", () => {
    const path = require.resolve("binaryen");
    const split = splitBinaryen(path);
    expect(split).not.toBeNull();
    const { bytes, glue } = split!;
    const text = readFileSync(path, "utf8");
    const callee = glue.indexOf(REPLACEMENT);
    const end = text.length - (glue.length - callee - REPLACEMENT.length);
    expect(glue.slice(0, callee)).toBe(text.slice(0, callee));
    expect(glue.slice(callee + REPLACEMENT.length)).toBe(text.slice(end));
    const call = /^([A-Za-z0-9_$]+)\((`[\s\S]*`)\)$/.exec(text.slice(callee, end));
    expect(call).not.toBeNull();
    expect(Buffer.from(bytes).equals(Buffer.from(v8Bytes(call![2]!)))).toBe(true);
    expect(WebAssembly.validate(bytes)).toBe(true);
  });

  it("decodes every escape it accepts as V8 does", () => {
    const literal = `\`${String.raw`\0asm\x01\0\0\0\0\x0d\x01n\b\t\n\v\f\r\\`}\\\`${String.raw`\$\'\"`}\``;
    const split = splitBinaryen(fileWith(literal));
    expect(split).not.toBeNull();
    expect([...split!.bytes]).toEqual([...v8Bytes(literal)]);
    expect(split!.glue).toBe(`const a = 1;\nWA ??= ${REPLACEMENT}, b = "é";\n`);
    expect(splitBinaryen(fileWith(SMALL))).not.toBeNull();
  });

  it("gives up on what it does not know, and on bytes that are not whole sections", () => {
    for (const literal of [
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01n\\u0061b`", // \u
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01na\rb`", // raw CR (read as LF)
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01n\\x6gb`", // bad \x
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01na${b}`", // substitution
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01na\\\nb`", // line continuation
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01naé`", // beyond ASCII
      "`\\0asm\\x01\\0\\0\\0\\0\\x05\\x01nab`", // section longer than the module
      "`\\0asm\\x01\\0\\0\\0\\0\\x04\\x01nab", // not closed
    ]) {
      expect(splitBinaryen(fileWith(literal)), JSON.stringify(literal)).toBeNull();
    }
    expect(splitBinaryen(join(tmpdir(), "iceosc-no-such-file.js"))).toBeNull();
  });
});
