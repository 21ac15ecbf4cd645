/**
 * @fileoverview What the iceOS-dialect tests share: the fixtures, a stub tools module (recording
 * the arguments each tool got, in a file the test reads back), an agents module, and a loopback
 * OpenAI-protocol server per test.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "../helpers/cli.js";
import type { SeenRequest } from "../runtime/servers.js";

export const FIXTURES = join(ROOT, "test/fixtures/iceos");

/** The fixture files, by base name. */
export function fixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
}

/** Stub tools: each returns a fixed shape computed from its arguments and logs the call. */
const TOOLS = `
import { appendFileSync } from "node:fs";
const log = (name, args) => appendFileSync(LOG_PATH, JSON.stringify({ name, args }) + "\\n");
const tool = (name, f) => async (args) => { log(name, args); return f(args); };
export default {
  web_lookup: tool("web_lookup", ({ query, limit }) => ({ hits: [query + "-1", query + "-2", query + "-3"].slice(0, limit) })),
  fetch_page: tool("fetch_page", () => ({ body: "page" })),
  recent_turns: tool("recent_turns", ({ session_id, limit }) => ({ items: [session_id + ":" + limit] })),
  note_search: tool("note_search", ({ query }) => ({ results: ["note about " + query] })),
  save_turn: tool("save_turn", () => ({ ok: true })),
  sheet_loader: tool("sheet_loader", ({ path }) => ({ rows: [{ title: "lamp", price: 12 }, { title: "desk", price: 80 }], path })),
  publish_listing: tool("publish_listing", ({ title, price }) => ({ id: title + "-" + price })),
  summarize_results: tool("summarize_results", ({ results }) => ({ count: results.length, ids: results.map((r) => r.id) })),
  draft_offer: tool("draft_offer", () => ({ offer: 100 })),
};
`;

/** A tools module in a fresh directory and the log its tools write: `calls()` reads it back. */
export function stubTools(): { module: string; calls: () => { name: string; args: Record<string, unknown> }[] } {
  const dir = tempDir("iceos-tools-");
  const log = join(dir, "calls.jsonl");
  writeFileSync(log, "");
  const module = join(dir, "tools.mjs");
  writeFileSync(module, TOOLS.replace("LOG_PATH", JSON.stringify(log)));
  return {
    module,
    calls: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as { name: string; args: Record<string, unknown> }),
  };
}

/** An agents module registering `source` (the text of its default export). */
export function agentsModule(source: string): string {
  const path = join(tempDir("iceos-agents-"), "agents.mjs");
  writeFileSync(path, `export default ${source};\n`);
  return path;
}

/** The text of the last message of a chat request. */
export function lastMessage(request: SeenRequest): string {
  const messages = request.body["messages"] as { content: string }[];
  return messages.at(-1)?.content ?? "";
}
