/**
 * @fileoverview The short run of the program fuzzer in `npm test`: 40 random bodies (seed 1, or
 * ICEOSC_FUZZ_SEED) run in the sandbox and as JavaScript, in one build. `npm run fuzz` runs
 * thousands and shrinks what it finds.
 */
import { describe, expect, inject, it } from "vitest";
import { fuzzPrograms } from "./generator/fuzz.js";
import { KNOWN_FUZZ_FAILURES } from "./knownDefects.js";

const SEED = Number(process.env.ICEOSC_FUZZ_SEED ?? 1);
const RUNS = 40;

describe("the program fuzzer, short run", () => {
  it(`runs ${RUNS} random programs both ways (seed ${SEED})`, async () => {
    const { counts, findings } = await fuzzPrograms({
      runs: RUNS,
      seed: SEED,
      cacheDir: inject("oracleCacheDir"),
      batchSize: RUNS,
      shrinkRounds: 0,
    });
    const summary = Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    process.stdout.write(`\nfuzz short run (seed ${SEED}): ${summary}\n`);
    const known = SEED === 1 ? KNOWN_FUZZ_FAILURES : [];
    const unexpected = findings.filter((f) => !known.includes(f.name));
    expect(unexpected.map((f) => `${f.verdict} ${f.name}\n${f.body}\n${f.detail}`).join("\n\n")).toBe("");
    const fixed = known.filter((name) => !findings.some((f) => f.name === name));
    expect(fixed, "no longer failing: delete these from KNOWN_FUZZ_FAILURES in test/oracle/knownDefects.ts").toEqual(
      [],
    );
  }, 600_000);
});
