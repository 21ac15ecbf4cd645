/**
 * @fileoverview The one catalog of diagnostic codes. Codes are stable: tools and tests match on
 * them. Ranges: ICE1xxx syntax (YAML, .ice, expressions), ICE2xxx checker, ICE3xxx sandbox
 * compilation, ICE4xxx build and CLI. Messages use `{0}`, `{1}`... placeholders.
 */

export type Severity = "error" | "warning" | "note";

/** One entry of the catalog. */
export interface DiagnosticKind {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

function kind(code: string, severity: Severity, message: string): DiagnosticKind {
  return { code, severity, message };
}

export const Diagnostics = {
  // ICE1xxx: syntax
  YamlSyntax: kind("ICE1001", "error", "{0}"),
  ExpectedMapping: kind("ICE1002", "error", "{0} must be a mapping"),
  ExpectedList: kind("ICE1003", "error", "{0} must be a list"),
  WrongFieldType: kind("ICE1004", "error", "field '{0}' must be {1}, got {2}"),
  UnknownField: kind("ICE1005", "error", "unknown field '{0}' on a {1} node{2}"),
  MissingField: kind("ICE1006", "error", "{0} node '{1}' is missing required field '{2}'"),
  UnknownNodeType: kind("ICE1007", "error", "unknown node type '{0}'{1}"),
  BadTypeSyntax: kind("ICE1008", "error", "invalid type '{0}': {1}"),
  BadTemplate: kind("ICE1009", "error", "invalid reference template: {0}"),
  ExpressionSyntax: kind("ICE1010", "error", "invalid expression: {0}"),
  BadIdentifier: kind(
    "ICE1011",
    "error",
    "'{0}' is not a valid {1}: use letters, digits and _ and start with a letter or _",
  ),
  UnknownTopLevelField: kind("ICE1012", "error", "unknown top-level field '{0}'{1}"),
  CodeSyntax: kind("ICE1013", "error", "code is not valid TypeScript: {0}"),
  CodeLooksLikePython: kind("ICE1014", "error", "code bodies are TypeScript, not Python: {0}"),
  MissingTopLevelField: kind("ICE1015", "error", "workflow is missing required field '{0}'"),
  UnknownEntryField: kind("ICE1016", "error", "unknown field '{0}' in {1}{2}"),
  BadName: kind("ICE1017", "error", "'{0}' is not allowed as {1}: {2}"),
  InputTooLarge: kind("ICE1018", "error", "{0} is too large: {1}"),
  NestedTooDeeply: kind("ICE1019", "error", "{0} nests deeper than {1} levels"),
  UnsupportedJsonSchema: kind(
    "ICE1030",
    "warning",
    "JSON Schema keyword '{0}' is not supported here; {1} is typed any (write 'type' with 'properties', 'items' and 'required')",
  ),
  IgnoredIceosField: kind("ICE1031", "warning", "{0} '{1}' is an iceOS field with no meaning here and is ignored{2}"),
  BadIceosField: kind("ICE1032", "error", "{0}"),
  RenamedIceosNodeType: kind("ICE1033", "warning", "node type '{0}' is iceOS's old name for '{1}': read as '{1}'"),

  // ICE15xx: .ice syntax
  IceSyntax: kind("ICE1501", "error", "{0}"),
  DuplicateClause: kind("ICE1502", "error", "'{0}' is given more than once on {1}"),
  DuplicateKey: kind("ICE1503", "error", "'{0}' is given more than once in {1}"),
  NotConstant: kind(
    "ICE1504",
    "error",
    "{0} must be a constant (a string, number, boolean, null, list or object of these), not {1}",
  ),
  ObjectTypeRequired: kind("ICE1505", "error", "{0} must be an object type such as '{ field: string }', got '{1}'"),
  ParamNeedsType: kind("ICE1506", "error", "{0} '{1}' needs a type{2}"),
  NoDefaultValue: kind("ICE1507", "error", "{0} '{1}' cannot have a value: {2}"),

  // ICE2xxx: checker
  DuplicateId: kind("ICE2001", "error", "duplicate node id '{0}'"),
  UnknownReference: kind("ICE2002", "error", "reference to unknown node '{0}'{1}"),
  NotOnEveryPath: kind("ICE2003", "error", "reference to '{0}', which does not run on every path here"),
  UnknownDependency: kind("ICE2004", "error", "dependency on unknown node '{0}'{1}"),
  Cycle: kind("ICE2005", "error", "dependency cycle: {0}"),
  UnknownInput: kind("ICE2006", "error", "workflow has no input '{0}'{1}"),
  UnknownOutputField: kind("ICE2007", "error", "'{0}' has no output field '{1}'{2}"),
  TypeMismatch: kind("ICE2008", "error", "{0}: expected {1}, got {2}"),
  ConditionNotBoolean: kind("ICE2009", "error", "condition must be boolean, got {0}"),
  UnknownBranchTarget: kind("ICE2010", "error", "{0} names unknown node '{1}'{2}"),
  UnknownTool: kind(
    "ICE2011",
    "warning",
    "tool '{0}' has no declaration in 'tools:'; its arguments and output are unchecked",
  ),
  UnknownCapability: kind("ICE2012", "error", "unknown capability '{0}'; known: {1}"),
  LimitOutOfRange: kind("ICE2013", "error", "limit '{0}' = {1} is out of range ({2})"),
  NodeInsideLoopReferenced: kind(
    "ICE2014",
    "error",
    "'{0}' runs once per item of loop '{1}' and cannot be referenced outside it",
  ),
  UnknownWorkflow: kind("ICE2015", "error", "sub-workflow '{0}' not found{1}"),
  MissingCodeInput: kind(
    "ICE2016",
    "error",
    "code node '{0}' declares input '{1}' but nothing is bound to it; add it to 'inputs'",
  ),
  MissingOutputSchema: kind(
    "ICE2017",
    "error",
    "{0} node '{1}' needs an output_schema: sandboxed code is compiled against typed outputs",
  ),
  UnknownExpressionType: kind("ICE2018", "error", "cannot tell the type of '{0}'; declare an output_schema on '{1}'"),
  BranchTargetTwice: kind("ICE2019", "error", "node '{0}' is on a branch of more than one condition"),
  UnusedCodeInput: kind(
    "ICE2020",
    "warning",
    "input '{0}' of code node '{1}' is not in its input_schema and is ignored",
  ),
  UnknownTrustProfile: kind("ICE2021", "error", "unknown trust profile '{0}'; known: {1}"),
  UnknownToolStrict: kind(
    "ICE2011",
    "error",
    "tool '{0}' has no declaration in 'tools:' and is not built in (strict mode)",
  ),
  MissingInput: kind("ICE2022", "error", "{0} is missing required {1} '{2}' ({3})"),
  UnreachableNode: kind("ICE2023", "error", "node '{0}' never runs: {1}"),
  RetriesDisagree: kind(
    "ICE2024",
    "error",
    "'retries: {0}' and 'retry_policy.max_attempts: {1}' disagree; max_attempts counts the first attempt too (retries + 1)",
  ),

  UndeclaredInputWithDefault: kind(
    "ICE2025",
    "warning",
    "input '{0}' is not declared in the workflow's inputs: it is read when given, else the default {1} is used",
  ),
  WorkflowRefOutside: kind(
    "ICE2026",
    "error",
    "sub-workflow '{0}' is outside the folders of the workflows given ({1}): a workflow_ref may only name files under them; name the file on the command line to include it",
  ),
  SubWorkflowCycle: kind(
    "ICE2027",
    "error",
    "sub-workflow cycle: {0}; a workflow may not call itself, directly or through other workflows",
  ),

  // ICE3xxx: sandbox compilation
  CodeCompileError: kind("ICE3001", "error", "{0}"),
  CapabilityNotGranted: kind("ICE3002", "error", "code uses '{0}', which needs capability '{1}'; add it to imports"),
  ForbiddenImport: kind(
    "ICE3003",
    "error",
    "sandboxed code may not import '{0}': only granted capabilities reach the host",
  ),
  ForbiddenInstruction: kind("ICE3004", "error", "compiled code contains {0}, which the sandbox does not allow"),
  CompilerCrashed: kind("ICE3005", "error", "the AssemblyScript compiler failed: {0}"),
  CompileTimeout: kind("ICE3006", "error", "compiling sandboxed code took longer than {0} ms"),
  TypeCheckTooExpensive: kind(
    "ICE3008",
    "error",
    "this code body is too expensive to type-check: {0}; simplify its types",
  ),
  TypeCheckerFault: kind(
    "ICE3010",
    "error",
    "iceosc failed while type-checking this code body ({0}); this is a fault in iceosc, not in the code: please report it",
  ),
  UnsupportedSchemaType: kind("ICE3007", "error", "type {0} is not supported in sandboxed code: {1}"),
  UnsupportedIdiom: kind("ICE3009", "error", "{0} is not supported in sandboxed code; {1}"),

  ReservedName: kind(
    "ICE3020",
    "error",
    "'{0}' is a name the sandbox reserves for its own functions (abort, and names starting with '__'); rename it",
  ),
  // Plugins (src/plugin): a module of tools compiled like code nodes.
  PluginNoTools: kind(
    "ICE3030",
    "error",
    "plugin '{0}' exports no tool: export a function (async or not) taking one arguments object and returning an object",
  ),
  PluginToolSignature: kind("ICE3031", "error", "plugin tool '{0}': {1}"),
  PluginModuleForm: kind("ICE3032", "error", "{0} is not allowed in a plugin module; {1}"),
  PluginDeclarationMismatch: kind(
    "ICE3033",
    "error",
    "tool '{0}' is declared in tools: with {1}, but plugin '{2}' {3}",
  ),

  // ICE4xxx: build and CLI
  FileNotFound: kind("ICE4001", "error", "cannot read '{0}': {1}"),
  NoWorkflows: kind("ICE4002", "error", "no workflow files found in {0}"),
  DuplicateWorkflowName: kind("ICE4003", "error", "two workflows are named '{0}'"),
  CacheUnusable: kind("ICE4010", "warning", "not using the WASM cache at '{0}': {1}"),
  CacheEntryInvalid: kind("ICE4011", "warning", "the cached module of '{0}' was discarded ({1}) and compiled again"),
  CompileBudgetExhausted: kind(
    "ICE4012",
    "error",
    "the build's time for compiling sandboxed code ({0} ms) ran out before this node was compiled",
  ),
  OutputOutsideOutDir: kind("ICE4004", "error", "refusing to write '{0}': it is not inside the output directory '{1}'"),
  OutDirSymlink: kind(
    "ICE4005",
    "error",
    "refusing to write into the output directory '{0}': '{1}' on its path is a symbolic link; give the real directory as --out-dir",
  ),
} as const satisfies Record<string, DiagnosticKind>;

export type DiagnosticName = keyof typeof Diagnostics;
