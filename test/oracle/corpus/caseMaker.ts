/**
 * @fileoverview How corpus files write their cases: `const fn = cases("functions")` gives a maker
 * whose cases are named `functions/<name>`, so each file states only bodies, schemas and inputs.
 */
import type { OracleCase } from "../oracle.js";

/**
 * A maker of cases named `<prefix>/<name>`; a case's capabilities default to `defaults`, else to
 * the oracle's (`["math"]`).
 */
export function cases(prefix: string, defaults?: readonly string[]) {
  return (
    name: string,
    body: string,
    input: OracleCase["input"],
    output: OracleCase["output"],
    inputs: readonly unknown[],
    capabilities: readonly string[] | undefined = defaults,
  ): OracleCase => ({ name: `${prefix}/${name}`, body, input, output, inputs, ...(capabilities && { capabilities }) });
}
