/**
 * @fileoverview Red team 6: the host's text functions a code body reaches through the intrinsic
 * `ice.str_op` / `ice.str_to_num` (localeCompare, normalize, Date.parse, Number, URL, ...) did
 * work proportional to the text's length for one call's worth of fuel. Under the default
 * `untrusted` limits (100 M fuel, 2 s) a loop comparing two 512 K-unit strings with localeCompare
 * was stopped only by the wall clock, and late: the meter looks at the clock when a slice of fuel
 * is spent, and with the host doing the work a slice took seconds (33 s of CPU before
 * ICE_TIMEOUT; Date.parse of 1 M spaces: 9.7 s). One `normalize()` of a letter followed by 64 K
 * alternating combining marks takes ICU seconds by itself (its cost grows with the square of
 * the run). Now every such call is charged by the texts it takes and gives
 * (runtime/sandbox/hostCost.ts): each of these bodies ends with ICE_FUEL_EXHAUSTED, and the
 * same call costs the same fuel every time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { TRUST_PROFILES } from "../../runtime/profiles.js";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import { compileAll, programOf, unit } from "../sandbox/helpers.js";

const loop = (expr: string) =>
  [
    "const s = inputs.text;",
    "const t = inputs.other;",
    "let n = 0;",
    "for (let i = 0; i < 1000000; i++) {",
    `  n += ${expr};`,
    "}",
    "return { n };",
  ].join("\n");

const long = "é".repeat(1 << 19);
const marks = `e${"\u0301\u0323".repeat(1 << 15)}`;

/** A body, the input that makes the host work, and a short input it handles within the default budget. */
const ATTACKS: Record<string, { body: string; text: string; other?: string }> = {
  localeCompare: { body: loop("s.localeCompare(t)"), text: `${long}a`, other: `${long}b` },
  dateParse: { body: loop("Number.isNaN(Date.parse(s)) ? 1 : 0"), text: " ".repeat(1 << 20) },
  number: { body: loop("Number.isNaN(Number(s)) ? 1 : 0"), text: " ".repeat(1 << 20) },
  normalizeMarks: { body: loop('s.normalize("NFC").length'), text: marks },
  encode: { body: loop("encodeURIComponent(s).length"), text: " ".repeat(1 << 18) },
};

/** Each host function once. */
const ONCE =
  'return { n: inputs.text.localeCompare(inputs.other) + inputs.text.normalize("NFD").length + Number(inputs.other) };';

let programs: Map<string, SandboxProgram>;
beforeAll(async () => {
  const units = Object.entries(ATTACKS).map(([id, a]) =>
    unit(id, a.body, { text: "string", other: "string" }, { n: "number" }, ["time"]),
  );
  units.push(unit("once", ONCE, { text: "string", other: "string" }, { n: "number" }));
  const compiled = await compileAll(units);
  programs = new Map([...Object.keys(ATTACKS), "once"].map((id) => [id, programOf(compiled, id)]));
}, 300_000);

// The default fuel and memory; a longer deadline, so a loaded test machine cannot turn the fuel's
// verdict into a timeout (before the fix these ran minutes past any deadline anyway).
const limits = { ...TRUST_PROFILES.untrusted.limits, timeoutMs: 30_000 };

function outcome(id: string, text: string, other: string): string {
  try {
    programs.get(id)!.run({ text, other }, limits);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe("host text functions are charged by length", () => {
  for (const [id, attack] of Object.entries(ATTACKS)) {
    it(`${id} on a long text runs out of fuel under the default limits, not out of time`, () => {
      expect(outcome(id, attack.text, attack.other ?? "")).toBe("ICE_FUEL_EXHAUSTED");
    }, 120_000);
  }

  it("charges the same fuel for the same call every time, growing with the text", () => {
    const once = programs.get("once")!;
    const fuel = (text: string) => once.run({ text, other: "1" }, limits).fuelUsed;
    const a = fuel("héllo wörld");
    expect(fuel("héllo wörld")).toBe(a);
    const b = fuel("héllo wörld".repeat(1_000));
    expect(b - a).toBeGreaterThan(1_000 * 300);
    expect(b).toBeLessThan(limits.fuel / 10);
  });
});
