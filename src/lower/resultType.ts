/** @fileoverview The output type of every condition: `{ result: boolean }`. */
import type { ObjectType } from "../../runtime/schema.js";

export const CONDITION_OUTPUT: ObjectType = {
  kind: "object",
  fields: [{ name: "result", type: { kind: "boolean" }, optional: false }],
};
