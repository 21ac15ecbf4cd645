/**
 * @fileoverview What an operator grants a plugin (README "Plugins"), in one syntax for the CLI and
 * for apps: `--grant <plugin>=<capability>,...` (repeatable; `options.plugins[].grant` takes the
 * list). Capabilities: `http:<host>` (a host as `--allow-host` takes it: `api.example.com`,
 * `*.example.com`, `127.0.0.1:8080`; repeat for more hosts), `kv`, `log`, `time`, `random`.
 * Nothing is granted by default.
 */
import { PLUGIN_CAPABILITIES } from "./abi.js";

/** The capabilities of one plugin. */
export interface PluginGrants {
  /** Hosts `http` may reach (none: `http` is not granted). */
  readonly hosts: readonly string[];
  readonly kv: boolean;
  readonly log: boolean;
  readonly time: boolean;
  readonly random: boolean;
}

export const NO_GRANTS: PluginGrants = { hosts: [], kv: false, log: false, time: false, random: false };

/** Parses a list of capabilities; throws a RangeError naming the bad one. */
export function parseGrants(items: readonly string[], base: PluginGrants = NO_GRANTS): PluginGrants {
  const hosts = [...base.hosts];
  const flags = { kv: base.kv, log: base.log, time: base.time, random: base.random };
  for (const raw of items) {
    const item = raw.trim();
    if (item === "") continue;
    if (item === "http" || item.startsWith("http:")) {
      const host = item.slice("http:".length);
      if (item === "http" || host === "" || /[\s/]/.test(host))
        throw new RangeError(
          `capability 'http' needs a host: http:<host> (api.example.com, *.example.com, 127.0.0.1:8080), got '${item}'`,
        );
      hosts.push(host);
    } else if (item === "kv" || item === "log" || item === "time" || item === "random") flags[item] = true;
    else
      throw new RangeError(
        `unknown plugin capability '${item}' (capabilities: ${PLUGIN_CAPABILITIES.map((c) => (c === "http" ? "http:<host>" : c)).join(", ")})`,
      );
  }
  return { hosts, ...flags };
}

/** `<plugin>=<capability>,...` (one `--grant` value). */
export function parseGrantFlag(text: string): { plugin: string; items: string[] } {
  const at = text.indexOf("=");
  const plugin = at < 0 ? "" : text.slice(0, at).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(plugin))
    throw new RangeError(`--grant takes <plugin>=<capability>,... (e.g. slugify=kv,log), got '${text}'`);
  const items = text.slice(at + 1).split(",");
  parseGrants(items);
  return { plugin, items };
}

/** The grants in words, for messages: `http:api.example.com, kv`. */
export function describeGrants(grants: PluginGrants): string {
  const parts = [
    ...grants.hosts.map((h) => `http:${h}`),
    ...(["kv", "log", "time", "random"] as const).filter((c) => grants[c]),
  ];
  return parts.length > 0 ? parts.join(", ") : "nothing";
}
