/**
 * @fileoverview `iceosc/runtime`: what generated workflow modules import, and what apps that run
 * them use (options, events, error classes).
 */
export { Run, type WorkflowRunner } from "./run.js";
export { preloadSandboxes } from "./sandboxes.js";
export type { StepExecutor } from "./executor.js";
export {
  runDurable,
  startWorker,
  enqueue,
  status,
  type DatabaseSettings,
  type DurableRunOptions,
  type RunStatus,
  type Worker,
  type WorkerSettings,
} from "./durable/index.js";
export * from "./errors.js";
export type {
  AgentImplementation,
  AgentMemory,
  AgentRequest,
  BuiltinToolOptions,
  ChatMessage,
  EmbeddingsOptions,
  FailurePolicy,
  LlmProvider,
  LlmRequest,
  LlmResponse,
  ModelPrice,
  ProviderRetry,
  RetryPolicy,
  RunEvent,
  RunOptions,
  TokenUsage,
  ToolCall,
  ToolContext,
  ToolFunction,
  ToolSpec,
} from "./options.js";
export { InMemoryAgentMemory } from "./llm.js";
export {
  DEFAULT_POLICY,
  checkPlanAgainstPolicy,
  resolvePolicy,
  type OperatorPolicy,
  type Policy,
} from "./policy/index.js";
export {
  anthropicProvider,
  defaultProvider,
  openAiProvider,
  LIST_PRICES,
  costOf,
  priceOf,
  type DefaultProviderOptions,
  type ProviderOptions,
} from "./providers/index.js";
export {
  builtinTools,
  builtinToolFunctions,
  parseDocument,
  splitText,
  hostAllowed,
  VectorStore,
  type BuiltinTool,
  type ParsedDocument,
} from "./tools/index.js";
export {
  pluginTools,
  readPluginArtifact,
  pluginFiles,
  parseGrants,
  FolderKv,
  MemoryKv,
  KV_LIMITS,
  PLUGIN_FORMAT,
  type KvStore,
  type PluginArtifact,
  type PluginRegistration,
  type PluginTool,
} from "./plugins/index.js";
export { Recorder, Replayer, RECORDING_FORMAT, type RecordedCall, type Recording } from "./recording/index.js";
export type { NodeManifest, SandboxManifest, WorkflowManifest } from "./manifest.js";
export {
  TRUST_PROFILES,
  DEFAULT_TRUST_PROFILE,
  type SandboxLimits,
  type TrustProfile,
  type TrustProfileName,
} from "./profiles.js";
export { validateValue, formatType, type ObjectType, type SchemaField, type SchemaType } from "./schema.js";
export { toJsonSchema } from "./jsonSchema.js";
export { SandboxProgram, type SandboxHooks, type SandboxResult, type SandboxSpec } from "./sandbox/index.js";
export { RedisAgentMemory } from "./memory/redis.js";
