/**
 * @fileoverview The body of a generated `run` function: one statement per dependency wave, with
 * `await` for a single node and `Promise.all` for several, `if`-like guards for branches,
 * `rt.loop` and `rt.parallel` closures for nested scopes.
 */
import {
  INPUTS_ROOT,
  VALUE_ROOTS,
  branchMembership,
  nestedIds,
  ROUND_ROOTS,
  roundRoots,
  type AgentSettings,
  type ModelSettings,
  type PlanNode,
  type ValueEntry,
  type Workflow,
} from "../../plan/index.js";
import { computeGuards, type GuardTerm } from "./guards.js";
import { commentText, dataLiteral, stringLiteral } from "./literals.js";
import { member, type NameTable } from "./names.js";
import { scheduleWaves } from "./schedule.js";
import { emitEntries, emitValue, type RootResolver } from "./values.js";

/** How the emitter runs each code and condition node, decided by the lowering pass. */
export interface SandboxBinding {
  /** Values bound to the sandboxed function's `inputs` object. */
  readonly inputs: readonly ValueEntry[];
  /** Set for code nodes marked trusted: the name of the module-level function holding the body. */
  readonly directFunction?: string;
}

export interface OrchestrationContext {
  readonly workflow: Workflow;
  readonly sandboxes: ReadonlyMap<string, SandboxBinding>;
  /** Sub-workflow reference -> the imported runner's identifier. */
  readonly workflowImports: ReadonlyMap<string, string>;
  readonly names: NameTable;
}

interface Scope {
  /** Item variables visible here: name -> identifier. */
  readonly items: ReadonlyMap<string, string>;
  /** `const` declares node variables; `assign` writes variables declared by an enclosing scope. */
  readonly mode: "const" | "assign";
}

/** Statements of `run`, after `const rt = new Run(...)` and `const inputs = rt.inputs`. */
export function emitOrchestration(context: OrchestrationContext): string[] {
  const emitter = new Orchestrator(context);
  const lines = emitter.scope(context.workflow.nodes, { items: new Map(), mode: "const" });
  const resolve = emitter.resolver({ items: new Map(), mode: "const" });
  lines.push(`return rt.output(${emitEntries(context.workflow.outputs, resolve)});`);
  return lines;
}

class Orchestrator {
  private readonly guards: Map<string, GuardTerm[]>;
  private readonly branchOf: Map<string, string>;

  constructor(private readonly context: OrchestrationContext) {
    this.guards = computeGuards(context.workflow);
    this.branchOf = branchMembership(context.workflow);
  }

  resolver(scope: Scope): RootResolver {
    return (root) => (root === INPUTS_ROOT ? "inputs" : (scope.items.get(root) ?? this.context.names.get(root)));
  }

  /** Statements running `nodes` in dependency waves. */
  scope(nodes: readonly PlanNode[], scope: Scope): string[] {
    const lines: string[] = [];
    const nonNodeRoots = new Set([...VALUE_ROOTS, ...scope.items.keys()]);
    for (const wave of scheduleWaves(nodes, { nonNodeRoots, branchOf: this.branchOf })) {
      const lifted = wave
        .filter((n) => n.kind === "parallel")
        .flatMap((n) => nestedIds(n).filter((id) => !this.insideLoop(n, id)));
      if (scope.mode === "const" && lifted.length > 0)
        lines.push(`let ${lifted.map((id) => this.context.names.get(id)).join(", ")};`);
      const targets = wave.map((n) => this.context.names.get(n.id));
      const calls = wave.map((n) => this.guarded(n, this.call(n, scope)));
      const declare = scope.mode === "const" ? "const " : "";
      for (const node of wave) lines.push(...comment(node, this.guards.get(node.id)));
      if (wave.length === 1) lines.push(`${declare}${targets[0]} = await ${calls[0]};`);
      else lines.push(`${declare}[${targets.join(", ")}] = await Promise.all([`, ...calls.map((c) => `  ${c},`), `]);`);
    }
    return lines;
  }

  private call(node: PlanNode, scope: Scope): string {
    const resolve = this.resolver(scope);
    const id = stringLiteral(node.id);
    switch (node.kind) {
      case "tool":
        return `rt.tool(${id}, ${emitEntries(node.args, resolve)})`;
      case "code": {
        const binding = this.binding(node.id);
        const inputs = emitEntries(binding.inputs, resolve);
        return binding.directFunction
          ? `rt.direct(${id}, ${binding.directFunction}, ${inputs})`
          : `rt.code(${id}, ${inputs})`;
      }
      case "condition":
        return `rt.condition(${id}, ${emitEntries(this.binding(node.id).inputs, resolve)})`;
      case "llm":
        return `rt.llm(${id}, { ${[`prompt: ${emitValue(node.prompt, resolve)}`, ...modelFields(node, resolve)].join(", ")} })`;
      case "agent":
        return `rt.agent(${id}, { ${agentFields(node, resolve).join(", ")} })`;
      case "recursive": {
        const fields = [...agentFields(node, resolve), `maxRounds: ${node.maxRounds}`];
        const binding = node.convergence ? this.binding(node.id) : undefined;
        if (!binding) return `rt.recursive(${id}, { ${fields.join(", ")} })`;
        // The convergence test reads the round (iteration, last output) and workflow values.
        const local = roundRoots(node);
        const roundResolve: RootResolver = (root) =>
          root === ROUND_ROOTS.iteration
            ? "round.iteration"
            : root === ROUND_ROOTS.last
              ? "round.last"
              : local.has(root)
                ? member("round.last", root, true)
                : resolve(root);
        return `rt.recursive(${id}, { ${fields.join(", ")} }, (round) => (${emitEntries(binding.inputs, roundResolve)}))`;
      }
      case "workflow": {
        const runner = this.context.workflowImports.get(node.workflowRef.name) ?? "undefined";
        return `rt.workflow(${id}, ${stringLiteral(node.workflowRef.name)}, ${runner}, ${emitEntries(node.inputs, resolve)})`;
      }
      case "loop": {
        const itemName = this.context.names.get(node.itemVar.name);
        const inner: Scope = { items: new Map([...scope.items, [node.itemVar.name, itemName]]), mode: "const" };
        const body = this.scope(node.body, inner);
        const last = node.body.at(-1);
        body.push(`return ${last ? this.context.names.get(last.id) : "undefined"};`);
        return [
          `rt.loop(${id}, ${emitValue(node.itemsSource, resolve)}, ${node.maxParallel}, async (${itemName}) => {`,
          ...indent(body),
          `})`,
        ].join("\n");
      }
      case "parallel": {
        const branches = node.branches.map((branch) => {
          const body = this.scope(branch, { items: scope.items, mode: "assign" });
          const last = branch.at(-1);
          body.push(`return ${last ? this.context.names.get(last.id) : "undefined"};`);
          return [`async () => {`, ...indent(body), `},`].join("\n");
        });
        return [`rt.parallel(${id}, [`, ...indent(branches.join("\n").split("\n")), `])`].join("\n");
      }
    }
  }

  private guarded(node: PlanNode, call: string): string {
    const terms = this.guards.get(node.id) ?? [];
    if (terms.length === 0) return call;
    const test = terms
      .map((t) => `${member(this.context.names.get(t.condition), "result", true)} === ${t.branch}`)
      .join(" && ");
    return `(${test}\n  ? ${call.split("\n").join("\n  ")}\n  : rt.skip(${stringLiteral(node.id)}))`;
  }

  private binding(id: string): SandboxBinding {
    const binding = this.context.sandboxes.get(id);
    if (!binding) throw new Error(`internal: no sandbox binding for node '${id}'`);
    return binding;
  }

  /** True when `id` sits in a loop body nested inside `container` (such nodes stay local to the loop). */
  private insideLoop(container: PlanNode, id: string): boolean {
    const search = (nodes: readonly PlanNode[], inLoop: boolean): boolean | undefined => {
      for (const node of nodes) {
        if (node.id === id) return inLoop;
        const children = node.kind === "loop" ? node.body : node.kind === "parallel" ? node.branches.flat() : [];
        const found = search(children, inLoop || node.kind === "loop");
        if (found !== undefined) return found;
      }
      return undefined;
    };
    return search(container.kind === "parallel" ? container.branches.flat() : [], false) ?? false;
  }
}

function modelFields(node: ModelSettings, resolve: RootResolver): string[] {
  return [
    ...(node.model !== undefined ? [`model: ${emitValue(node.model, resolve)}`] : []),
    `config: ${dataLiteral(node.llmConfig)}`,
  ];
}

/** The call fields of agent and recursive nodes. */
function agentFields(node: AgentSettings, resolve: RootResolver): string[] {
  return [
    `prompt: ${emitValue(node.prompt, resolve)}`,
    `tools: ${dataLiteral(node.tools.map((t) => t.name))}`,
    `maxIterations: ${node.maxIterations}`,
    ...modelFields(node, resolve),
    ...(node.package ? [`package: ${stringLiteral(node.package.name)}`] : []),
    ...(node.memory
      ? [
          `memory: ${dataLiteral({ backend: node.memory.backend, ...(node.memory.key !== undefined && { key: node.memory.key }) })}`,
        ]
      : []),
  ];
}

function comment(node: PlanNode, guard: readonly GuardTerm[] | undefined): string[] {
  const when =
    guard && guard.length > 0 ? ` (runs when ${guard.map((t) => `${t.condition} is ${t.branch}`).join(" and ")})` : "";
  return [`// ${commentText(`${node.id}: ${node.kind}${when}`)}`];
}

function indent(lines: readonly string[]): string[] {
  return lines.flatMap((l) => l.split("\n")).map((l) => `  ${l}`);
}
