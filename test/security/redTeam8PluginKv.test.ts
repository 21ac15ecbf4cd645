/**
 * @fileoverview Red team 8: a plugin call's kv writes outlived the call. `kv.set` went to the store
 * at once: with an operator's asynchronous store (`options.plugins[].kv`, a database) the call
 * ended with ICE_TIMEOUT while the store was still applying the write, and the write landed
 * after the timeout; with any store, a call that wrote and then timed out waiting on a request
 * (or trapped) left its write for the retry, or the next run, to find. Now a call's writes are
 * held (its own reads see them) and applied only once the call has succeeded: after a timeout, a
 * trap or a cancellation the store is as it was.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryKv, pluginTools, type KvStore, type PluginTool } from "../../runtime/plugins/index.js";
import { compilePluginFiles } from "../../src/plugin/compile.js";
import { writeFiles } from "../helpers/cli.js";

const WRITER = `
/** Writes, then waits on a request (to a server that never answers). */
export default async function (args: { url: string }): Promise<{ status: number }> {
  await kv.set("written", "yes");
  const response = await http.get(args.url);
  return { status: response.status };
}

/** Writes, deletes and reads back its own writes. */
export async function keep(args: { value: string }): Promise<{ seen: string; gone: boolean }> {
  await kv.set("kept", args.value);
  await kv.set("dropped", "x");
  const gone = await kv.delete("dropped");
  const seen = await kv.get("kept");
  return { seen: seen ?? "", gone };
}
`;

/** A store whose writes take `delayMs` to apply, like a remote database. */
class SlowKv implements KvStore {
  readonly data = new Map<string, string>();
  constructor(private readonly delayMs: number) {}
  get(key: string): string | undefined {
    return this.data.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.data.set(key, value);
  }
  async delete(key: string): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.data.delete(key);
  }
}

describe("a plugin call's kv writes land only when the call succeeds", { timeout: 600_000 }, () => {
  let server: Server;
  let port = 0;
  let plugin: Parameters<typeof pluginTools>[0][number]["plugin"];

  beforeAll(async () => {
    server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    const dir = writeFiles({ "writer.ts": WRITER });
    const compiled = await compilePluginFiles([join(dir, "writer.ts")], { cacheDir: join(dir, "cache") });
    expect(compiled.diagnostics).toEqual([]);
    plugin = compiled.plugins[0]!;
  }, 600_000);

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const tools = (kv: KvStore): Record<string, PluginTool> =>
    pluginTools([{ plugin, grant: ["kv", `http:127.0.0.1:${port}`], limits: { timeoutMs: 1_000 }, kv }]);

  for (const [label, make] of [
    ["the in-memory store", () => new MemoryKv()],
    ["an operator's slow store", () => new SlowKv(1_500)],
  ] as const) {
    it(`${label}: a call that wrote, then timed out, leaves nothing behind`, async () => {
      const store = make();
      const writer = tools(store).writer!;
      await expect(
        writer.run({ url: `http://127.0.0.1:${port}/hang` }, { nodeId: "w", signal: new AbortController().signal }),
      ).rejects.toMatchObject({
        code: "ICE_TIMEOUT",
      });
      // Past the time a write started before the timeout would have taken to land.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await store.get("written")).toBeUndefined();
    });
  }

  it("a call that succeeds applies its writes in order, and reads its own writes", async () => {
    const store = new SlowKv(5);
    await store.set("dropped", "old");
    const keep = tools(store).keep!;
    const result = await keep.run({ value: "v1" }, { nodeId: "k", signal: new AbortController().signal });
    expect(result).toMatchObject({ seen: "v1", gone: true });
    expect(store.get("kept")).toBe("v1");
    expect(store.get("dropped")).toBeUndefined();
  });
});
