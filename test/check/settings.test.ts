import { describe, expect, it } from "vitest";
import { KNOWN_CAPABILITIES } from "../../src/check/index.js";
import { expectErrors, expectValid, spanText } from "./harness.js";

const code = (extra: string): string => `
  nodes:
    - id: c
      type: code
      code: "return { n: 1 };"
      output_schema: { n: integer }
${extra
  .split("\n")
  .map((l) => `      ${l}`)
  .join("\n")}
`;

describe("knownCapabilities (ICE2012)", () => {
  it("reports imports that are not capabilities", () => {
    const [d] = expectErrors(code("imports: [math, os]"), ["ICE2012"]);
    expect(d!.message).toBe("unknown capability 'os'; known: math, json, log, time, random");
    expect(spanText(d!)).toBe("os");
  });
  it("accepts every known capability", () => {
    expectValid(code(`imports: [${KNOWN_CAPABILITIES.join(", ")}]`));
  });
});

describe("limitsInRange (ICE2013)", () => {
  it("reports limits out of range", () => {
    const diagnostics = expectErrors(code("limits: { fuel: 10, memory_mb: 100000, timeout_ms: 5 }"), [
      "ICE2013",
      "ICE2013",
    ]);
    expect(diagnostics[0]!.message).toBe("limit 'fuel' = 10 is out of range (1000 to 1000000000000000)");
  });
});

describe("knownTrustProfiles (ICE2021)", () => {
  it("reports unknown trust profiles", () => {
    const [d] = expectErrors(code("trust: paranoid"), ["ICE2021"]);
    expect(d!.message).toBe("unknown trust profile 'paranoid'; known: strict, untrusted, trusted");
  });
  it("accepts known profiles", () => {
    expectValid(code("trust: strict"));
  });
});

describe("knownSubWorkflows (ICE2015)", () => {
  const src = `
    nodes:
      - { id: w, type: workflow, workflow_ref: sumarize, inputs: { text: hi } }
  `;
  it("reports sub-workflows the caller does not know", () => {
    const [d] = expectErrors(src, ["ICE2015"], { workflowNames: new Set(["summarize"]) });
    expect(d!.message).toBe("sub-workflow 'sumarize' not found; did you mean 'summarize'?");
  });
  it("does not check without a list of workflows", () => {
    expectValid(src);
  });
});

describe("codeHasOutputSchema (ICE2017)", () => {
  it("reports code nodes without output_schema", () => {
    expectErrors(
      `
      nodes:
        - { id: c, type: code, code: "return {};" }
      `,
      ["ICE2017"],
    );
  });
});

describe("declaredTools (ICE2011)", () => {
  it("warns about undeclared tools when the workflow declares some", () => {
    const [d] = expectErrors(
      `
      tools:
        search: { description: Web search, input_schema: { q: string }, output_schema: { hits: "string[]" } }
      nodes:
        - { id: a, type: tool, tool_name: search, tool_args: { q: x } }
        - { id: b, type: tool, tool_name: fetch }
        - { id: c, type: agent, prompt: go, tools: [search, browse] }
      `,
      ["ICE2011", "ICE2011"],
    );
    expect(d!.severity).toBe("warning");
  });
  it("says nothing when the workflow declares no tools", () => {
    expectValid(`
      nodes:
        - { id: b, type: tool, tool_name: fetch }
    `);
  });
});
