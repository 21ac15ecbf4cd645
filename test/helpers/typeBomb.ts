/**
 * @fileoverview The type-level bomb of the checker-bound tests (test/security/typeCheckBound.test.ts,
 * redTeam9Lsp.test.ts, redTeam10Lsp.test.ts): tail-recursive conditional aliases building
 * 999-element tuples, a few KB of body that kept TypeScript's checker busy for seconds and GBs
 * each, the YAML lines of a code node around a body, and a language server whose typer worker
 * stops a bomb quickly.
 */
import { afterAll, beforeAll } from "vitest";
import { LspClient } from "./lspClient.js";

/** A body of `n` recursive tuple-building aliases, each forced to its 999-element instance. */
export function bombBody(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      `type T${i}<N extends number, A extends unknown[] = []> = A['length'] extends N ? A : T${i}<N, [...A, ${i}]>;`,
    );
    lines.push(`const v${i}: T${i}<999>['length'] = 999;`);
  }
  lines.push("return { n: inputs.n };");
  return lines;
}

/** The YAML lines of a code node `id` reading `n` from `from` and running `body`. */
export function codeNode(id: string, from: string, body: readonly string[]): string[] {
  return [
    `  - id: ${id}`,
    "    type: code",
    `    inputs: { n: "{{ ${from}.n }}" }`,
    "    input_schema: { n: number }",
    "    output_schema: { n: number }",
    "    code: |",
    ...body.map((l) => `      ${l}`),
  ];
}

/**
 * An in-process language server for the tests of a describe block (started before them, disposed
 * after), whose typer worker has a small heap (the internal `$ICEOSC_TYPING_LIMITS`), so a bomb
 * is stopped quickly. Returns the client's getter.
 */
export function bombLspClient(): () => LspClient {
  let client: LspClient | undefined;
  const previous = process.env.ICEOSC_TYPING_LIMITS;
  beforeAll(async () => {
    process.env.ICEOSC_TYPING_LIMITS = "120000,128";
    client = LspClient.inProcess();
    await client.initialize();
  });
  afterAll(() => {
    client?.dispose();
    if (previous === undefined) delete process.env.ICEOSC_TYPING_LIMITS;
    else process.env.ICEOSC_TYPING_LIMITS = previous;
  });
  return () => {
    if (!client) throw new Error("the language server is started before the block's tests");
    return client;
  };
}
