/** @fileoverview The typed plan. */
export * from "./node.js";
export * from "./value.js";
export * from "./expression.js";
export * from "./visit.js";
export type { ObjectType, SchemaField, SchemaType } from "../../runtime/schema.js";
export * from "./dependencies.js";
export * from "./defaults.js";
export * from "./rewrite.js";
