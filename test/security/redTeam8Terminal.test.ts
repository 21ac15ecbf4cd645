/**
 * @fileoverview Red team 8: text from outside reached the operator's terminal raw. Diagnostics
 * escape control characters (src/diagnostics/render.ts), and a code body's or plugin's messages
 * are cleaned in the sandbox, but `iceosc run` printed a failed run's error line
 * (`error ICE_TOOL_FAILED: ...`), warnings and every `--trace` line as they were: a tool whose
 * error carries a remote server's text (an API's error body: `\x1b]0;...\x07\x1b[2J`, `\r`
 * then a forged `error ...` line) cleared the screen, set the window title or hid the real
 * error. Now the CLI writes runtime text with control characters escaped (`\u001b`), as
 * diagnostics do; the error's code and node stay readable. (Tried and already stopped: a code
 * body's `throw new Error("\x1b...")`, whose message the sandbox cleans.)
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { iceosc, writeFiles } from "../helpers/cli.js";

const THROWER = `name: thrower
input_schema: { n: number }
tools:
  fetch_remote:
    input_schema: { n: number }
    output_schema: { y: number }
nodes:
  - id: first
    type: tool
    tool_name: fetch_remote
    tool_args: { n: "{{ inputs.n }}" }
    retries: 1
    retry_policy: { base_delay_ms: 1 }
outputs: { y: "{{ first.y }}" }
`;

// The remote server's error body, as a tool passes it on.
const TOOLS = `export default {
  fetch_remote: async () => { throw new Error("\\u001b]0;owned\\u0007\\u001b[2J\\u001b[31m\\rerror ICE_OK: all good\\u009b0m"); },
};
`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("runtime text reaches the terminal with control characters escaped", () => {
  it("a failed run's error line, and every --trace line", async () => {
    const dir = writeFiles({ "thrower.yaml": THROWER, "tools.mjs": TOOLS });
    for (const extra of [[], ["--trace"]]) {
      const result = await iceosc([
        "run",
        join(dir, "thrower.yaml"),
        "--tools",
        join(dir, "tools.mjs"),
        "--input",
        '{"n":1}',
        ...extra,
      ]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain("error ICE_TOOL_FAILED");
      expect(result.stderr).toContain("'first'");
      expect(result.stderr).not.toMatch(CONTROL);
      expect(result.stderr).toContain("\\u001b[2J");
    }
  }, 120_000);
});
