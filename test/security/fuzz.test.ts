/**
 * A short run of the front-end fuzz targets (`npm run fuzz` runs 100,000+ cases): a few thousand
 * generated and mutated inputs at the YAML, .ice, expression, template, code-body and `--input`
 * front ends, with a fixed seed; any crash, unlocated diagnostic or slow case fails and is saved.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import codebody from "../../fuzz/targets/codebody.js";
import expression from "../../fuzz/targets/expression.js";
import ice from "../../fuzz/targets/ice.js";
import input from "../../fuzz/targets/input.js";
import template from "../../fuzz/targets/template.js";
import yaml from "../../fuzz/targets/yaml.js";
import { tempDir } from "../helpers/cli.js";

const SHORT_RUNS: [typeof yaml, number][] = [
  [yaml, 150],
  [ice, 250],
  [expression, 1000],
  [template, 1000],
  [codebody, 300],
  [input, 1000],
];

describe("front-end fuzzing (short run)", () => {
  for (const [target, runs] of SHORT_RUNS)
    it(`${target.name}: ${runs} cases, no crash`, async () => {
      const findingsDir = tempDir("iceosc-fuzz-");
      const lines: string[] = [];
      const report = await target.run({ runs, seed: 20261130, findingsDir, log: (line) => lines.push(line) });
      expect(report.runs).toBe(runs);
      expect(lines, `findings saved in ${findingsDir}`).toEqual([]);
      expect(report.failures).toBe(0);
      expect(readdirSync(findingsDir)).toEqual([]);
      // The cases reach past parsing: some are accepted, some refused.
      expect(report.summary).toMatch(/accepted [1-9]/);
      expect(report.summary).toMatch(/diagnostic [1-9]/);
    }, 120_000);
});
