/**
 * @fileoverview Runs one input through one front end in-process, the way `iceosc check` and
 * `iceosc run --input` would (parse, check, lower, code-body syntax check and convert; no asc),
 * and classifies the outcome. A crash is any exception that is not a diagnostic; a diagnostic
 * without a place is a failure too. Failing inputs are saved with their error for reproduction.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkNesting, MAX_INPUT_DEPTH, validateValue } from "../../runtime/schema.js";
import { checkWorkflow, typeOfReference } from "../../src/check/index.js";
import { DiagnosticBag, type Diagnostic, SourceFile, span } from "../../src/diagnostics/index.js";
import { checkCodeSyntax } from "../../src/emit/wasm/syntax.js";
import { checkCodeBody } from "../../src/frontend/bounds.js";
import {
  parseExpression,
  parseIceWorkflow,
  parseTemplate,
  parseYamlWorkflow,
  verbatimSource,
} from "../../src/frontend/index.js";
import { lowerSandboxes } from "../../src/lower/sandboxes.js";
import type { EmbeddedSource, Workflow } from "../../src/plan/index.js";
import { walkNodes } from "../../src/plan/index.js";
import { PrintError, printIce, printYaml } from "../../src/print/index.js";
import type { FuzzOptions, FuzzReport } from "../target.js";
import { type Corpus, loadCorpus } from "./corpus.js";
import { Random } from "./mutate.js";

export type FrontEnd = "yaml" | "ice" | "expression" | "template" | "code" | "input";

export type Outcome = "accepted" | "diagnostic" | "crash" | "unlocated" | "slow";

const EXTENSION: { readonly [f in FrontEnd]: string } = {
  yaml: "yaml",
  ice: "ice",
  expression: "expr.txt",
  template: "template.txt",
  code: "ts",
  input: "json",
};

/** A case slower than this is saved as a finding (front ends are linear in their input). */
const SLOW_MS = 5_000;

/** Runs `text` through `frontEnd`; throws only on a crash. */
export function runCase(frontEnd: FrontEnd, text: string, corpus: Corpus, pick: number): Diagnostic[] {
  const file = new SourceFile(`fuzz.${EXTENSION[frontEnd]}`, text);
  switch (frontEnd) {
    case "yaml":
    case "ice": {
      const parsed = frontEnd === "yaml" ? parseYamlWorkflow(file) : parseIceWorkflow(file);
      return parsed.workflow ? [...parsed.diagnostics, ...afterParsing(parsed.workflow)] : parsed.diagnostics;
    }
    case "expression":
      return parseExpression(embedded(file)).diagnostics;
    case "template":
      return parseTemplate(verbatimSource(file, 0, text)).diagnostics;
    case "code": {
      const deep = checkCodeBody(embedded(file));
      return deep ? [deep] : checkCodeSyntax(embedded(file));
    }
    case "input": {
      // `iceosc run --input`: JSON.parse (a usage error when it fails), then what a generated
      // module's run(input) checks before anything recursive sees the value.
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        if (error instanceof SyntaxError) return [refused(file, "not JSON")];
        throw error;
      }
      const schema = corpus.workflows[pick % Math.max(1, corpus.workflows.length)]?.inputSchema;
      const problem =
        checkNesting(value, MAX_INPUT_DEPTH, "input") ?? (schema && validateValue(value, schema, "input"));
      return problem ? [refused(file, problem)] : [];
    }
  }
}

/** An input refused with ICE_INPUT_INVALID (or a usage error), as a diagnostic for counting. */
function refused(file: SourceFile, message: string): Diagnostic {
  return { code: "ICE_INPUT_INVALID", severity: "error", message, span: span(file, 0, 0), notes: [] };
}

/** What `iceosc check` and `convert` do with a parsed workflow, short of compiling to WASM. */
function afterParsing(workflow: Workflow): Diagnostic[] {
  const bag = new DiagnosticBag();
  bag.addAll(checkWorkflow(workflow, {}));
  walkNodes(workflow.nodes, (node) => {
    if (node.kind === "code") bag.addAll(checkCodeSyntax(node.code));
  });
  lowerSandboxes(workflow, (path, containers) => typeOfReference(workflow, path, containers), bag);
  for (const print of [printIce, printYaml]) {
    try {
      print(workflow);
    } catch (error) {
      if (!(error instanceof PrintError)) throw error;
    }
  }
  return [...bag.all];
}

function embedded(file: SourceFile): EmbeddedSource {
  const lineOrigins = [0];
  for (let i = 0; i < file.text.length; i++) if (file.text[i] === "\n") lineOrigins.push(i + 1);
  return { text: file.text, lineOrigins, span: span(file, 0, file.text.length) };
}

/** Generates a case from the seed's random source and the corpus. */
export type Generator = (random: Random, corpus: Corpus) => string;

/** Runs `runs` generated cases through `frontEnd`, saving and logging failures. */
export async function fuzzFrontEnd(
  frontEnd: FrontEnd,
  generate: Generator,
  { runs, seed, findingsDir, log }: FuzzOptions,
): Promise<FuzzReport> {
  const corpus = loadCorpus();
  const random = new Random(seed ^ hash(frontEnd));
  const counts: Record<Outcome, number> = { accepted: 0, diagnostic: 0, crash: 0, unlocated: 0, slow: 0 };
  for (let i = 0; i < runs; i++) {
    const text = generate(random, corpus);
    const started = performance.now();
    let outcome: Outcome;
    let detail = "";
    try {
      const diagnostics = runCase(frontEnd, text, corpus, i);
      const unlocated = diagnostics.find((d) => d.span === undefined);
      outcome = unlocated ? "unlocated" : diagnostics.some((d) => d.severity === "error") ? "diagnostic" : "accepted";
      if (unlocated) detail = `${unlocated.code} ${unlocated.message}`;
    } catch (error) {
      outcome = "crash";
      detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    const ms = performance.now() - started;
    if (outcome !== "crash" && outcome !== "unlocated" && ms > SLOW_MS) {
      outcome = "slow";
      detail = `${Math.round(ms)} ms`;
    }
    counts[outcome]++;
    if (outcome === "crash" || outcome === "unlocated" || outcome === "slow") {
      const name = `${frontEnd}-${seed}-${i}`;
      mkdirSync(findingsDir, { recursive: true });
      writeFileSync(join(findingsDir, `${name}.${EXTENSION[frontEnd]}`), text);
      writeFileSync(join(findingsDir, `${name}.txt`), `${outcome}\n${detail}\n`);
      log(`${outcome.toUpperCase()} ${name} (saved in ${findingsDir}): ${detail.split("\n")[0]}`);
    }
    if (i % 64 === 63) await new Promise((resolve) => setImmediate(resolve));
  }
  const summary = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return { runs, failures: counts.crash + counts.unlocated + counts.slow, summary };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
