/** @fileoverview Fuzz target `yaml`: YAML workflow files (mutated examples and fixtures, billion laughs); a crash, an unlocated diagnostic or a slow case fails. */
import { yamlCase } from "../frontends/generators.js";
import { fuzzFrontEnd } from "../frontends/harness.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "yaml",
  description:
    "YAML workflow files (mutated examples and fixtures, billion laughs); a crash, an unlocated diagnostic or a slow case fails",
  defaultRuns: 30000,
  run: (options) => fuzzFrontEnd("yaml", yamlCase, options),
};

export default target;
