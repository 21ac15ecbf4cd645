/**
 * @fileoverview Agent memory in Redis (`memory: { backend: redis }`): each conversation is a Redis
 * list of JSON messages under its key, read with LRANGE and extended with RPUSH. The client
 * speaks RESP2 over one TCP (or TLS, `rediss://`) connection, opened on first use; commands are
 * pipelined in order. No client library: these three commands are all an agent needs.
 *
 *   redis://[user:password@]host[:port][/db]
 */
import { connect as tcpConnect, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import type { AgentMemory, ChatMessage } from "../options.js";

type Reply = string | number | null | Reply[] | Error;

/** A Redis connection that stores agent conversations. Call `close()` when done. */
export class RedisAgentMemory implements AgentMemory {
  private socket: Socket | undefined;
  private ready: Promise<void> | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly url: string,
    /** Prefix of every key (default `iceosc:memory:`). */
    private readonly prefix = "iceosc:memory:",
  ) {
    new URL(url); // throws TypeError on a malformed URL, before any run
  }

  async load(key: string): Promise<readonly ChatMessage[]> {
    const reply = await this.command(["LRANGE", this.prefix + key, "0", "-1"]);
    if (!Array.isArray(reply)) throw new Error(`redis: LRANGE returned ${String(reply)}`);
    return reply.map((item) => JSON.parse(String(item)) as ChatMessage);
  }

  async append(key: string, messages: readonly ChatMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.command(["RPUSH", this.prefix + key, ...messages.map((m) => JSON.stringify(m))]);
  }

  /** Deletes a conversation. */
  async clear(key: string): Promise<void> {
    await this.command(["DEL", this.prefix + key]);
  }

  /** Closes the connection (pending commands fail). */
  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    this.ready = undefined;
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.end();
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 1000).unref();
      });
    }
  }

  private async command(args: readonly string[]): Promise<Reply> {
    await this.connect();
    const reply = await this.send(args);
    if (reply instanceof Error) throw reply;
    return reply;
  }

  private connect(): Promise<void> {
    if (this.ready) return this.ready;
    this.failure = undefined;
    const url = new URL(this.url);
    const port = Number(url.port || 6379);
    const host = url.hostname || "127.0.0.1";
    this.ready = new Promise<void>((resolve, reject) => {
      const socket =
        url.protocol === "rediss:"
          ? tlsConnect({ host, port, servername: host }, () => resolve())
          : tcpConnect({ host, port }, () => resolve());
      this.socket = socket;
      socket.setNoDelay(true);
      socket.on("data", (chunk: Buffer) => this.receive(chunk));
      socket.on("error", (error) => {
        this.failure = new Error(`redis at ${host}:${port}: ${error.message}`);
        reject(this.failure);
        this.failAll(this.failure);
      });
      socket.on("close", () => {
        this.ready = undefined;
        this.failAll(this.failure ?? new Error("redis: connection closed"));
      });
    }).then(async () => {
      const password = decodeURIComponent(url.password);
      const user = decodeURIComponent(url.username);
      if (password) await this.checked(user ? ["AUTH", user, password] : ["AUTH", password]);
      const db = url.pathname.replace(/^\//, "");
      if (db) await this.checked(["SELECT", db]);
    });
    return this.ready;
  }

  private async checked(args: readonly string[]): Promise<void> {
    const reply = await this.send(args);
    if (reply instanceof Error) throw reply;
  }

  private send(args: readonly string[]): Promise<Reply> {
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.reject(this.failure ?? new Error("redis: not connected"));
    const parts = [`*${args.length}\r\n`];
    for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
    return new Promise<Reply>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      socket.write(parts.join(""));
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const parsed = parseReply(this.buffer, 0);
      if (!parsed) return;
      this.buffer = this.buffer.subarray(parsed.end);
      this.pending.shift()?.resolve(parsed.reply);
    }
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.splice(0)) waiter.reject(error);
  }
}

/** One RESP2 reply starting at `at`, or undefined when the buffer does not hold all of it yet. */
function parseReply(buffer: Buffer, at: number): { reply: Reply; end: number } | undefined {
  const lineEnd = buffer.indexOf("\r\n", at);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[at]!);
  const line = buffer.toString("utf8", at + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case "+":
      return { reply: line, end: next };
    case "-":
      return { reply: new Error(`redis: ${line}`), end: next };
    case ":":
      return { reply: Number(line), end: next };
    case "$": {
      const length = Number(line);
      if (length < 0) return { reply: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { reply: buffer.toString("utf8", next, next + length), end: next + length + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { reply: null, end: next };
      const items: Reply[] = [];
      let end = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, end);
        if (!item) return undefined;
        items.push(item.reply);
        end = item.end;
      }
      return { reply: items, end };
    }
    default:
      return { reply: new Error(`redis: unexpected reply '${type}'`), end: next };
  }
}
