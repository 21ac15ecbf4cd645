/**
 * @fileoverview Red team 12: names looked up in the front ends' tables of words. A schema type
 * was found with `BASE_TYPES[text]`, so `constructor`, `toString`, `hasOwnProperty`, `valueOf`
 * (any member of Object.prototype) was a "type": `iceosc check` said "no errors", and the run
 * ended with an internal error ("Cannot read properties of undefined (reading 'kind')"; `__proto__`:
 * "field.check is not a function") when it validated its input. An iceOS agent's
 * `memory: { backend: constructor }` passed the same way, a .ice `meta constructor = "x"` was
 * taken silently (stored under the key "function Object() ..."), and a model named `constructor`
 * found a "price" in the runtime's list (a NaN cost). Now these tables are read by own names only
 * (src/frontend/yaml/schemaTypes.ts, iceos/agentFields.ts, src/frontend/ice/meta.ts,
 * runtime/providers/pricing.ts): such a word is ICE1008 / ICE1004 / ICE1012 at its place, and a
 * model without a price.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { priceOf } from "../../runtime/index.js";
import { iceosc, writeFiles } from "../helpers/cli.js";

const WORDS = ["constructor", "toString", "hasOwnProperty", "valueOf", "__proto__", "isPrototypeOf"];

describe("words of Object.prototype where a type or a memory backend is named", () => {
  it("a schema type is ICE1008 in YAML (input, output, tool declaration) and .ice, never a crash", async () => {
    for (const word of WORDS) {
      const dir = writeFiles({
        "w.yaml": `name: w
input_schema: { x: "${word}", y: "${word}[]" }
tools:
  t:
    input_schema: { a: "${word}?" }
    output_schema: { b: number }
nodes:
  - id: c
    type: code
    inputs: { a: 1 }
    input_schema: { a: number }
    output_schema: { b: "${word}" }
    code: "return { b: 1 };"
outputs: { y: "{{ inputs.x }}" }
`,
        "w.ice": `workflow w(x: ${word}) {
  output y = inputs.x
}
`,
      });
      const yaml = await iceosc(["check", join(dir, "w.yaml")]);
      expect(yaml.code, `${word}: ${yaml.stderr}`).toBe(1);
      expect(yaml.stderr.match(/error ICE1008: invalid type/g), word).toHaveLength(4);
      const ice = await iceosc(["check", join(dir, "w.ice")]);
      expect(ice.code, `${word}: ${ice.stderr}`).toBe(1);
      expect(ice.stderr).toContain(`error ICE1008: invalid type '${word}'`);
      const run = await iceosc(["run", join(dir, "w.yaml"), "--input", '{"x":1,"y":[]}']);
      expect(run.stderr).not.toContain("internal error");
      expect(run.code).toBe(1);
    }
  }, 180_000);

  it("an iceOS agent's memory backend is ICE1004", async () => {
    for (const word of WORDS) {
      const dir = writeFiles({
        "w.yaml": `name: w
input_schema: { x: number }
nodes:
  - id: a
    type: agent
    prompt: hi
    tools: []
    memory: { backend: ${word} }
outputs: { y: "{{ a.text }}" }
`,
      });
      const result = await iceosc(["check", join(dir, "w.yaml")]);
      expect(result.code, `${word}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(`error ICE1004: field 'backend' must be 'memory' or 'redis', got '${word}'`);
    }
  }, 180_000);

  it("a .ice meta key is an unknown field; a model has no price", async () => {
    for (const word of WORDS) {
      const dir = writeFiles({ "m.ice": `workflow w(x: number) {\n  meta ${word} = "v"\n  output y = inputs.x\n}\n` });
      const result = await iceosc(["check", join(dir, "m.ice")]);
      expect(result.code, `${word}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(`'${word}'`);
      expect(priceOf(word, {}, undefined), word).toBeUndefined();
    }
  }, 180_000);
});
