/**
 * iceOS blueprints (issue 16): each fixture in the shapes of iceOS's own workflow files checks
 * with no error, converts to .ice and back to the same plan, and runs through `iceosc run` with
 * stub tools and a loopback OpenAI-protocol server, giving outputs worked out by hand from the
 * tools' and the model's scripted answers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../src/diagnostics/index.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../../src/frontend/index.js";
import { printIce, printYaml } from "../../src/print/index.js";
import { iceosc, tempDir } from "../helpers/cli.js";
import { planWithoutSpans } from "../ice/planWithoutSpans.js";
import { server } from "../runtime/harness.js";
import { openAiChunks } from "../runtime/servers.js";
import { agentsModule, FIXTURES, fixtures, lastMessage, stubTools } from "./helpers.js";

const fixture = (name: string): string => join(FIXTURES, name);

/** `iceosc run` of a fixture against `url`, with the stub tools. */
async function run(name: string, url: string, tools: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const result = await iceosc(["run", fixture(name), "--tools", tools, ...extra], {
    env: { OPENAI_BASE_URL: url, OPENAI_API_KEY: "k", ...env },
  });
  return { ...result, output: result.code === 0 ? (JSON.parse(result.stdout) as Record<string, unknown>) : undefined };
}

describe("every fixture checks and round-trips through .ice and YAML", () => {
  it.each(fixtures())("%s", async (name) => {
    const checked = await iceosc(["check", fixture(name)]);
    expect(checked.stderr).not.toMatch(/ error /);
    expect(checked.code).toBe(0);

    const parsed = parseYamlWorkflow(new SourceFile(fixture(name), readFileSync(fixture(name), "utf8")));
    expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const plan = planWithoutSpans(parsed.workflow);
    const ice = printIce(parsed.workflow!);
    const fromIce = parseIceWorkflow(new SourceFile("converted.ice", ice));
    expect(
      fromIce.diagnostics.filter((d) => d.severity === "error"),
      ice,
    ).toEqual([]);
    expect(planWithoutSpans(fromIce.workflow)).toEqual(plan);
    const yaml = printYaml(fromIce.workflow!);
    const fromYaml = parseYamlWorkflow(new SourceFile("converted.yaml", yaml));
    expect(
      fromYaml.diagnostics.filter((d) => d.severity === "error"),
      yaml,
    ).toEqual([]);
    expect(planWithoutSpans(fromYaml.workflow)).toEqual(plan);

    const converted = await iceosc(["convert", fixture(name), "--to", "ice"]);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toBe(ice);
  });
});

describe("running the fixtures", () => {
  it("answer_question: the model comes from the input or its default; .response is the reply text", async () => {
    const s = await server(openAiChunks(["Because ", "it is."]), openAiChunks(["Hi."]));
    const tools = stubTools();
    const chosen = await run("answer_question.yaml", s.url, tools.module, [
      "--input",
      '{"question":"why?","model":"m-fast"}',
    ]);
    expect(chosen.stderr).toBe("");
    expect(chosen.output).toEqual({ response: { text: "Because it is." } });
    expect(s.requests[0]!.body["model"]).toBe("m-fast");
    expect(s.requests[0]!.body["temperature"]).toBe(0.1);
    expect(lastMessage(s.requests[0]!)).toBe("Answer in a friendly tone.\nQuestion: why?\n");

    const defaulted = await run("answer_question.yaml", s.url, tools.module, [
      "--input",
      '{"question":"hello","tone":"dry"}',
    ]);
    expect(defaulted.output).toEqual({ response: { text: "Hi." } });
    expect(s.requests[1]!.body["model"]).toBe("gpt-4o-mini");
    expect(lastMessage(s.requests[1]!)).toContain("Answer in a dry tone.");
  });

  it("answer_question: a required input from inputs.required must be given", async () => {
    const s = await server(openAiChunks(["x"]));
    const result = await run("answer_question.yaml", s.url, stubTools().module, ["--input", "{}"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_INPUT_INVALID");
    expect(result.stderr).toContain("question");
    expect(s.requests).toHaveLength(0);
  });

  it("research_agent: a tool, then an agent that reads its output; | default gives the model", async () => {
    const s = await server(openAiChunks(["Cats sleep a lot."]));
    const tools = stubTools();
    const result = await run("research_agent.yaml", s.url, tools.module, ["--input", '{"topic":"cats"}']);
    expect(result.stderr).toBe("");
    expect(result.output).toEqual({ response: { text: "Cats sleep a lot." }, sources: ["cats-1", "cats-2", "cats-3"] });
    expect(tools.calls()).toEqual([{ name: "web_lookup", args: { query: "cats", limit: 3 } }]);
    expect(s.requests[0]!.body["model"]).toBe("gpt-4o");
    expect(lastMessage(s.requests[0]!)).toContain('Results: ["cats-1","cats-2","cats-3"]');
    const offered = (s.requests[0]!.body["tools"] as { function: { name: string } }[]).map((t) => t.function.name);
    expect(offered).toEqual(["web_lookup", "fetch_page"]);
  });

  it("research_agent: an agent tool the operator did not supply is left out, with a warning", async () => {
    const s = await server(openAiChunks(["Done without it."]));
    const tools = join(tempDir("iceos-partial-"), "tools.mjs");
    writeFileSync(tools, "export default { web_lookup: async ({ query }) => ({ hits: [query] }) };\n");
    const result = await run("research_agent.yaml", s.url, tools, ["--input", '{"topic":"owls"}']);
    expect(result.stderr).toContain("warning: node 'agent': tool 'fetch_page' was not supplied");
    expect(result.output).toEqual({ response: { text: "Done without it." }, sources: ["owls"] });
    const offered = (s.requests[0]!.body["tools"] as { function: { name: string } }[]).map((t) => t.function.name);
    expect(offered).toEqual(["web_lookup"]);
  });

  it("notes_chat: an undeclared input read with a default takes the given value, else the default", async () => {
    const s = await server(openAiChunks(["Noted."]));
    const tools = stubTools();
    const given = await run("notes_chat.yaml", s.url, tools.module, ["--input", '{"query":"q1","session_id":"s9"}']);
    expect(given.output).toEqual({ response: { text: "Noted." }, saved: true });
    const defaulted = await run("notes_chat.yaml", s.url, tools.module, ["--input", '{"query":"q2","top_k":2}']);
    expect(defaulted.output).toEqual({ response: { text: "Noted." }, saved: true });
    const calls = tools.calls();
    expect(calls.filter((c) => c.name === "recent_turns").map((c) => c.args)).toEqual([
      { session_id: "s9", limit: 5 },
      { session_id: "default_session", limit: 2 },
    ]);
    expect(calls.filter((c) => c.name === "save_turn").map((c) => c.args)).toEqual([
      { key: "turn:s9:q1", content: "Noted." },
      { key: "turn:default_session:q2", content: "Noted." },
    ]);
  });

  it("listing_batch: env is refused without --allow-env, naming the variable and the flag", async () => {
    const tools = stubTools();
    const result = await run("listing_batch.yaml", "http://127.0.0.1:9", tools.module, [], {
      SHEET_PATH: "/data/rows.csv",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_POLICY_DENIED");
    expect(result.stderr).toContain("SHEET_PATH");
    expect(result.stderr).toContain("--allow-env SHEET_PATH");
    expect(tools.calls()).toEqual([]);
  });

  it("listing_batch: with --allow-env, body_nodes run per row and the list output returns the node", async () => {
    const tools = stubTools();
    const allow = ["--allow-env", "SHEET_PATH", "--allow-env", "LISTING_TEST_MODE"];
    const result = await run("listing_batch.yaml", "http://127.0.0.1:9", tools.module, allow, {
      SHEET_PATH: "/data/rows.csv",
      LISTING_TEST_MODE: "",
    });
    expect(result.stderr).toBe("");
    expect(result.output).toEqual({ total: { count: 2, ids: ["lamp-12", "desk-80"] } });
    const calls = tools.calls();
    expect(calls[0]).toEqual({ name: "sheet_loader", args: { path: "/data/rows.csv", delimiter: "," } });
    // An empty variable is a value; an unset one takes the default.
    expect(calls.filter((c) => c.name === "publish_listing").map((c) => c.args["test_mode"])).toEqual(["", ""]);

    const unset = stubTools();
    await run("listing_batch.yaml", "http://127.0.0.1:9", unset.module, allow, {
      SHEET_PATH: "/data/rows.csv",
      LISTING_TEST_MODE: undefined,
    });
    expect(
      unset
        .calls()
        .filter((c) => c.name === "publish_listing")
        .map((c) => c.args["test_mode"]),
    ).toEqual([true, true]);
  });

  it("fan_out: parallel branches and a true_branch that name top-level nodes", async () => {
    const tools = stubTools();
    const result = await run("fan_out.yaml", "http://127.0.0.1:9", tools.module, ["--input", '{"topic":"cats"}']);
    expect(result.stderr).toContain("warning ICE1031: field 'max_concurrency' is an iceOS field with no meaning here");
    expect(result.output).toEqual({ hits: ["cats-1", "cats-2"], notes: ["note about cats"], enough: true });
    expect(
      tools
        .calls()
        .map((c) => c.name)
        .sort(),
    ).toEqual(["note_search", "save_turn", "web_lookup"]);
  });

  it("support_agent: without a registered package it runs from its prompt and warns; JSON Schema output", async () => {
    const s = await server(openAiChunks(['{"message": "Try a restart.", "reasoning": ["common fix"]}']));
    const result = await run("support_agent.yaml", s.url, stubTools().module);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("agent package 'support_agent' is not registered");
    expect(result.stderr).toContain("memory backend 'redis' is not configured");
    expect(result.output).toEqual({
      support_agent: {
        message: "Try a restart.",
        reasoning: ["common fix"],
        text: '{"message": "Try a restart.", "reasoning": ["common fix"]}',
      },
    });
    expect(lastMessage(s.requests[0]!)).toContain("You are a support agent.");
  });

  it("support_agent: a package registered with --agents runs instead of the model", async () => {
    const s = await server(openAiChunks(["unused"]));
    const agents = agentsModule(
      `{ support_agent: async (request) => ({ message: "from " + request.package + " via " + request.model, reasoning: [] }) }`,
    );
    const result = await run("support_agent.yaml", s.url, stubTools().module, ["--agents", agents]);
    expect(result.stderr).not.toContain("not registered");
    expect(result.output).toEqual({ support_agent: { message: "from support_agent via gpt-4o", reasoning: [] } });
    expect(s.requests).toHaveLength(0);
  });

  it("negotiate: the recursive node runs rounds until its sandboxed convergence test holds", async () => {
    const s = await server(openAiChunks(["110"]), openAiChunks(["105"]), openAiChunks(["104"]), openAiChunks(["999"]));
    const result = await run("negotiate.yaml", s.url, stubTools().module, ["--trace"]);
    expect(result.code).toBe(0);
    expect(result.output).toEqual({ opening: { offer: 100 }, haggle: { text: "104", rounds: 3, converged: true } });
    expect(s.requests).toHaveLength(3);
    expect(lastMessage(s.requests[0]!)).toBe('opening: {"offer":100}');
    expect(lastMessage(s.requests[1]!)).toMatch(/^Round 2 of at most 5/);
    // Rounds continue one conversation: round 3 sees both earlier answers.
    const third = (s.requests[2]!.body["messages"] as { role: string; content: string }[]).map((m) => m.content);
    expect(third).toEqual(expect.arrayContaining(["110", "105"]));
    expect(result.stderr).toContain("round     haggle #3: converged");
    expect(result.stderr).toMatch(/done {6}haggle in .* fuel \d+/);
  });

  it("negotiate: a registered agent package gets each round and the last output", async () => {
    const agents = agentsModule(
      `{ "demo_agents.negotiator": async ({ round }) => ({ text: "offer " + (100 - round.iteration) + " after " + (round.last ? round.last.text : "nothing") }) }`,
    );
    const result = await run("negotiate.yaml", "http://127.0.0.1:9", stubTools().module, ["--agents", agents]);
    expect(result.stderr).toBe("");
    expect(result.output).toEqual({
      opening: { offer: 100 },
      haggle: { text: "offer 97 after offer 98 after offer 99 after nothing", rounds: 3, converged: true },
    });
  });
});
