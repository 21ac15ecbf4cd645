/** @fileoverview Fuzz target `ice`: .ice workflow files (mutated examples and fixtures); a crash, an unlocated diagnostic or a slow case fails. */
import { iceCase } from "../frontends/generators.js";
import { fuzzFrontEnd } from "../frontends/harness.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "ice",
  description:
    ".ice workflow files (mutated examples and fixtures); a crash, an unlocated diagnostic or a slow case fails",
  defaultRuns: 25000,
  run: (options) => fuzzFrontEnd("ice", iceCase, options),
};

export default target;
