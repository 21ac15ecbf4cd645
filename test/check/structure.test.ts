import { describe, expect, it } from "vitest";
import { expectErrors, expectValid, position, spanText } from "./harness.js";

describe("noDuplicateIds (ICE2001)", () => {
  it("reports a second node with the same id, at any depth", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: a, type: llm, prompt: hi }
        - id: l
          type: loop
          items_source: [1, 2]
          body:
            - { id: a, type: llm, prompt: hi }
      `,
      ["ICE2001"],
    );
    expect(position(d!)).toBe("7:15");
    expect(d!.notes[0]!.message).toContain("first defined here");
  });
  it("accepts distinct ids", () => {
    expectValid(`
      nodes:
        - { id: a, type: llm, prompt: hi }
        - { id: b, type: llm, prompt: hi }
    `);
  });
});

describe("knownDependencies (ICE2004)", () => {
  it("reports unknown dependencies with a suggestion", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: fetch, type: tool, tool_name: http }
        - { id: b, type: llm, prompt: hi, dependencies: [fetsh] }
      `,
      ["ICE2004"],
    );
    expect(d!.message).toBe("dependency on unknown node 'fetsh'; did you mean 'fetch'?");
    expect(spanText(d!)).toBe("fetsh");
  });
});

describe("knownBranchTargets (ICE2010)", () => {
  it("reports branch ids that name no node", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: c, type: condition, expression: "1 > 0", true_path: [yes_node], false_path: [] }
        - { id: yes, type: llm, prompt: hi }
      `,
      ["ICE2010"],
    );
    expect(d!.message).toBe("true_path of 'c' names unknown node 'yes_node'");
  });
});

describe("singleBranchOwner (ICE2019)", () => {
  it("reports a node on the branches of two conditions", () => {
    expectErrors(
      `
      nodes:
        - { id: c1, type: condition, expression: "true", true_path: [x] }
        - { id: c2, type: condition, expression: "false", false_path: [x] }
        - { id: x, type: llm, prompt: hi }
      `,
      ["ICE2019"],
    );
  });
});

describe("noCycles (ICE2005)", () => {
  it("reports a cycle once, naming its path at the first node", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: a, type: llm, prompt: "{{ c.text }}" }
        - { id: b, type: llm, prompt: "{{ a.text }}" }
        - { id: c, type: llm, prompt: "x", dependencies: [b] }
      `,
      ["ICE2005"],
    );
    expect(d!.message).toBe("dependency cycle: a -> c -> b -> a");
    expect(position(d!)).toBe("2:11");
  });
  it("reports a node depending on itself", () => {
    const [d] = expectErrors(
      `
      nodes:
        - { id: a, type: llm, prompt: "x", dependencies: [a] }
    `,
      ["ICE2005"],
    );
    expect(d!.message).toBe("dependency cycle: a -> a");
  });
  it("sees cycles through loop bodies", () => {
    expectErrors(
      `
      nodes:
        - id: l
          type: loop
          items_source: [1]
          body:
            - { id: inner, type: llm, prompt: "{{ after.text }}" }
        - { id: after, type: llm, prompt: "{{ l.results }}" }
      `,
      ["ICE2005"],
    );
  });
});
