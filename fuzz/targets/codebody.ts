/** @fileoverview Fuzz target `codebody`: code bodies through the bounds pre-scan and TypeScript syntax check (no asc); a crash, an unlocated diagnostic or a slow case fails. */
import { codeCase } from "../frontends/generators.js";
import { fuzzFrontEnd } from "../frontends/harness.js";
import type { FuzzTarget } from "../target.js";

const target: FuzzTarget = {
  name: "codebody",
  description:
    "code bodies through the bounds pre-scan and TypeScript syntax check (no asc); a crash, an unlocated diagnostic or a slow case fails",
  defaultRuns: 10000,
  run: (options) => fuzzFrontEnd("code", codeCase, options),
};

export default target;
