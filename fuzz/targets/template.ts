/** @fileoverview Fuzz target `template`: reference templates (mutated); a crash, an unlocated diagnostic or a slow case fails. */
import { templateCase } from "../frontends/generators.js";
import { fuzzFrontEnd } from "../frontends/harness.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "template",
  description: "reference templates (mutated); a crash, an unlocated diagnostic or a slow case fails",
  defaultRuns: 10000,
  run: (options) => fuzzFrontEnd("template", templateCase, options),
};

export default target;
