/**
 * @fileoverview The compiler's identity (src/util/compilerIdentity.ts), which keys the build and
 * per-node caches: any change to a file the compiler runs must change it (else a new compiler
 * would answer from an old compiler's cache), and a source map or declaration file must not.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { identityOf } from "../../src/util/compilerIdentity.js";

describe("compiler identity", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "iceosc-identity-"));
    mkdirSync(join(root, "src", "emit"), { recursive: true });
    mkdirSync(join(root, "runtime"), { recursive: true });
    writeFileSync(join(root, "src", "emit", "a.js"), "export const a = 1;\n");
    writeFileSync(join(root, "src", "emit", "a.js.map"), "{}");
    writeFileSync(join(root, "src", "emit", "a.d.ts"), "export declare const a = 1;\n");
    writeFileSync(join(root, "runtime", "b.js"), "export const b = 2;\n");
    writeFileSync(join(root, "unrelated.js"), "");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is the same for the same files, read twice", () => {
    expect(identityOf(root)).toBe(identityOf(root));
  });

  it("changes when a file's content, time, or the set of files changes", () => {
    const before = identityOf(root);
    writeFileSync(join(root, "src", "emit", "a.js"), "export const a = 12;\n");
    const resized = identityOf(root);
    expect(resized).not.toBe(before);

    const at = new Date("2026-01-02T03:04:05Z");
    utimesSync(join(root, "runtime", "b.js"), at, at);
    const retimed = identityOf(root);
    expect(retimed).not.toBe(resized);

    mkdirSync(join(root, "runtime", "deep"));
    writeFileSync(join(root, "runtime", "deep", "c.js"), "");
    expect(identityOf(root)).not.toBe(retimed);
  });

  it("does not change for source maps, declaration files or files outside src/ and runtime/", () => {
    const before = identityOf(root);
    writeFileSync(join(root, "src", "emit", "a.js.map"), '{"version":3}');
    writeFileSync(join(root, "src", "emit", "a.d.ts"), "export declare const a: 12;\n");
    writeFileSync(join(root, "unrelated.js"), "changed");
    expect(identityOf(root)).toBe(before);
  });
});
