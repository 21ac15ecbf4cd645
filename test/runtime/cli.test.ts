/**
 * `iceosc run` with llm and agent nodes: live against a loopback OpenAI-compatible server from the
 * environment (recording the run), then offline with --replay; the document-assistant example
 * from its committed recording.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, ROOT, tempDir, writeFiles } from "../helpers/cli.js";
import { server } from "./harness.js";
import { openAiChunks, openAiText } from "./servers.js";
const workflow = `
name: summarize
input_schema: { text: string }
nodes:
  - id: summary
    type: llm
    model: gpt-test
    prompt: "Summarize: {{ inputs.text }}"
  - id: verdict
    type: llm
    model: gpt-test
    llm_config: { stream: false }
    prompt: "Rate: {{ summary.text }}"
    output_schema: { score: integer }
outputs: { summary: "{{ summary.text }}", score: "{{ verdict.score }}" }
`;

describe("iceosc run with models", () => {
  it("runs live against OPENAI_BASE_URL with --trace and --record, then replays offline", async () => {
    const s = await server(openAiChunks(["Short ", "summary."]), openAiText('{"score": 4}'));
    const dir = writeFiles({ "summarize.yaml": workflow });
    const recording = join(tempDir(), "rec.json");
    const live = await iceosc(
      ["run", join(dir, "summarize.yaml"), "--input", '{"text":"long text"}', "--trace", "--record", recording],
      { env: { OPENAI_BASE_URL: s.url, OPENAI_API_KEY: "k" } },
    );
    expect({ code: live.code, stderr: live.stderr }).toMatchObject({ code: 0 });
    expect(live.stderr).toContain("stream    summary: first token");
    expect(live.stderr).toMatch(/finished {2}summarize in .* 31 tokens in \/ 9 out/);
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout)).toEqual({ summary: "Short summary.", score: 4 });
    expect(existsSync(recording)).toBe(true);
    await s.close();

    const offline = await iceosc(
      ["run", join(dir, "summarize.yaml"), "--input", '{"text":"long text"}', "--replay", recording],
      { env: { OPENAI_BASE_URL: "", OPENAI_API_KEY: "" } },
    );
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toEqual({ summary: "Short summary.", score: 4 });
  });

  it("runs the document-assistant example offline from its recording", async () => {
    const result = await iceosc(
      [
        "run",
        "examples/document_assistant.yaml",
        "--input",
        "@examples/inputs/document_assistant.json",
        "--replay",
        "examples/recordings/document_assistant.json",
      ],
      { env: { OPENAI_API_KEY: "", OPENAI_BASE_URL: "" } },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { answer: string; topic: string; indexed_chunks: number };
    expect(output.topic).toBe("refunds and returns");
    expect(output.answer).toContain("within 5 business days");
    expect(output.indexed_chunks).toBeGreaterThan(0);
    const recording = JSON.parse(readFileSync(join(ROOT, "examples/recordings/document_assistant.json"), "utf8")) as {
      calls: { kind: string; tool?: string }[];
    };
    expect(recording.calls.map((c) => c.tool ?? c.kind)).toEqual(
      expect.arrayContaining(["parse_document", "chunk_text", "index_documents", "search_documents", "llm"]),
    );
  });
});
