/**
 * @fileoverview Red team 10: the language server re-typed a type bomb on every edit. Red team 9
 * moved body typing into the bounded typer worker (ICE3008 per body past its deadline or heap), but
 * each change anywhere in the document typed every body again, so a bomb cost its whole deadline
 * (10 s of a core) per keystroke in another node, and the diagnostics of that edit waited for it.
 * Now a body that ran past its deadline or heap is remembered (with its types, capabilities and
 * the limits) and answered ICE3008 again, at its new place, without typing it; an edited bomb is
 * typed again.
 */
import { describe, expect, it, vi } from "vitest";
import { TypeSession } from "../../src/emit/wasm/typer.js";
import type { SandboxUnit } from "../../src/lower/sandboxes.js";
import { positionOf } from "../helpers/lspClient.js";
import { bombBody, bombLspClient, codeNode } from "../helpers/typeBomb.js";

function workflow(bomb: readonly string[], after: string, header = ""): string {
  return [
    `${header}name: bomb`,
    "input_schema: { n: number }",
    "nodes:",
    ...codeNode("bomb", "inputs", bomb),
    ...codeNode("after", "bomb", [after]),
    'outputs: { n: "{{ after.n }}" }',
    "",
  ].join("\n");
}

describe("a type bomb in the language server", () => {
  const server = bombLspClient();

  it("is typed once while unchanged: edits elsewhere get its ICE3008 at its place without typing it", async () => {
    const typedBombs: string[] = [];
    const lower = TypeSession.prototype.lower;
    const spy = vi.spyOn(TypeSession.prototype, "lower").mockImplementation(function (
      this: TypeSession,
      unit: SandboxUnit,
    ) {
      if (unit.nodeId === "bomb") typedBombs.push(unit.body.text);
      return lower.call(this, unit);
    });
    try {
      const uri = "file:///w/bomb10.yaml";
      const bomb = bombBody(40);
      const first = workflow(bomb, "return { n: inputs.n + 1 };");
      const opened = await server().open(uri, first);
      expect(opened.map((d) => `${d.code}@${d.range.start.line}`)).toContain(
        `ICE3008@${positionOf(first, "code: |").line}`,
      );
      expect(typedBombs.length).toBe(1);
      for (let i = 2; i <= 4; i++) {
        // The other body edited, and the bomb moved down a line.
        const text = workflow(
          bomb,
          `const s: string = inputs.n + ${i}; return { n: inputs.n };`,
          "# moved\n".repeat(i),
        );
        const published = await server().change(uri, text);
        const codes = published.map((d) => `${d.code}@${d.range.start.line}`);
        expect(codes, JSON.stringify(published)).toContain(`ICE3008@${positionOf(text, "code: |").line}`);
        expect(codes).toContain(`ICE3001@${positionOf(text, "const s: string").line}`);
        expect(published.find((d) => d.code === "ICE3008")?.message).toMatch(/not typed again until it changes/);
      }
      expect(typedBombs.length).toBe(1);
      // The bomb edited: typed again.
      await server().change(uri, workflow(bombBody(41), "return { n: inputs.n + 1 };"));
      expect(typedBombs.length).toBe(2);
    } finally {
      spy.mockRestore();
    }
  }, 300_000);
});
