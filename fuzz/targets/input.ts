/** @fileoverview Fuzz target `input`: --input JSON through parsing, the nesting check and schema validation; a crash, an unlocated diagnostic or a slow case fails. */
import { inputCase } from "../frontends/generators.js";
import { fuzzFrontEnd } from "../frontends/harness.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "input",
  description:
    "--input JSON through parsing, the nesting check and schema validation; a crash, an unlocated diagnostic or a slow case fails",
  defaultRuns: 10000,
  run: (options) => fuzzFrontEnd("input", inputCase, options),
};

export default target;
