/**
 * `iceosc fmt` (README "Command line"): canonical .ice, idempotent, comments kept. Canonical means one
 * form per plan: a file re-spaced at random formats to the same text as the original.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iceLexer } from "../../grammar/index.js";
import { SourceFile } from "../../src/diagnostics/index.js";
import { commentsOf, formatIce } from "../../src/format/formatIce.js";
import { parseIceWorkflow } from "../../src/frontend/index.js";
import type { PlanNode } from "../../src/plan/index.js";
import { iceosc, ROOT, writeFiles } from "../helpers/cli.js";

const FIXTURES = ["examples/ice", "test/fixtures/ice/valid"].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".ice"))
    .map((f) => join(dir, f)),
);

function format(text: string, path = "w.ice"): string {
  const result = formatIce(new SourceFile(path, text));
  if (result.kind !== "formatted") throw new Error(`${path}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.text;
}

const MESSY = `// Header comment: what this workflow is for.
/* A block comment
   over two lines. */
workflow   demo( text : string ,limit:number) {
  // Totals the words.
  code stats(text: string = inputs.text): { words: integer }
    // Generous, the texts are short.
    limits {fuel: 1000000,memory_mb: 1}
  {
    // inside the body: kept as written
    const words = inputs.text.split(" "); // trailing, in the body
    return { words: words.length };
  }
  tool   shout = upper(text: inputs.text)   // trailing after a node
  loop each(word of stats.words) {
    tool say = echo(text: word)
    // at the end of the loop body
  }
  condition big(stats.words > inputs.limit)
    then [shout]
  output words = stats.words // the count
  // after the last output
}
// after the workflow
`;

/** Comments in every place the grammar allows one. */
const EVERYWHERE = `/* header */ // two on a line
workflow t( // after paren
  x: string, // first param
  /* inline */ n: number
) { // after brace
  declare tool lookup(q: string): { score: number } // trailing decl
    // between signature and description
    description "Looks up" // after description
  tool a = lookup( // open args
    q: inputs.x, // an arg
    /* before close */
  ) // after close
    retries 2 // after clause
  loop each(item of inputs.x) /* header */ {
    // first in body
    tool b = lookup(q: item) // in body
    /* last in body */
  } // after loop
  parallel p {
    branch { // branch open
      tool c = lookup(q: inputs.x)
      // end of branch 1
    }
    branch {
      // only comment in branch 2
      tool d = lookup(q: inputs.x)
    }
  }
  code k(v: number = a.score): { w: number }
    limits { fuel: 1000, /* in limits */ memory_mb: 1 }
  { // body first line comment
    return { w: inputs.v }; // in body
  }
  output o = a.score // output trailing
  /* last */
} // after workflow
/* eof */
`;

describe("iceosc fmt", () => {
  it("leaves every .ice example as it is (examples are canonical)", async () => {
    const result = await iceosc(["fmt", "--check", "examples/ice"]);
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("is idempotent on every valid .ice fixture, and keeps their comments", async () => {
    for (const path of FIXTURES) {
      const text = readFileSync(join(ROOT, path), "utf8");
      const once = format(text, path);
      expect(format(once, path), path).toBe(once);
      expect(
        commentsOf(once)
          .map((c) => c.text)
          .sort(),
        path,
      ).toEqual(
        commentsOf(text)
          .map((c) => c.text)
          .sort(),
      );
    }
  });

  it("keeps every comment, next to what it was about, and formats messy input canonically", async () => {
    const once = format(MESSY);
    expect(format(once)).toBe(once);
    for (const comment of commentsOf(MESSY)) expect(once.split(comment.text)).toHaveLength(2);
    const lines = once.split("\n");
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(lineOf("// Header comment")).toBe(0);
    expect(lineOf("workflow demo(text: string, limit: number) {")).toBeGreaterThan(lineOf("over two lines"));
    expect(lineOf("// Totals the words.")).toBe(lineOf("workflow demo") + 1);
    expect(lineOf("// Generous")).toBeLessThan(lineOf("code stats("));
    expect(lines[lineOf("// trailing after a node") + 1]).toContain("tool shout = upper(text: inputs.text)");
    expect(lineOf("// at the end of the loop body")).toBeGreaterThan(lineOf("tool say = echo"));
    expect(lineOf("// at the end of the loop body")).toBeLessThan(lineOf("condition big"));
    expect(once).toContain("condition big(stats.words > inputs.limit)");
    expect(once).toContain('    const words = inputs.text.split(" "); // trailing, in the body');
    expect(lines[lineOf("// the count") + 1]).toContain("output words = stats.words");
    expect(lineOf("// after the workflow")).toBeGreaterThan(lineOf("}"));
    expect(once).toContain("limits { fuel: 1_000_000, memory_mb: 1 }");
  });

  it("keeps comments written anywhere, with the declaration, node or branch they are in", () => {
    const once = format(EVERYWHERE);
    expect(format(once)).toBe(once);
    for (const comment of commentsOf(EVERYWHERE))
      expect(once.split(comment.text).length, comment.text).toBe(EVERYWHERE.split(comment.text).length);
    const lines = once.split("\n");
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(lineOf("// between signature and description")).toBeLessThan(lineOf("declare tool lookup"));
    expect(lineOf("// an arg")).toBeLessThan(lineOf("tool a = lookup"));
    expect(lineOf("// an arg")).toBeGreaterThan(lineOf('description "Looks up"'));
    const secondBranch = lines.findIndex((l, i) => i > lineOf("tool c =") && l.includes("branch {"));
    expect(lineOf("// end of branch 1")).toBeLessThan(secondBranch);
    expect(lineOf("// only comment in branch 2")).toBeGreaterThan(secondBranch);
    expect(lineOf("// only comment in branch 2") + 1).toBe(lineOf("tool d ="));
  });

  it("gives one form per workflow: a file re-spaced at random formats to the same text", async () => {
    const texts = FIXTURES.map((p) => readFileSync(join(ROOT, p), "utf8")).concat(MESSY, EVERYWHERE);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.infiniteStream(fc.constantFrom(" ", "  ", "\n", "\n    ", " \n\n  ")),
        (index, spaces) => {
          const text = texts[index]!;
          expect(format(respace(text, spaces))).toBe(format(text));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("--check lists files that would change and exits 1; without it, rewrites them", async () => {
    const dir = writeFiles({ "messy.ice": MESSY, "clean.ice": format(MESSY) });
    const check = await iceosc(["fmt", "--check", "messy.ice", "clean.ice"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("messy.ice\n");
    expect(readFileSync(join(dir, "messy.ice"), "utf8")).toBe(MESSY);
    const fix = await iceosc(["fmt", "."], { cwd: dir });
    expect(fix.code).toBe(0);
    expect(readFileSync(join(dir, "messy.ice"), "utf8")).toBe(format(MESSY));
    expect((await iceosc(["fmt", "--check", "."], { cwd: dir })).code).toBe(0);
  });

  it("reports a file that does not parse with its diagnostics and leaves it alone", async () => {
    const broken = "workflow w() {\n  tool a = \n  output x = a\n}\n";
    const dir = writeFiles({ "broken.ice": broken });
    const result = await iceosc(["fmt", "broken.ice"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.ice:\d+:\d+ - error ICE/);
    expect(readFileSync(join(dir, "broken.ice"), "utf8")).toBe(broken);
  });
});

/** `text` with the whitespace between tokens replaced from `spaces`, outside code and expressions. */
function respace(text: string, spaces: IterableIterator<string>): string {
  const workflow = parseIceWorkflow(new SourceFile("w.ice", text)).workflow!;
  const verbatim = verbatimRanges(workflow.nodes);
  const inside = (offset: number) => verbatim.some(([s, e]) => offset >= s && offset <= e);
  const { tokens, groups } = iceLexer.tokenize(text);
  const all = [...tokens, ...(groups.comments ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  let out = "";
  let at = 0;
  for (const token of all) {
    const gap = text.slice(at, token.startOffset);
    const lineComment = all.some((t) => t.endOffset! + 1 === at && t.image.startsWith("//"));
    if (gap.trim() === "" && gap !== "" && !inside(at) && !inside(token.startOffset)) {
      let space = spaces.next().value as string;
      // A comment stays on its own line, or after code, as it was: that is what it belongs to.
      if (isComment(token)) space = gap.includes("\n") ? (space.includes("\n") ? space : "\n") : " ";
      out += lineComment && !space.includes("\n") ? "\n" : space;
    } else out += gap;
    out += token.image;
    at = token.endOffset! + 1;
  }
  return out + text.slice(at);
}

function isComment(token: { image: string }): boolean {
  return token.image.startsWith("//") || token.image.startsWith("/*");
}

function verbatimRanges(nodes: readonly PlanNode[]): [number, number][] {
  return nodes.flatMap((n): [number, number][] =>
    n.kind === "code"
      ? [[n.code.span.start - 1, n.code.span.end]]
      : n.kind === "condition"
        ? [[n.source.span.start - 1, n.source.span.end]]
        : n.kind === "recursive" && n.convergence // `until (...)` is kept as written, as conditions are
          ? [[n.convergence.source.span.start - 1, n.convergence.source.span.end]]
          : n.kind === "loop"
            ? verbatimRanges(n.body)
            : n.kind === "parallel"
              ? n.branches.flatMap(verbatimRanges)
              : [],
  );
}
