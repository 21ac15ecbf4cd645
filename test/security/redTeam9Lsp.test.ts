/**
 * @fileoverview Red team 9: hostile documents in the language server (`iceosc lsp`). A few KB of
 * type-level code in a code body (typeCheckBound.test.ts's bomb) was typed on the server's own
 * thread (the old src/emit/wasm/precheck.ts): the server answered nothing until TypeScript gave
 * up, and with more aliases it ended out of memory, taking the editor's diagnostics with it.
 * Bodies are now typed in the bounded typer worker (src/lsp/bodyTyping.ts): the bomb gets ICE3008,
 * the other body is still typed, and requests are answered meanwhile. Also tried: thousands of
 * rapid changes (typed once, as the latest version, not once each: they were 2,000 analyses
 * and 2,000 publishes), and a document of many MB (refused by the front end's size bound, which a
 * million-node document also meets; the server keeps answering).
 */
import { describe, expect, it } from "vitest";
import { positionOf } from "../helpers/lspClient.js";
import { bombBody, bombLspClient, codeNode } from "../helpers/typeBomb.js";

function workflow(bomb: readonly string[]): string {
  return [
    "name: bomb",
    "input_schema: { n: number }",
    "nodes:",
    ...codeNode("bomb", "inputs", bomb),
    ...codeNode("after", "bomb", ["const s: string = inputs.n;", "return { n: inputs.n * 2 };"]),
    'outputs: { n: "{{ after.n }}" }',
    "",
  ].join("\n");
}

describe("hostile documents in the language server", () => {
  const server = bombLspClient();

  it("a type bomb gets ICE3008 on its body; the server answers while it is typed; the other body is typed", async () => {
    const text = workflow(bombBody(40));
    const uri = "file:///w/bomb.yaml";
    let publishedFirst = false;
    const diagnostics = server()
      .open(uri, text)
      .then((ds) => {
        publishedFirst = true;
        return ds;
      });
    // Asked right after the document opened: answered at once, before the bomb's diagnostics.
    const hover = await server().hover(uri, positionOf(text, "after.n", 2));
    expect(hover).not.toBeNull();
    expect(publishedFirst).toBe(false);
    const published = await diagnostics;
    const codes = published.map((d) => `${d.code}@${d.range.start.line}`);
    expect(codes, JSON.stringify(published)).toContain(`ICE3008@${positionOf(text, "code: |").line}`);
    expect(codes).toContain(`ICE3001@${positionOf(text, "const s: string").line}`);
    expect(published.find((d) => d.code === "ICE3008")?.message).toMatch(/too expensive to type-check/);
    // The server still types a plain body afterwards (a new worker).
    const plain = workflow(["return { n: inputs.n + 1 };"]);
    const after = await server().change(uri, plain);
    expect(
      after.map((d) => d.code),
      JSON.stringify(after),
    ).toEqual(["ICE3001"]);
  }, 300_000);

  it("thousands of rapid changes are analysed and typed as their latest version, not one by one", async () => {
    const uri = "file:///w/rapid.yaml";
    const base = workflow(["return { n: inputs.n + 1 };"]);
    await server().open(uri, base);
    const before = server().publishes.get(uri) ?? 0;
    const changes: Promise<unknown>[] = [];
    for (let i = 0; i < 2000; i++) changes.push(server().change(uri, base.replace("inputs.n + 1", `inputs.n + ${i}`)));
    // The last version's diagnostics arrive (the body of "after" assigns a number to a string).
    const last = (await changes[changes.length - 1]) as { code: string }[];
    expect(last.map((d) => d.code)).toEqual(["ICE3001"]);
    const published = (server().publishes.get(uri) ?? 0) - before;
    expect(published).toBeLessThan(50);
    expect(await server().symbols(uri)).not.toEqual([]);
  }, 300_000);

  it("a document of many MB gets the size bound, and the server answers", async () => {
    const uri = "file:///w/huge.yaml";
    const huge = `${workflow(["return { n: inputs.n + 1 };"])}# ${"x".repeat(8 * 1024 * 1024)}\n`;
    const published = await server().open(uri, huge);
    expect(published.map((d) => d.code)).toEqual(["ICE1018"]);
    expect(await server().hover(uri, { line: 0, character: 2 })).toBeDefined();
  }, 120_000);
});
