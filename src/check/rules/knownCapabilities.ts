/**
 * @fileoverview ICE2012: a code node's `imports` name known capabilities.
 */
import { Diagnostics } from "../../diagnostics/index.js";
import { isCapabilityName, KNOWN_CAPABILITIES } from "../capabilities.js";
import type { CheckContext } from "../context.js";

export function knownCapabilities(context: CheckContext): void {
  for (const { node } of context.entries) {
    if (node.kind !== "code") continue;
    for (const name of node.imports) {
      if (!isCapabilityName(name.name))
        context.report(Diagnostics.UnknownCapability, name.span, [name.name, KNOWN_CAPABILITIES.join(", ")]);
    }
  }
}
