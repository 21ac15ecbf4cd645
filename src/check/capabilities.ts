/**
 * @fileoverview The capabilities a code node may be granted with `imports`. The checker rejects
 * others (ICE2012); the sandbox compiler links exactly these host modules and nothing else.
 */

/** Capability names, in the order diagnostics list them. */
export const KNOWN_CAPABILITIES = ["math", "json", "log", "time", "random"] as const;

export type CapabilityName = (typeof KNOWN_CAPABILITIES)[number];

export function isCapabilityName(name: string): name is CapabilityName {
  return (KNOWN_CAPABILITIES as readonly string[]).includes(name);
}
