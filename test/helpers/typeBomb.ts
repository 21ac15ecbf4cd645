/**
 * @fileoverview The type-level bomb of the checker-bound tests (test/security/typeCheckBound.test.ts,
 * redTeam9Lsp.test.ts): tail-recursive conditional aliases building 999-element tuples, a few KB
 * of body that kept TypeScript's checker busy for seconds and GBs each, and the YAML lines of a
 * code node around a body.
 */

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
