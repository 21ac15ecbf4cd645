/**
 * @fileoverview `http_request`: one HTTP request with `fetch`, only to hosts the run allows
 * (`allowedHosts`: `example.com`, `*.example.com`, `host:port`), cancelled with the node.
 */
import { CapabilityDeniedError } from "../errors.js";
import type { ToolContext } from "../options.js";
import { hostAllowed } from "../policy/hosts.js";
import { numberArg, stringArg, optionalString, type Args } from "./args.js";

export { hostAllowed } from "../policy/hosts.js";

/** Largest response body kept, in bytes. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface HttpResult {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly json?: unknown;
}

export async function httpRequestTool(
  allowedHosts: readonly string[],
  args: Args,
  context: ToolContext,
): Promise<HttpResult> {
  const url = new URL(stringArg(args, "url"));
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`only http and https URLs are allowed, got '${url.protocol}'`);
  if (!hostAllowed(url, allowedHosts)) {
    throw new CapabilityDeniedError(
      context.nodeId,
      `http_request to '${url.host}' is not allowed (allowed hosts: ${allowedHosts.length > 0 ? allowedHosts.join(", ") : "none"}); to allow it run with --allow-host ${url.host} (options.policy.allowHosts)`,
    );
  }
  const method = (optionalString(args, "method") ?? "GET").toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries((args["headers"] as Record<string, unknown> | undefined) ?? {}))
    headers.set(name, String(value));
  let body: string | undefined;
  if (args["json"] !== undefined) {
    body = JSON.stringify(args["json"]);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  } else if (args["body"] !== undefined)
    body = typeof args["body"] === "string" ? args["body"] : JSON.stringify(args["body"]);
  const timeoutMs = numberArg(args, "timeout_seconds", 30) * 1000;
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
  const response = await fetch(url, {
    method,
    headers,
    ...(body !== undefined && { body }),
    signal,
    redirect: "manual",
  });
  const text = await readText(response);
  const result: HttpResult = {
    status: response.status,
    ok: response.ok,
    headers: Object.fromEntries(response.headers),
    text,
  };
  if ((response.headers.get("content-type") ?? "").includes("json")) {
    try {
      return { ...result, json: JSON.parse(text) as unknown };
    } catch {
      return result;
    }
  }
  return result;
}

async function readText(response: Response): Promise<string> {
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new Error(`response body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
