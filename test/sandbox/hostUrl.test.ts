/**
 * @fileoverview The host side of URL and URLSearchParams (runtime/sandbox/hostUrl.ts): requests a
 * module may send malformed are IntrinsicErrors (the run traps), never a host exception of another
 * kind; well-formed ones answer what the host's own classes compute. Their use by code nodes is
 * checked by the differential oracle (test/oracle/corpus/urls.ts).
 */
import { describe, expect, it } from "vitest";
import { hostText } from "../../runtime/sandbox/hostText.js";
import { IntrinsicError } from "../../runtime/sandbox/intrinsicError.js";

const list = (...xs: string[]) => xs.map((s) => String.fromCharCode(s.length & 0xffff, s.length >>> 16) + s).join("");

describe("host URL operations", () => {
  it("parses with and without a base, and answers an empty text for an invalid URL", () => {
    const parts = hostText("urlParse", "0https://münchen.de/a/../b?x#y").split("\u0001");
    expect(parts).toEqual([
      "https://xn--mnchen-3ya.de/b?x#y",
      "https://xn--mnchen-3ya.de",
      "https:",
      "",
      "",
      "xn--mnchen-3ya.de",
      "xn--mnchen-3ya.de",
      "",
      "/b",
      "?x",
      "#y",
      "1",
    ]);
    const base = "http://h/a/b";
    expect(hostText("urlParse", `1${base.length}\0${base}../c`).split("\u0001")[0]).toBe("http://h/c");
    expect(hostText("urlParse", "0not a url")).toBe("");
  });

  it("applies a setter to an href", () => {
    const href = "http://h/p?q=1#f";
    expect(hostText("urlUpdate", `s${href.length}\0${href}`).split("\u0001")[0]).toBe("http://h/p#f");
    expect(hostText("urlUpdate", `h${href.length}\0${href}x y`).split("\u0001")[0]).toBe("http://h/p?q=1#x%20y");
  });

  it("parses, serializes and sorts form lists", () => {
    expect(hostText("formParse", "?a=1&b=%zz+&a")).toBe(list("a", "1", "b", "%zz ", "a", ""));
    expect(hostText("formSerialize", list("a b", "é&", "\ud800", "~"))).toBe("a+b=%C3%A9%26&%EF%BF%BD=%7E");
    expect(hostText("formSort", list("b", "1", "a", "2", "b", "0"))).toBe(list("a", "2", "b", "1", "b", "0"));
  });

  it("refuses malformed requests with an IntrinsicError", () => {
    expect(() => hostText("urlParse", "1x\0abc")).toThrow(IntrinsicError);
    expect(() => hostText("urlUpdate", "s3\0not a url")).toThrow(IntrinsicError);
    expect(() => hostText("formSerialize", "\u0009\u0000ab")).toThrow(IntrinsicError);
  });
});
