/**
 * @fileoverview The .ice CST visitor's top layer (on top of values and types, valueVisitor.ts, and
 * node parts, nodePartsVisitor.ts): the workflow, its statements and the eight node types, to the plan. Nodes with a syntax error inside are
 * skipped (the error is already reported), so one bad node does not hide the others' problems.
 */
import type {
  AgentNodeCstChildren,
  RecursiveNodeCstChildren,
  BranchCstChildren,
  CodeNodeCstChildren,
  ConditionNodeCstChildren,
  LlmNodeCstChildren,
  LoopNodeCstChildren,
  NodeBlockCstChildren,
  NodeCstChildren,
  NodeCstNode,
  OutputCstChildren,
  ParallelClauseCstChildren,
  ParallelNodeCstChildren,
  StatementCstChildren,
  ToolDeclCstChildren,
  ToolNodeCstChildren,
  WorkflowCstChildren,
  WorkflowNodeCstChildren,
} from "../../../grammar/index.js";
import { Diagnostics, type Span } from "../../diagnostics/index.js";
import type {
  Convergence,
  Named,
  ObjectType,
  PlanNode,
  ToolDeclaration,
  Value,
  ValueEntry,
  Workflow,
} from "../../plan/index.js";
import { readMeta } from "./meta.js";
import { parseExpression } from "../expression/index.js";
import { clauseMap, DECLARATION_CLAUSES, namesClause, stringClause, type Clause } from "./clauses.js";
import { keyText, numberText } from "./constants.js";
import type { IceContext } from "./context.js";
import { agentSettings } from "./modelSettings.js";
import { NodePartsVisitor } from "./nodePartsVisitor.js";

/** What one statement adds to the workflow. */
type Statement =
  | { node: PlanNode }
  | { output: ValueEntry }
  | { tool: ToolDeclaration }
  | { meta: { key: string; span: Span; value: Value } }
  | undefined;

const EMPTY: ObjectType = { kind: "object", fields: [] };

export class PlanBuilder extends NodePartsVisitor {
  constructor(ice: IceContext) {
    super(ice);
    this.validateVisitor();
  }

  /** workflow : 'workflow' key params? '{' statement* '}'   (a string key for names such as `my-flow`) */
  workflow(ctx: WorkflowCstChildren, at: Span): Workflow | undefined {
    const name = ctx.key?.[0] && keyText(this.ice, ctx.key[0].children);
    const inputSchema = ctx.params?.[0] ? this.signature(this.params(ctx.params[0].children), "workflow input") : EMPTY;
    const nodes: PlanNode[] = [];
    const outputs: ValueEntry[] = [];
    const tools: ToolDeclaration[] = [];
    const metas: { key: string; span: Span; value: Value }[] = [];
    const outputKeys = new Set<string>();
    for (const statement of ctx.statement ?? []) {
      const added = this.statement(statement.children);
      if (added && "meta" in added) metas.push(added.meta);
      else if (added && "node" in added) nodes.push(added.node);
      else if (added && "output" in added) {
        if (outputKeys.has(added.output.key))
          this.ice.bag.report(Diagnostics.DuplicateKey, added.output.keySpan, [
            added.output.key,
            "the workflow's outputs",
          ]);
        else {
          outputKeys.add(added.output.key);
          outputs.push(added.output);
        }
      } else if (added && "tool" in added) tools.push(added.tool);
    }
    const about = readMeta(this.ice, metas);
    return (
      name &&
      inputSchema && {
        name: name.key,
        span: at,
        nameSpan: this.ice.token(name.token),
        ...(about && { about }),
        inputSchema,
        nodes,
        outputs,
        tools,
      }
    );
  }

  /** statement : (node | output | toolDecl) ';'? */
  statement(ctx: StatementCstChildren): Statement {
    const [node, output, tool, meta] = [ctx.node?.[0], ctx.output?.[0], ctx.toolDecl?.[0], ctx.meta?.[0]];
    if (meta && !this.ice.broken(meta)) {
      const entry = this.meta(meta.children);
      return entry && { meta: entry };
    }
    if (node) {
      const built = this.readNode(node);
      return built && { node: built };
    }
    if (output && !this.ice.broken(output)) {
      const entry = this.output(output.children);
      return entry && { output: entry };
    }
    if (tool && !this.ice.broken(tool)) {
      const declaration = this.toolDecl(tool.children);
      return declaration && { tool: declaration };
    }
    return undefined;
  }

  /** output : 'output' key '=' value */
  output(ctx: OutputCstChildren): ValueEntry | undefined {
    const key = ctx.key?.[0] && this.key(ctx.key[0].children);
    const value = ctx.value?.[0];
    return key && value && { key: key.key, keySpan: key.span, value: this.value(value.children, this.at(value)) };
  }

  /** toolDecl : 'declare' 'tool' key params? returnType? clause* */
  toolDecl(ctx: ToolDeclCstChildren): ToolDeclaration | undefined {
    const key = ctx.key?.[0] && this.key(ctx.key[0].children);
    if (!key) return undefined;
    const where = `tool declaration '${key.key}'`;
    const declaration: { -readonly [K in keyof ToolDeclaration]: ToolDeclaration[K] } = {
      name: key.key,
      span: key.span,
    };
    if (ctx.params?.[0]) {
      const inputSchema = this.signature(this.params(ctx.params[0].children), "tool parameter");
      if (inputSchema) declaration.inputSchema = inputSchema;
    }
    const outputSchema = ctx.returnType?.[0] && this.returnType(ctx.returnType[0].children);
    if (outputSchema) declaration.outputSchema = outputSchema;
    const unknown = (c: Clause): void =>
      this.ice.bag.report(Diagnostics.UnknownEntryField, c.nameSpan, [
        c.name,
        where,
        c.name === "description" ? "" : "; a declaration takes only 'description'",
      ]);
    const clauses = clauseMap(this.ice, this.clauses(ctx.clause), DECLARATION_CLAUSES, unknown, where);
    const description = clauses.get("description");
    const text = description && stringClause(this.ice, description);
    if (text !== undefined) declaration.description = text;
    return declaration;
  }

  /** node : toolNode | codeNode | conditionNode | loopNode | parallelNode | workflowNode | llmNode | agentNode */
  node(ctx: NodeCstChildren, at: Span): PlanNode | undefined {
    if (ctx.toolNode?.[0]) return this.toolNode(ctx.toolNode[0].children, at);
    if (ctx.codeNode?.[0]) return this.codeNode(ctx.codeNode[0].children, at);
    if (ctx.conditionNode?.[0]) return this.conditionNode(ctx.conditionNode[0].children, at);
    if (ctx.loopNode?.[0]) return this.loopNode(ctx.loopNode[0].children, at);
    if (ctx.parallelNode?.[0]) return this.parallelNode(ctx.parallelNode[0].children, at);
    if (ctx.workflowNode?.[0]) return this.workflowNode(ctx.workflowNode[0].children, at);
    if (ctx.llmNode?.[0]) return this.llmNode(ctx.llmNode[0].children, at);
    if (ctx.agentNode?.[0]) return this.agentNode(ctx.agentNode[0].children, at);
    if (ctx.recursiveNode?.[0]) return this.recursiveNode(ctx.recursiveNode[0].children, at);
    return undefined;
  }

  /** toolNode : 'tool' Name '=' key arguments returnType? clause* */
  toolNode(ctx: ToolNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("tool", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const toolName = this.named(ctx.key?.[0]?.children);
    const args = ctx.arguments?.[0] ? this.arguments(ctx.arguments[0].children, "the tool's arguments") : [];
    return start && toolName && { kind: "tool", ...start.base, toolName, args };
  }

  /** workflowNode : 'workflow' Name '=' key arguments returnType? clause* */
  workflowNode(ctx: WorkflowNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("workflow", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const workflowRef = this.named(ctx.key?.[0]?.children);
    const inputs = ctx.arguments?.[0] ? this.arguments(ctx.arguments[0].children, "the sub-workflow's inputs") : [];
    return start && workflowRef && { kind: "workflow", ...start.base, workflowRef, inputs };
  }

  /** codeNode : 'code' Name params returnType? clause* codeBody     (params: `name: type = value`) */
  codeNode(ctx: CodeNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("code", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const params = ctx.params?.[0] ? this.params(ctx.params[0].children) : [];
    const inputs: ValueEntry[] = params.flatMap((p) =>
      p.value ? [{ key: p.key, keySpan: p.keySpan, value: p.value }] : [],
    );
    for (const p of params)
      if (!p.typed && !p.value)
        this.ice.bag.report(Diagnostics.ParamNeedsType, p.keySpan, [
          "code input",
          p.key,
          " or a value: write 'name: type = value'",
        ]);
    let typedInputs: ObjectType | undefined | null = null;
    if (params.some((p) => p.typed)) {
      const typed = params.filter((p) => p.typed);
      typedInputs = typed.every((p) => p.type)
        ? { kind: "object", fields: typed.map((p) => ({ name: p.key, type: p.type!, optional: p.optional })) }
        : undefined;
    }
    const clause = start?.clauses.get("input_schema");
    if (clause && typedInputs !== null)
      this.ice.bag.report(Diagnostics.DuplicateClause, clause.nameSpan, [
        "input_schema",
        "a code node whose parameters have types",
      ]);
    const code = ctx.codeBody?.[0] && this.codeBody(ctx.codeBody[0].children);
    const imports = start?.clauses.get("imports");
    if (!start || !code || typedInputs === undefined) return undefined;
    const base = typedInputs ? { ...start.base, inputSchema: typedInputs } : start.base;
    return { kind: "code", ...base, code, imports: imports ? namesClause(this.ice, imports) : [], inputs };
  }

  /** conditionNode : 'condition' Name group returnType? clause*     (clauses `then [ids]`, `else [ids]`) */
  conditionNode(ctx: ConditionNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("condition", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const source = ctx.group?.[0] && this.group(ctx.group[0].children);
    const parsed = source && parseExpression(source);
    if (parsed) this.ice.bag.addAll(parsed.diagnostics);
    const branch = (name: string): Named[] => {
      const clause = start?.clauses.get(name);
      return clause ? namesClause(this.ice, clause) : [];
    };
    const [truePath, falsePath] = [branch("then"), branch("else")];
    return (
      start &&
      source &&
      parsed?.expr && { kind: "condition", ...start.base, expression: parsed.expr, source, truePath, falsePath }
    );
  }

  /** loopNode : 'loop' Name '(' Name 'of' value ')' returnType? (clause | parallelClause)* nodeBlock */
  loopNode(ctx: LoopNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("loop", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const item = ctx.Name?.[1];
    const source = ctx.value?.[0];
    const itemsSource = source && this.value(source.children, this.at(source));
    const [first, ...more] = ctx.parallelClause ?? [];
    for (const extra of more)
      this.ice.bag.report(Diagnostics.DuplicateClause, this.at(extra), ["parallel", `loop '${start?.base.id ?? "?"}'`]);
    const maxParallel = first ? this.parallelClause(first.children) : 1;
    const body = ctx.nodeBlock?.[0] ? this.nodeBlock(ctx.nodeBlock[0].children) : undefined;
    if (!start || !item || !itemsSource || !body || maxParallel === undefined) return undefined;
    return {
      kind: "loop",
      ...start.base,
      itemsSource,
      itemVar: { name: item.image, span: this.ice.token(item) },
      body,
      maxParallel,
    };
  }

  /** parallelClause : 'parallel' Number?     (no number: all items at once) */
  parallelClause(ctx: ParallelClauseCstChildren): number | undefined {
    const number = ctx.NumberLiteral?.[0];
    if (!number) return 0;
    const value = numberText(number.image);
    if (Number.isInteger(value) && value >= 1) return value;
    this.ice.bag.report(Diagnostics.WrongFieldType, this.ice.token(number), [
      "parallel",
      "an integer >= 1 (or nothing, for all items at once)",
      `the number ${value}`,
    ]);
    return undefined;
  }

  /** parallelNode : 'parallel' Name returnType? clause* '{' branch* '}' */
  parallelNode(ctx: ParallelNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("parallel", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const branches = (ctx.branch ?? []).map((b) => this.branch(b.children));
    return start && { kind: "parallel", ...start.base, branches };
  }

  /** branch : 'branch' nodeBlock */
  branch(ctx: BranchCstChildren): PlanNode[] {
    return ctx.nodeBlock?.[0] ? this.nodeBlock(ctx.nodeBlock[0].children) : [];
  }

  /** nodeBlock : '{' (node ';'?)* '}' */
  nodeBlock(ctx: NodeBlockCstChildren): PlanNode[] {
    return (ctx.node ?? []).flatMap((n) => this.readNode(n) ?? []);
  }

  /** llmNode : 'llm' Name arguments? returnType? clause* prompt     (arguments: model and llm_config) */
  llmNode(ctx: LlmNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("llm", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const settings = this.settings(ctx.arguments?.[0]?.children.argument, "llm");
    const prompt = ctx.prompt?.[0] && this.prompt(ctx.prompt[0].children);
    if (!start || !prompt || !settings) return undefined;
    return {
      kind: "llm",
      ...start.base,
      prompt,
      llmConfig: settings.llmConfig,
      ...(settings.model !== undefined && { model: settings.model }),
    };
  }

  /** agentNode : 'agent' Name arguments? returnType? clause* prompt     (arguments: model, tools, max_iterations, package, memory, llm_config) */
  agentNode(ctx: AgentNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("agent", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const settings = this.settings(ctx.arguments?.[0]?.children.argument, "agent");
    const prompt = ctx.prompt?.[0] && this.prompt(ctx.prompt[0].children);
    if (!start || !prompt || !settings) return undefined;
    return { kind: "agent", ...start.base, ...agentSettings(settings, prompt) };
  }

  /** recursiveNode : 'recursive' Name arguments? returnType? clause* ('until' group)? prompt     (arguments: an agent's, sources, max_rounds) */
  recursiveNode(ctx: RecursiveNodeCstChildren, at: Span): PlanNode | undefined {
    const start = this.start("recursive", ctx.Name?.[0], at, ctx.clause, ctx.returnType?.[0]);
    const settings = this.settings(ctx.arguments?.[0]?.children.argument, "recursive");
    const prompt = ctx.prompt?.[0] && this.prompt(ctx.prompt[0].children);
    const group = ctx.group?.[0] && this.group(ctx.group[0].children);
    let convergence: Convergence | undefined;
    if (group) {
      const parsed = parseExpression(group);
      this.ice.bag.addAll(parsed.diagnostics);
      if (!parsed.expr) return undefined;
      convergence = { expression: parsed.expr, source: group };
    }
    if (!start || !prompt || !settings) return undefined;
    return {
      kind: "recursive",
      ...start.base,
      ...agentSettings(settings, prompt),
      sources: settings.sources,
      maxRounds: settings.maxRounds,
      ...(convergence && { convergence }),
    };
  }

  /** A node statement, unless a syntax error was reported inside it. */
  private readNode(node: NodeCstNode): PlanNode | undefined {
    return this.ice.broken(node) ? undefined : this.node(node.children, this.at(node));
  }
}
