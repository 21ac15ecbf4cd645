// Editor declarations for iceosc plugin modules (README "Plugins"): the asynchronous host
// capabilities a plugin may be granted. Reference this file from a plugin:
//   /// <reference path="node_modules/iceosc/plugin.d.ts" />
// The compiler checks plugins against its own library (src/codenode/lib/plugin.ts), which
// declares the same names.

/** What an HTTP request answered (`status` 0: it failed or its body was too large; see `text`). */
interface HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly text: string;
}

/** Capability `http:<host>`: requests to the hosts the operator granted. */
declare const http: {
  get(url: string): Promise<HttpResponse>;
  post(url: string, body: string, contentType?: string): Promise<HttpResponse>;
};

/** Capability `kv`: the plugin's own key-value store, the only state that outlives a call. */
declare const kv: {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
};
