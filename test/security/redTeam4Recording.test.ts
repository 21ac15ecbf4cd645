/**
 * @fileoverview Red team 4: hostile recordings given to `iceosc run --replay` (README "Record and
 * replay"). A recording is a file that may come from someone else. Before, a malformed call inside
 * one failed the run only when matched, and with JavaScript's words: `calls: [null]` gave
 * "Cannot read properties of null (reading 'kind')", arguments nested 300,000 deep "Maximum call
 * stack size exceeded". Now the recording is checked when it is read: a usage error (exit 2)
 * naming the call and what is wrong, before anything runs; a well-formed recording replays.
 */
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../helpers/cli.js";

const FLOW = `name: rec
input_schema: { q: string }
tools:
  lookup: { input_schema: { q: string } }
nodes:
  - id: t
    type: tool
    tool_name: lookup
    tool_args: { q: "{{ inputs.q }}" }
outputs: { a: "{{ t }}" }
`;

const recording = (calls: string): string => `{"format":"iceosc-recording","version":1,"calls":${calls}}`;
const GOOD = '{"kind":"tool","nodeId":"t","tool":"lookup","args":{"q":"x"},"result":{"v":1}}';

describe("iceosc run --replay with a hostile recording", () => {
  it("refuses each malformed recording when reading it, naming the call; a good one replays", async () => {
    const dir = writeFiles({ "rec.yaml": FLOW });
    const deep = `${"[".repeat(300_000)}0${"]".repeat(300_000)}`;
    const hostile: [string, string][] = [
      [recording(`[null, ${GOOD}]`), "calls[0] is not an object"],
      [
        recording(`[{"kind":"tool","nodeId":"t","tool":"lookup","args":${deep}}, ${GOOD}]`),
        "calls[0] is nested more than 256 levels deep",
      ],
      [
        recording(`[{"kind":"llm","nodeId":"ask","request":null,"tokens":5,"response":{"text":"x"}}, ${GOOD}]`),
        "calls[0].tokens",
      ],
      [recording(`[{"kind":"tool","nodeId":"t","tool":"lookup","args":{"q":"x"},"error":"boom"}]`), "calls[0].error"],
      [recording(`[{"kind":"shell","nodeId":"t"}]`), "calls[0].kind"],
      [recording(`[${GOOD}, {"kind":"tool","nodeId":7,"tool":"lookup"}]`), "calls[1].nodeId"],
    ];
    for (const [i, [text, problem]] of hostile.entries()) {
      const file = join(dir, `r${i}.json`);
      writeFileSync(file, text);
      const result = await iceosc(["run", join(dir, "rec.yaml"), "--input", '{"q":"x"}', "--replay", file]);
      expect(result.code, text.slice(0, 80)).toBe(2);
      expect(result.stderr).toContain(`cannot read recording '${file}': ${problem}`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const good = join(dir, "good.json");
    writeFileSync(good, recording(`[${GOOD}]`));
    const replayed = await iceosc(["run", join(dir, "rec.yaml"), "--input", '{"q":"x"}', "--replay", good]);
    expect(replayed.stderr).toBe("");
    expect(JSON.parse(replayed.stdout)).toEqual({ a: { v: 1 } });
  }, 120_000);
});
