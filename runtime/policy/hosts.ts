/**
 * @fileoverview Host grants: whether a URL's host is one the operator allowed (`--allow-host`,
 * `options.policy.allowHosts`, `builtins.allowedHosts`), by host name, `host:port`, or
 * `*.domain` for its subdomains; `*` allows every host.
 */

/** `allowedHosts` grants `url`'s host. */
export function hostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((raw) => {
    const pattern = raw.toLowerCase();
    if (pattern === "*") return true;
    if (pattern.includes(":") && !pattern.startsWith("[")) return pattern === url.host.toLowerCase();
    if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1));
    return host === pattern;
  });
}
