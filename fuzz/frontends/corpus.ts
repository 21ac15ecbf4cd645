/**
 * @fileoverview Seeds of the front-end fuzzers: every workflow file of the examples and test
 * fixtures (valid and invalid), the condition expressions and code bodies they hold, and a few
 * hand-written fragments. Mutations start from these.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SourceFile } from "../../src/diagnostics/index.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../../src/frontend/index.js";
import { walkNodes, type Workflow } from "../../src/plan/index.js";

export interface Corpus {
  readonly yaml: readonly string[];
  readonly ice: readonly string[];
  readonly expressions: readonly string[];
  readonly templates: readonly string[];
  readonly codeBodies: readonly string[];
  readonly inputs: readonly string[];
  /** Input schemas of the seed workflows, for the `--input` fuzzer. */
  readonly workflows: readonly Workflow[];
}

/** The repository root: the nearest directory above this file holding package.json. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function filesUnder(root: string, dir: string, ext: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const path = join(full, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(root, join(dir, entry.name), ext));
    else if (entry.name.endsWith(ext)) out.push(readFileSync(path, "utf8"));
  }
  return out;
}

let cached: Corpus | undefined;

export function loadCorpus(): Corpus {
  if (cached) return cached;
  const root = repositoryRoot();
  const yaml = [...filesUnder(root, "examples", ".yaml"), ...filesUnder(root, "test/fixtures", ".yaml")];
  const ice = [...filesUnder(root, "examples", ".ice"), ...filesUnder(root, "test/fixtures", ".ice")];
  const inputs = filesUnder(root, "examples/inputs", ".json");
  const workflows: Workflow[] = [];
  const expressions = ["a.b > 1 and not c", "(x + 1) * 2 >= y.z", "{{ n.v }} == 'x'", "!done || -1 < 0"];
  const codeBodies = ["return { x: 1 };", "let s = 0; for (let i = 0; i < 3; i++) s += i; return { s };"];
  const templates = ["Hello {{ inputs.name }}!", "{{ a.b.0.c }} and {{ d }}", "no refs", "{{ }}"];
  const parsed = [
    ...yaml.map((text) => parseYamlWorkflow(new SourceFile("seed.yaml", text)).workflow),
    ...ice.map((text) => parseIceWorkflow(new SourceFile("seed.ice", text)).workflow),
  ];
  for (const workflow of parsed) {
    if (!workflow) continue;
    workflows.push(workflow);
    walkNodes(workflow.nodes, (node) => {
      if (node.kind === "condition") expressions.push(node.source.text);
      if (node.kind === "code") codeBodies.push(node.code.text);
      if (node.kind === "llm" || node.kind === "agent")
        templates.push(
          node.prompt.parts.map((p) => (typeof p === "string" ? p : `{{ ${p.path.join(".")} }}`)).join(""),
        );
    });
  }
  cached = { yaml, ice, expressions, templates, codeBodies, inputs, workflows };
  return cached;
}
