/**
 * @fileoverview What the checks share: the workflow, every node with the containers around it,
 * every reference with its scope, the guards (condition branches) each node runs under, and the
 * diagnostics reported so far. Derived tables are computed once, on first use.
 */
import type { ObjectType } from "../../runtime/schema.js";
import {
  createDiagnostic,
  type Diagnostic,
  type DiagnosticKind,
  type RelatedNote,
  type Span,
} from "../diagnostics/index.js";
import { ownReferences, referenceSitesIn, type OwnReference } from "../plan/dependencies.js";
import {
  walkNodes,
  type ConditionNode,
  type LiteralValue,
  type PlanNode,
  type RefValue,
  type Workflow,
} from "../plan/index.js";
import type { ReferenceScope } from "./types.js";

/** Names looked up one at a time, and listed for suggestions (a `ReadonlySet` is one). */
export interface NameLookup extends Iterable<string> {
  has(name: string): boolean;
}

/** What the caller knows beyond the workflow. */
export interface CheckOptions {
  /** Names of the workflows a `workflow` node may call; unchecked when absent. */
  readonly workflowNames?: NameLookup;
  /**
   * The input schemas of the workflows a `workflow` node may call, by `workflow_ref` as written
   * (a name or a path); a sub-workflow's inputs are checked against its schema when it is here.
   */
  readonly workflowInputs?: { get(ref: string): ObjectType | undefined };
  /** Strict mode: a tool that is neither declared in `tools:` nor built in is an error, not a warning. */
  readonly strict?: boolean;
}

/** A node and the loops and parallel blocks around it, outermost first. */
export interface NodeEntry {
  readonly node: PlanNode;
  readonly containers: ReferenceScope;
}

/** One reference written in the workflow. */
export interface ReferenceSite {
  readonly path: readonly string[];
  readonly span: Span;
  /** The default written with the reference (`{{ inputs.x or 'a' }}`, `{{ a.x ?? b.x }}`). */
  readonly fallback?: LiteralValue | RefValue;
  /** A reference written as another's default (`b.x` in `a.x ?? b.x`), checked with that chain. */
  readonly inDefault?: boolean;
  /** The node whose field holds the reference; undefined for workflow `outputs`. */
  readonly owner: NodeEntry | undefined;
  /** Containers whose item variables are visible at the reference. */
  readonly scope: ReferenceScope;
}

/** A node runs only when `condition` evaluates to `branch`. */
export interface Guard {
  readonly condition: ConditionNode;
  readonly branch: boolean;
}

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  private entriesCache?: NodeEntry[];
  private branchIndex?: Map<string, Guard[]>;
  private byIdCache?: Map<string, NodeEntry>;
  private referencesCache?: ReferenceSite[];
  private readonly guardCache = new Map<string, readonly Guard[]>();

  constructor(
    readonly workflow: Workflow,
    readonly options: CheckOptions,
  ) {}

  report(
    kind: DiagnosticKind,
    at: Span | undefined,
    args: readonly (string | number)[] = [],
    notes: readonly RelatedNote[] = [],
  ): void {
    this.diagnostics.push(createDiagnostic(kind, at, args, notes));
  }

  /** Every node at any depth, in source order. */
  get entries(): readonly NodeEntry[] {
    if (!this.entriesCache) {
      const entries: NodeEntry[] = [];
      walkNodes(this.workflow.nodes, (node, containers) => entries.push({ node, containers }));
      this.entriesCache = entries;
    }
    return this.entriesCache;
  }

  /** The first node with id `id`. */
  entry(id: string): NodeEntry | undefined {
    if (!this.byIdCache) {
      this.byIdCache = new Map();
      for (const e of this.entries) if (!this.byIdCache.has(e.node.id)) this.byIdCache.set(e.node.id, e);
    }
    return this.byIdCache.get(id);
  }

  /** Ids of every node. */
  get ids(): string[] {
    return this.entries.map((e) => e.node.id);
  }

  /** Every reference in node fields and workflow outputs, in source order. */
  get references(): readonly ReferenceSite[] {
    if (!this.referencesCache) {
      const sites: ReferenceSite[] = [];
      for (const owner of this.entries)
        for (const ref of ownReferences(owner.node)) sites.push(site(ref, owner, owner.containers));
      for (const output of this.workflow.outputs)
        for (const ref of referenceSitesIn(output.value)) sites.push(site(ref, undefined, []));
      this.referencesCache = sites;
    }
    return this.referencesCache;
  }

  /**
   * The branches a node runs under: those naming it in `true_path`/`false_path`, those of those
   * conditions, and those of the loops and parallel blocks around it.
   */
  /** The condition branches naming `id` in `true_path`/`false_path` (indexed once: no scan per node). */
  private branchesNaming(id: string): readonly Guard[] {
    if (!this.branchIndex) {
      const index = new Map<string, Guard[]>();
      for (const { node } of this.entries) {
        if (node.kind !== "condition") continue;
        for (const [targets, branch] of [
          [node.truePath, true],
          [node.falsePath, false],
        ] as const)
          for (const t of targets) {
            const list = index.get(t.name) ?? [];
            if (!list.some((g) => g.condition === node && g.branch === branch)) list.push({ condition: node, branch });
            index.set(t.name, list);
          }
      }
      this.branchIndex = index;
    }
    return this.branchIndex.get(id) ?? [];
  }

  guardsOf(id: string, visiting: Set<string> = new Set()): readonly Guard[] {
    const cached = this.guardCache.get(id);
    if (cached) return cached;
    if (visiting.has(id)) return [];
    visiting.add(id);
    const guards: Guard[] = [];
    const add = (guard: Guard): void => {
      if (!guards.some((g) => g.condition === guard.condition && g.branch === guard.branch)) guards.push(guard);
    };
    for (const { condition, branch } of this.branchesNaming(id)) {
      add({ condition, branch });
      this.guardsOf(condition.id, visiting).forEach(add);
    }
    for (const container of this.entry(id)?.containers ?? []) this.guardsOf(container.id, visiting).forEach(add);
    visiting.delete(id);
    this.guardCache.set(id, guards);
    return guards;
  }
}

function site(ref: OwnReference, owner: NodeEntry | undefined, scope: ReferenceScope): ReferenceSite {
  return {
    path: ref.path,
    span: ref.span,
    ...(ref.fallback && { fallback: ref.fallback }),
    ...(ref.inDefault && { inDefault: true }),
    owner,
    scope,
  };
}
