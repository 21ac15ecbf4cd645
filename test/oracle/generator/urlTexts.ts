/**
 * @fileoverview Generated strings made through URLSearchParams and URL (the host's own parser and
 * serializer, support/url.ts and support/urlSearchParams.ts): a query string parsed and written
 * back, read by name, its keys; params from an object literal and from pairs; a URL resolved
 * against a base and one of its parts; URL.canParse. Any generated text may be the input, so the
 * awkward cases (unicode, `%`, `+`, `=`, spaces, JSON text) come by themselves.
 */
import { type Expr, expr, type Ty } from "./ast.js";
import type { Random } from "./random.js";

/** A string computed through URLSearchParams or URL from generated strings and arrays. */
export function urlText(r: Random, sub: (ty: Ty) => Expr): Expr {
  const part = r.pick(["href", "pathname", "search", "hash", "host"]);
  return r.pick([
    () => expr("str", ["new URLSearchParams(", ").toString()"], [sub("str")]),
    () => expr("str", ["(new URLSearchParams(", ").get(", ') ?? "null")'], [sub("str"), sub("str")]),
    () => expr("str", ["[...new URLSearchParams(", ").keys()].join()"], [sub("str")]),
    () => expr("str", ["String(new URLSearchParams({ a: ", ", b: ", " }))"], [sub("str"), sub("str")]),
    () =>
      expr(
        "str",
        ["`${new URLSearchParams(", ".map((z, zi) => [String(z), String(zi)] as [string, string]))}`"],
        [sub(r.pick<Ty>(["nums", "strs"]))],
      ),
    () => expr("str", ["new URL(", `, "http://h.example/a/b?c#d").${part}`], [sub("str")]),
    () => expr("str", ["(URL.canParse(", ') ? "url" : "text")'], [sub("str")]),
  ])();
}
