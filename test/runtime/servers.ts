/**
 * Loopback HTTP servers that speak the OpenAI chat completions and Anthropic Messages wire
 * protocols, scripted per test: each request gets the next reply from a list. Every server
 * listens on 127.0.0.1 port 0 and destroys its sockets when closed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Record<string, unknown>;
  /** Set when the client closed the connection before the reply ended. */
  closedEarly: boolean;
}

/** How the server answers one request. */
export type Reply = (request: SeenRequest, res: ServerResponse) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Resolves when `n` requests have arrived. */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server answering the i-th request with `replies[i]` (the last one repeats). */
export async function startServer(replies: readonly Reply[]): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const seen: SeenRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        closedEarly: false,
      };
      res.on("close", () => {
        if (!res.writableFinished) seen.closedEarly = true;
      });
      const reply = replies[Math.min(requests.length, replies.length - 1)]!;
      requests.push(seen);
      for (const w of waiters.filter((w) => requests.length >= w.n)) w.resolve();
      void Promise.resolve(reply(seen, res)).catch(() => res.destroy());
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    arrived: (n) => (requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
}

/** Server-sent events, each `[event name or undefined, data]`; `cutAfter` destroys the socket after that many events. */
export function sse(
  events: readonly (readonly [string | undefined, unknown])[],
  options: { cutAfter?: number; delayMs?: number } = {},
): Reply {
  return async (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (let i = 0; i < events.length; i++) {
      if (options.cutAfter !== undefined && i >= options.cutAfter) {
        // let what was written reach the client, then cut the connection without ending the response
        await new Promise((r) => setTimeout(r, 50));
        res.socket?.destroy();
        return;
      }
      const [name, data] = events[i]!;
      res.write(`${name ? `event: ${name}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    }
    res.end();
  };
}

/** Waits `ms` before answering with `then` (or never answers when `then` is omitted); stops waiting when the client goes away. */
export function slow(ms: number, then?: Reply): Reply {
  return (req, res) =>
    new Promise<void>((resolve) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.flushHeaders();
      const timer = setTimeout(() => {
        if (then && !res.destroyed) void Promise.resolve(then(req, res)).then(resolve);
        else {
          res.end();
          resolve();
        }
      }, ms);
      res.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
}

/** Holds the request open without sending headers, until the client goes away or `ms` pass. */
export function hang(ms: number): Reply {
  return (_req, res) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        res.writeHead(500).end();
        resolve();
      }, ms);
      res.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
}

// ---- OpenAI chat completions ----

export function openAiText(text: string, usage = { prompt_tokens: 11, completion_tokens: 7 }): Reply {
  return json(200, {
    id: "chatcmpl-1",
    object: "chat.completion",
    model: "gpt-test",
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });
}

export function openAiChunks(pieces: readonly string[], options: { cutAfter?: number; usage?: boolean } = {}): Reply {
  const chunk = (delta: object, finish: string | null = null): [undefined, unknown] => [
    undefined,
    {
      id: "c",
      object: "chat.completion.chunk",
      model: "gpt-test",
      choices: [{ index: 0, delta, finish_reason: finish }],
    },
  ];
  return sse(
    [
      chunk({ role: "assistant", content: "" }),
      ...pieces.map((p) => chunk({ content: p })),
      chunk({}, "stop"),
      ...(options.usage === false
        ? []
        : [
            [
              undefined,
              {
                id: "c",
                object: "chat.completion.chunk",
                model: "gpt-test",
                choices: [],
                usage: { prompt_tokens: 20, completion_tokens: pieces.length, total_tokens: 20 + pieces.length },
              },
            ] as [undefined, unknown],
          ]),
      [undefined, "[DONE]"],
    ],
    options.cutAfter !== undefined ? { cutAfter: options.cutAfter } : {},
  );
}

/** A streamed tool call, its arguments split in two fragments. */
export function openAiToolCall(id: string, name: string, args: object): Reply {
  const text = JSON.stringify(args);
  const half = Math.floor(text.length / 2);
  const chunk = (delta: object, finish: string | null = null): [undefined, unknown] => [
    undefined,
    {
      id: "c",
      object: "chat.completion.chunk",
      model: "gpt-test",
      choices: [{ index: 0, delta, finish_reason: finish }],
    },
  ];
  return sse([
    chunk({
      role: "assistant",
      content: null,
      tool_calls: [{ index: 0, id, type: "function", function: { name, arguments: "" } }],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: text.slice(0, half) } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: text.slice(half) } }] }),
    chunk({}, "tool_calls"),
    [undefined, "[DONE]"],
  ]);
}

// ---- Anthropic Messages ----

export function anthropicText(text: string): Reply {
  return json(200, {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "claude-test",
    content: [{ type: "text", text }],
    stop_reason: "end_turn",
    usage: { input_tokens: 13, output_tokens: 5 },
  });
}

export function anthropicStream(
  blocks: readonly ({ text: string } | { tool: string; id: string; input: object })[],
  options: { cutAfter?: number; stopReason?: string } = {},
): Reply {
  const events: [string, unknown][] = [
    [
      "message_start",
      {
        type: "message_start",
        message: {
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: "claude-test",
          content: [],
          stop_reason: null,
          usage: { input_tokens: 30, output_tokens: 1 },
        },
      },
    ],
  ];
  blocks.forEach((block, index) => {
    if ("text" in block) {
      events.push([
        "content_block_start",
        { type: "content_block_start", index, content_block: { type: "text", text: "" } },
      ]);
      for (const word of block.text.split(/(?<= )/))
        events.push([
          "content_block_delta",
          { type: "content_block_delta", index, delta: { type: "text_delta", text: word } },
        ]);
    } else {
      events.push([
        "content_block_start",
        {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: block.id, name: block.tool, input: {} },
        },
      ]);
      const json = JSON.stringify(block.input);
      events.push([
        "content_block_delta",
        { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: json.slice(0, 5) } },
      ]);
      events.push([
        "content_block_delta",
        { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: json.slice(5) } },
      ]);
    }
    events.push(["content_block_stop", { type: "content_block_stop", index }]);
  });
  const stop = options.stopReason ?? (blocks.some((b) => "tool" in b) ? "tool_use" : "end_turn");
  events.push([
    "message_delta",
    { type: "message_delta", delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 9 } },
  ]);
  events.push(["message_stop", { type: "message_stop" }]);
  return sse(events, options.cutAfter !== undefined ? { cutAfter: options.cutAfter } : {});
}
