/**
 * @fileoverview ICE2021: `trust` names a trust profile (runtime/profiles.ts).
 */
import { isTrustProfileName, TRUST_PROFILES } from "../../../runtime/profiles.js";
import { Diagnostics } from "../../diagnostics/index.js";
import type { CheckContext } from "../context.js";

export function knownTrustProfiles(context: CheckContext): void {
  for (const { node } of context.entries) {
    if (node.trust && !isTrustProfileName(node.trust.name))
      context.report(Diagnostics.UnknownTrustProfile, node.trust.span, [
        node.trust.name,
        Object.keys(TRUST_PROFILES).join(", "),
      ]);
  }
}
