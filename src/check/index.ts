/**
 * @fileoverview The checker: runs every check over a workflow's plan and returns what they found,
 * in file order. The rule list is the checker's table of contents; each rule is one file under
 * `rules/`, named after what it checks.
 */
import { sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import type { Workflow } from "../plan/index.js";
import { CheckContext, type CheckOptions } from "./context.js";
import { codeHasOutputSchema } from "./rules/codeHasOutputSchema.js";
import { codeInputTypes } from "./rules/codeInputTypes.js";
import { conditionTypes } from "./rules/conditionTypes.js";
import { consistentRetries } from "./rules/consistentRetries.js";
import { declaredTools } from "./rules/declaredTools.js";
import { knownBranchTargets } from "./rules/knownBranchTargets.js";
import { knownCapabilities } from "./rules/knownCapabilities.js";
import { knownDependencies } from "./rules/knownDependencies.js";
import { knownReferences } from "./rules/knownReferences.js";
import { knownSubWorkflows } from "./rules/knownSubWorkflows.js";
import { knownTrustProfiles } from "./rules/knownTrustProfiles.js";
import { limitsInRange } from "./rules/limitsInRange.js";
import { loopItemsAreLists } from "./rules/loopItemsAreLists.js";
import { noCycles } from "./rules/noCycles.js";
import { noDuplicateIds } from "./rules/noDuplicateIds.js";
import { noLoopBodyEscapes } from "./rules/noLoopBodyEscapes.js";
import { reachableNodes } from "./rules/reachableNodes.js";
import { referencesRunOnEveryPath } from "./rules/referencesRunOnEveryPath.js";
import { singleBranchOwner } from "./rules/singleBranchOwner.js";
import { subWorkflowInputTypes } from "./rules/subWorkflowInputTypes.js";
import { toolArgumentTypes } from "./rules/toolArgumentTypes.js";

/** One check: reads the context, reports into it. */
export type CheckRule = (context: CheckContext) => void;

/** Every check, in the order they run. */
export const CHECK_RULES: readonly CheckRule[] = [
  // structure
  noDuplicateIds,
  knownDependencies,
  knownBranchTargets,
  singleBranchOwner,
  noCycles,
  reachableNodes,
  // references
  knownReferences,
  noLoopBodyEscapes,
  referencesRunOnEveryPath,
  // types
  toolArgumentTypes,
  codeInputTypes,
  subWorkflowInputTypes,
  loopItemsAreLists,
  conditionTypes,
  // node settings
  knownCapabilities,
  limitsInRange,
  consistentRetries,
  knownTrustProfiles,
  knownSubWorkflows,
  codeHasOutputSchema,
  declaredTools,
];

/** Checks a workflow; returns its diagnostics sorted by position. */
export function checkWorkflow(
  workflow: Workflow,
  context: CheckOptions = {},
  rules: readonly CheckRule[] = CHECK_RULES,
): Diagnostic[] {
  const checkContext = new CheckContext(workflow, context);
  for (const rule of rules) rule(checkContext);
  return sortDiagnostics(checkContext.diagnostics);
}

export { CheckContext, type CheckOptions, type Guard, type NodeEntry, type ReferenceSite } from "./context.js";
export { isCapabilityName, KNOWN_CAPABILITIES, type CapabilityName } from "./capabilities.js";
export { isAssignable } from "./assignable.js";
export { builtinSignatures, toolSignature, typeOfJsonSchema, type ToolSignature } from "./toolSignatures.js";
export {
  bindRoot,
  findNode,
  itemTypeOf,
  outputTypeOf,
  resolveReference,
  selectSegment,
  typeOfReference,
  typeOfValue,
  withFallback,
  type ReferenceScope,
  type ResolvedReference,
  type RootBinding,
} from "./types.js";
export { expressionType, pathTypes, type PathTyper } from "./expressionTypes.js";
export { roundTypeOracle, type PathOracle } from "./roundTypes.js";
