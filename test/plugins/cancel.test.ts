// A plugin call ends with ICE_ABORTED when its node is cancelled: while it waits on the host (a
// request to a server that never answers), and when the signal was aborted before the call.
// Cancellation is driven by the server seeing the request, never by a timer.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginTools, type PluginTool } from "../../runtime/plugins/index.js";
import { compilePluginFiles } from "../../src/plugin/compile.js";
import { writeFiles } from "../helpers/cli.js";

const FETCH = `
/** GETs a URL it is given. */
export default async function (args: { url: string }): Promise<{ status: number }> {
  const response = await http.get(args.url);
  return { status: response.status };
}
`;

describe("cancelling a plugin call", { timeout: 600_000 }, () => {
  let server: Server;
  let port = 0;
  let arrived: () => void = () => undefined;
  let tool: PluginTool;

  beforeAll(async () => {
    server = createServer(() => arrived()); // never answers
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    const dir = writeFiles({ "fetcher.ts": FETCH });
    const compiled = await compilePluginFiles([join(dir, "fetcher.ts")], { cacheDir: join(dir, "cache") });
    expect(compiled.diagnostics).toEqual([]);
    const limits = { timeoutMs: 600_000 };
    tool = pluginTools([{ plugin: compiled.plugins[0]!, grant: [`http:127.0.0.1:${port}`], limits }]).fetcher!;
  }, 600_000);

  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("while it waits on the host: ICE_ABORTED", async () => {
    const controller = new AbortController();
    arrived = () => controller.abort();
    const call = tool.run({ url: `http://127.0.0.1:${port}/hang` }, { nodeId: "get", signal: controller.signal });
    await expect(call).rejects.toMatchObject({ code: "ICE_ABORTED" });
  });

  it("when the node was cancelled before the call: ICE_ABORTED, and nothing is requested", async () => {
    let requests = 0;
    arrived = () => requests++;
    const controller = new AbortController();
    controller.abort();
    const call = tool.run({ url: `http://127.0.0.1:${port}/hang` }, { nodeId: "get", signal: controller.signal });
    await expect(call).rejects.toMatchObject({ code: "ICE_ABORTED" });
    expect(requests).toBe(0);
  });
});
