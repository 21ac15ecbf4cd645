/**
 * grammar/cst.d.ts is generated from the parser (generateCstDts); this fails when it is stale.
 * Regenerate with `UPDATE_GOLDENS=1 npx vitest run test/ice` or `node dist/grammar/generateCstTypes.js`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { cstTypesText } from "../../grammar/generateCstTypes.js";

it("grammar/cst.d.ts matches the grammar", () => {
  const path = fileURLToPath(new URL("../../grammar/cst.d.ts", import.meta.url));
  if (process.env.UPDATE_GOLDENS === "1") writeFileSync(path, cstTypesText());
  expect(readFileSync(path, "utf8")).toBe(cstTypesText());
});
