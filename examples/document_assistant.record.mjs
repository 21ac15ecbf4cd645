// Re-records examples/recordings/document_assistant.json without an API key: starts a scripted
// stand-in for the model on loopback (an OpenAI-compatible server that classifies by keywords,
// calls search_documents once, then answers with the best-matching sentences of the results) and
// runs the workflow with `iceosc run --record` against it. The tools run for real.
//
//   npm run build && node examples/document_assistant.record.mjs
//
// To record a real model instead: OPENAI_API_KEY=... iceosc run examples/document_assistant.yaml \
//   --input @examples/inputs/document_assistant.json --record examples/recordings/document_assistant.json
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const STOP = new Set(
  "a an and are as at be but by can do does for from has have how i if in is it its last me my of on or our so the this to until we week what when will with you your".split(
    " ",
  ),
);
const words = (text) => (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w));

function reply(body) {
  const messages = body.messages;
  const question = messages.filter((m) => m.role === "user").at(-1).content;
  if (body.response_format) {
    const refund = /refund|money back|return/i.test(question);
    return {
      content: JSON.stringify({
        topic: refund ? "refunds and returns" : "general",
        urgent: /urgent|today|asap/i.test(question),
      }),
    };
  }
  const results = messages.filter((m) => m.role === "tool").flatMap((m) => JSON.parse(m.content).results ?? []);
  if (results.length === 0)
    return {
      toolCalls: [
        {
          id: "call_search_1",
          name: "search_documents",
          arguments: JSON.stringify({ query: question.replace(/^Question \([^)]*\):\s*/, ""), top_k: 3 }),
        },
      ],
    };
  const wanted = new Set(words(question));
  const sentences = results.flatMap((r) =>
    r.text
      .replace(/\n+/g, " ")
      .split(/(?<=\.)\s+/)
      .map((s) => ({ s: s.trim(), source: r.source })),
  );
  const scored = sentences.map((x) => ({
    ...x,
    score: words(x.s).filter((w) => wanted.has(w) || wanted.has(`${w}s`) || wanted.has(w.replace(/s$/, ""))).length,
  }));
  const best = scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return { content: best.map((x) => `${x.s} [${x.source.replace(/^data\//, "")}]`).join(" ") };
}

const server = createServer((req, res) => {
  let text = "";
  req.on("data", (c) => (text += c));
  req.on("end", () => {
    const body = JSON.parse(text);
    const { content, toolCalls } = reply(body);
    const usage = {
      prompt_tokens: Math.ceil(text.length / 4),
      completion_tokens: Math.ceil((content ?? JSON.stringify(toolCalls)).length / 4),
    };
    const send = (chunk) =>
      res.write(
        `data: ${JSON.stringify({ id: "chatcmpl-local", object: "chat.completion.chunk", model: "gpt-4o-mini-2024-07-18", ...chunk })}\n\n`,
      );
    res.writeHead(200, { "content-type": "text/event-stream" });
    if (toolCalls) {
      send({
        choices: [
          {
            index: 0,
            delta: {
              role: "assistant",
              tool_calls: toolCalls.map((c, index) => ({
                index,
                id: c.id,
                type: "function",
                function: { name: c.name, arguments: c.arguments },
              })),
            },
            finish_reason: null,
          },
        ],
      });
      send({ choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] });
    } else {
      for (const piece of content.match(/\S+\s*/g))
        send({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
      send({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
    }
    send({ choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
    res.end("data: [DONE]\n\n");
  });
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  const child = spawn(
    process.execPath,
    [
      join(root, "dist/src/cli/bin.js"),
      "run",
      "examples/document_assistant.yaml",
      "--input",
      "@examples/inputs/document_assistant.json",
      "--record",
      "examples/recordings/document_assistant.json",
      "--trace",
    ],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_API_KEY: "local" },
    },
  );
  child.on("exit", (code) => {
    server.close();
    process.exitCode = code ?? 1;
  });
});
