/**
 * @fileoverview What both HTTP providers share: settings from provider options, `llm_config` and
 * the environment; the per-request timeout signal; turning SDK and socket errors into `IceError`s
 * with stable codes; and judging which failures a retry can fix.
 */
import { setMaxListeners } from "node:events";
import { IceError, PolicyDeniedError, ProviderRequestError, TimeoutError, messageOf } from "../errors.js";
import { hostAllowed } from "../policy/hosts.js";
import { DEFAULT_POLICY } from "../policy/policy.js";
import type { LlmRequest, LlmResponse } from "../options.js";
import {
  abortReason,
  DEFAULT_RETRY,
  retryAfterMs,
  withRetries,
  type ProviderRetrySettings,
  type RetryVerdict,
} from "./retry.js";

/** Options of `openAiProvider`/`anthropicProvider` (each falls back to `llm_config`, then the environment). */
export interface ProviderOptions {
  /** API key (default: `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`). */
  readonly apiKey?: string;
  /** Base URL (default: `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL`, then the vendor's); `llm_config.base_url` wins. */
  readonly baseURL?: string;
  /** Model used when a node names none (default: `OPENAI_MODEL` / `ANTHROPIC_MODEL`, then a small current model). */
  readonly model?: string;
  /** Retries of one request on 408/409/429/5xx and refused connections (default 2; `llm_config.max_retries`). */
  readonly maxRetries?: number;
  /** Longest Retry-After honoured, in ms (default 60 000); a server asking for more fails the request. */
  readonly maxRetryDelayMs?: number;
  /** Wall-clock limit of one request including its streamed body, in ms (`llm_config.timeout_seconds`). */
  readonly timeoutMs?: number;
  /** Stream replies over SSE (default true; `llm_config.stream`). */
  readonly stream?: boolean;
  /** Extra HTTP headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Where keys and URLs are read from (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Settings of one request after merging options, `llm_config` and the environment. */
export interface RequestSettings {
  readonly retry: ProviderRetrySettings;
  readonly timeoutMs: number | undefined;
  readonly stream: boolean;
}

export function requestSettings(options: ProviderOptions, config: Readonly<Record<string, unknown>>): RequestSettings {
  const timeoutSeconds = numberOf(config["timeout_seconds"]);
  const maxRetries = numberOf(config["max_retries"]) ?? options.maxRetries ?? DEFAULT_RETRY.maxRetries;
  const maxDelaySeconds = numberOf(config["max_retry_delay_seconds"]);
  return {
    retry: {
      maxRetries: Math.max(0, Math.floor(maxRetries)),
      maxRetryDelayMs:
        maxDelaySeconds !== undefined
          ? maxDelaySeconds * 1000
          : (options.maxRetryDelayMs ?? DEFAULT_RETRY.maxRetryDelayMs),
    },
    timeoutMs: timeoutSeconds !== undefined ? timeoutSeconds * 1000 : options.timeoutMs,
    stream: typeof config["stream"] === "boolean" ? config["stream"] : (options.stream ?? true),
  };
}

/** A signal that aborts with the request's signal, or with `ICE_TIMEOUT` after `timeoutMs`. */
export function requestSignal(
  request: LlmRequest,
  timeoutMs: number | undefined,
): { readonly signal: AbortSignal; dispose(): void } {
  // A signal of the request's own: the SDK adds a listener per HTTP attempt (retries included).
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort(request.signal.reason);
  if (request.signal.aborted) onAbort();
  else request.signal.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(new TimeoutError(request.nodeId, timeoutMs)), timeoutMs);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      request.signal.removeEventListener("abort", onAbort);
    },
  };
}

interface HttpErrorLike {
  readonly status: number;
  readonly headers?: { get(name: string): string | null };
  readonly message?: string;
}

function httpError(error: unknown): HttpErrorLike | undefined {
  const e = error as Partial<HttpErrorLike> | null;
  return typeof e === "object" && e !== null && typeof e.status === "number" ? (e as HttpErrorLike) : undefined;
}

/** True for errors that mean the socket went away (refused, reset, closed mid-body). */
function isConnectionError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: unknown }).name;
    const code = (e as { code?: unknown }).code;
    const message = messageOf(e);
    if (name === "APIConnectionError" || name === "SocketError") return true;
    if (
      typeof code === "string" &&
      /^(ECONNRESET|ECONNREFUSED|EPIPE|ENOTFOUND|EAI_AGAIN|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)
    )
      return true;
    if (/terminated|other side closed|socket hang up|fetch failed|Connection error/i.test(message)) return true;
  }
  return false;
}

/** Which failures a retry can fix: 408/409/429/5xx (or `x-should-retry: true`) and refused connections. */
export function judge(error: unknown): RetryVerdict {
  const http = httpError(error);
  if (http) {
    const hint = http.headers?.get("x-should-retry");
    const retryable =
      hint === "true" ||
      (hint !== "false" && (http.status === 408 || http.status === 409 || http.status === 429 || http.status >= 500));
    const after = retryAfterMs(http.headers);
    return {
      retryable,
      status: http.status,
      reason: http.status === 429 ? "rate limited" : `HTTP ${http.status}`,
      ...(after !== undefined && { retryAfterMs: after }),
    };
  }
  if (error instanceof IceError) return { retryable: false, reason: error.code };
  if (isConnectionError(error)) return { retryable: true, reason: `connection failed: ${rootMessage(error)}` };
  return { retryable: false, reason: messageOf(error) };
}

/** Turns whatever a request threw into an `IceError`; `receiving` says whether the reply had started. */
export function providerError(
  nodeId: string,
  error: unknown,
  signal: AbortSignal,
  baseURL: string,
  receiving: boolean,
): IceError {
  if (signal.aborted) return abortReason(signal);
  if (error instanceof IceError) return error;
  const http = httpError(error);
  if (http) {
    const detail = `HTTP ${http.status} from ${baseURL}: ${bodyMessage(http)}`;
    if (http.status === 429) {
      const after = retryAfterMs(http.headers);
      return new ProviderRequestError(
        nodeId,
        "rate_limited",
        `rate limited (${detail})${after !== undefined ? `; server asked to wait ${Math.round(after / 1000)} s` : ""}`,
        { status: 429, cause: error },
      );
    }
    return new ProviderRequestError(nodeId, http.status === 401 || http.status === 403 ? "auth" : "http", detail, {
      status: http.status,
      cause: error,
    });
  }
  if (isConnectionError(error)) {
    return receiving
      ? new ProviderRequestError(
          nodeId,
          "stream_cut",
          `connection to ${baseURL} closed before the reply was complete (${rootMessage(error)})`,
          { cause: error },
        )
      : new ProviderRequestError(nodeId, "connection", `cannot reach ${baseURL}: ${rootMessage(error)}`, {
          cause: error,
        });
  }
  return new ProviderRequestError(nodeId, "bad_reply", `unusable reply from ${baseURL}: ${messageOf(error)}`, {
    cause: error,
  });
}

function bodyMessage(error: HttpErrorLike): string {
  const message = (error.message ?? "").replace(/^\d{3}\s*/, "").trim();
  return message || "no message";
}

function rootMessage(error: unknown): string {
  let e: unknown = error;
  while ((e as { cause?: unknown })?.cause) e = (e as { cause?: unknown }).cause;
  return messageOf(e);
}

/** Where one provider's requests go: its base URL and key, from config, options, then environment. */
export interface Endpoint {
  readonly baseURL: string;
  readonly apiKey: string | undefined;
  /** Cache key of the SDK client for this endpoint. */
  readonly key: string;
}

/** What differs between providers when resolving an endpoint. */
export interface EndpointDefaults {
  readonly name: string;
  readonly baseUrlEnv: string;
  readonly apiKeyEnv: string;
  readonly defaultBaseURL: string;
}

/** SDK clients of one provider, one per endpoint, each made on first use (the SDK is loaded then). */
export function clientsByEndpoint<C>(create: (endpoint: Endpoint) => Promise<C>): (endpoint: Endpoint) => Promise<C> {
  const clients = new Map<string, Promise<C>>();
  return (endpoint) => {
    let client = clients.get(endpoint.key);
    if (!client) {
      client = create(endpoint);
      clients.set(endpoint.key, client);
    }
    return client;
  };
}

/** A request's model: the node's, else the provider options', else the provider's variable, else its default. */
export function modelOf(request: LlmRequest, options: ProviderOptions, envVar: string, fallback: string): string {
  return request.model ?? options.model ?? stringOf((options.env ?? process.env)[envVar]) ?? fallback;
}

/**
 * Resolves `llm_config.base_url` / options / environment into an endpoint, within the operator's
 * grants (`request.grants`). The provider's own key (options.apiKey, else its key variable) goes
 * only to its configured host (options.baseURL, else its base URL variable, else the vendor's).
 * A workflow's `base_url` elsewhere must be a granted host (`--allow-host`) and gets no key but a
 * granted `api_key_env`; `api_key_env` may name only the provider's own variable or a granted one
 * (`--allow-env`). A missing key is ICE_PROVIDER_MISSING for the public endpoint; a custom base
 * URL (a local server) needs none.
 */
export function resolveEndpoint(request: LlmRequest, options: ProviderOptions, defaults: EndpointDefaults): Endpoint {
  const env = options.env ?? process.env;
  const config = request.config;
  const grants = request.grants ?? { allowHosts: [], allowEnv: [] };
  const retries = numberOf(config["max_retries"]);
  const maxRetries = grants.maxRetries ?? DEFAULT_POLICY.maxRetries;
  if (retries !== undefined && retries > maxRetries)
    throw new PolicyDeniedError(
      request.nodeId,
      `llm_config.max_retries asks for ${retries} retries, above the ceiling of ${maxRetries}; ` +
        `to allow it run with --max-retries ${retries} (options.policy.maxRetries)`,
    );
  const configured = options.baseURL ?? stringOf(env[defaults.baseUrlEnv]) ?? defaults.defaultBaseURL;
  const keyEnv = stringOf(config["api_key_env"]);
  const ownVariable = keyEnv === undefined || keyEnv === defaults.apiKeyEnv;
  if (!ownVariable && !grants.allowEnv.includes(keyEnv))
    throw new PolicyDeniedError(
      request.nodeId,
      `llm_config.api_key_env names '${keyEnv}', an environment variable the operator did not grant; ` +
        `to allow it run with --allow-env ${keyEnv} (options.policy.allowEnv)`,
    );
  const granted = ownVariable ? undefined : stringOf(env[keyEnv]);
  const asked = stringOf(config["base_url"]);
  if (asked !== undefined && !sameOrigin(asked, configured)) {
    const url = parseUrl(asked, request.nodeId);
    if (!hostAllowed(url, grants.allowHosts))
      throw new PolicyDeniedError(
        request.nodeId,
        `llm_config.base_url points at '${url.host}', a host the operator did not allow; ` +
          `to allow it run with --allow-host ${url.host} (options.policy.allowHosts)`,
      );
    // Another host: the provider's own key never goes there; a granted variable may.
    return { baseURL: asked, apiKey: granted, key: `${asked}\n${granted ?? ""}` };
  }
  const baseURL = asked ?? configured;
  const apiKey = ownVariable ? (options.apiKey ?? stringOf(env[defaults.apiKeyEnv])) : granted;
  if (!apiKey && baseURL === defaults.defaultBaseURL) {
    throw new IceError(
      "ICE_PROVIDER_MISSING",
      `no ${defaults.name} API key: set ${defaults.apiKeyEnv} (or llm_config.base_url / ${defaults.baseUrlEnv} for a local server)`,
      request.nodeId,
    );
  }
  return { baseURL, apiKey, key: `${baseURL}\n${apiKey ?? ""}` };
}

/** Same scheme, host and port (a path under the same origin is the same server). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function parseUrl(text: string, nodeId: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PolicyDeniedError(nodeId, `llm_config.base_url '${text}' is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new PolicyDeniedError(nodeId, `llm_config.base_url must be http or https, got '${url.protocol}'`);
  return url;
}

/**
 * One model request, the part both protocols share: its own signal (timeout, cancellation),
 * retries with backoff, reading the reply, and SDK/socket errors turned into IceErrors.
 * `create` sends the request; `read` turns the reply (a stream or a whole message) into a response.
 */
export async function performRequest(
  request: LlmRequest,
  baseURL: string,
  settings: RequestSettings,
  create: (signal: AbortSignal) => Promise<unknown>,
  read: (reply: unknown) => Promise<LlmResponse> | LlmResponse,
): Promise<LlmResponse> {
  const { signal, dispose } = requestSignal(request, settings.timeoutMs);
  let receiving = false;
  try {
    const reply = await withRetries(() => create(signal), settings.retry, judge, signal, request.onRetry);
    receiving = true;
    return await read(reply);
  } catch (error) {
    throw providerError(request.nodeId, error, signal, baseURL, receiving);
  } finally {
    dispose();
  }
}

/** True for a streamed reply (the SDKs return an async iterable of events). */
export function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A string from `llm_config`, if it is one. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Parses a model's tool-call arguments; a non-object keeps its raw text in `invalidArguments`. */
export function parseArguments(text: string): { arguments: Record<string, unknown>; invalidArguments?: string } {
  if (text.trim() === "") return { arguments: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return { arguments: value as Record<string, unknown> };
  } catch {
    // fall through
  }
  return { arguments: {}, invalidArguments: text };
}

/** True when every object in a JSON schema lists all its properties as required (OpenAI strict mode needs it). */
export function allRequired(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return true;
  const s = schema as { properties?: Record<string, unknown>; required?: string[]; items?: unknown };
  if (s.properties) {
    const names = Object.keys(s.properties);
    if (names.some((n) => !s.required?.includes(n))) return false;
    if (!Object.values(s.properties).every(allRequired)) return false;
  }
  if (Object.keys(s).length === 0) return false;
  return s.items === undefined || allRequired(s.items);
}
