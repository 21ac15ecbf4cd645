/**
 * @fileoverview `iceosc/runtime`: what generated workflow modules import, and what apps that run
 * them use (options, events, error classes).
 */
export { Run, type WorkflowRunner } from "./run.js";
export * from "./errors.js";
export type { ChatMessage, LlmProvider, LlmRequest, LlmResponse, RunEvent, RunOptions, ToolCall, ToolContext, ToolFunction, ToolSpec } from "./options.js";
export type { NodeManifest, SandboxManifest, WorkflowManifest } from "./manifest.js";
export { TRUST_PROFILES, DEFAULT_TRUST_PROFILE, type SandboxLimits, type TrustProfile, type TrustProfileName } from "./profiles.js";
export { validateValue, formatType, type ObjectType, type SchemaField, type SchemaType } from "./schema.js";
export { toJsonSchema } from "./jsonSchema.js";
export { SandboxProgram, type SandboxHooks, type SandboxResult, type SandboxSpec } from "./sandbox/index.js";
