/**
 * @fileoverview Unions of object types (corpus/unions.ts): every body gives JavaScript's answer,
 * and each one marked `refused` is refused with its located reason (a mutant that lets one
 * through, or refuses a supported one, fails here; the corpus test only counts verdicts).
 */
import { describe, it } from "vitest";
import { UNIONS } from "./corpus/unions.js";
import { expectSameAsJs, oracleBatch } from "./expect.js";

describe("unions of object types", () => {
  const batch = oracleBatch(UNIONS);
  for (const c of UNIONS) it(c.name, () => expectSameAsJs(batch.get(c.name)));
});
