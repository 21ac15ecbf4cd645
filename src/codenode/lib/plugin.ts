/**
 * @fileoverview The library a plugin module is checked against on top of the code-node library
 * (README "Plugins"): `async`/`await` (a `Promise` type with nothing callable on it: a plugin
 * awaits, it never chains), and the asynchronous host capabilities `http` and `kv`. Added to a
 * program only for plugin modules (the pseudo-capability `plugin`); `log`, `time` and `random`
 * are the code-node capabilities (`console.log`, `Date.now()`, `Math.random()`).
 */

/** Declarations of the plugin library. */
export const PLUGIN_LIB = `
interface Promise<T> {
  then<R>(onfulfilled: (value: T) => R): Promise<R>;
}
interface PromiseLike<T> {
  then<R>(onfulfilled: (value: T) => R): PromiseLike<R>;
}
interface PromiseConstructorLike {
  new <T>(executor: (resolve: (value: T) => void) => void): PromiseLike<T>;
}
interface PromiseConstructor {
  readonly prototype: Promise<unknown>;
  new <T>(executor: (resolve: (value: T) => void) => void): Promise<T>;
}
declare var Promise: PromiseConstructor;

/** What an HTTP request answered. */
interface HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly text: string;
}
interface PluginHttp {
  /** GET \`url\` (a host the operator granted: --grant <plugin>=http:<host>). */
  get(url: string): Promise<HttpResponse>;
  /** POST \`body\` to \`url\` (content type application/json unless given). */
  post(url: string, body: string, contentType?: string): Promise<HttpResponse>;
}
declare var http: PluginHttp;

/** The plugin's own key-value store (--grant <plugin>=kv): the only state that outlives a call. */
interface PluginKv {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}
declare var kv: PluginKv;
`;
