/** @fileoverview Fuzz target `expression`: condition expressions (generated and mutated); a crash, an unlocated diagnostic or a slow case fails. */
import { expressionCase } from "../frontends/generators.js";
import { fuzzFrontEnd } from "../frontends/harness.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "expression",
  description: "condition expressions (generated and mutated); a crash, an unlocated diagnostic or a slow case fails",
  defaultRuns: 20000,
  run: (options) => fuzzFrontEnd("expression", expressionCase, options),
};

export default target;
