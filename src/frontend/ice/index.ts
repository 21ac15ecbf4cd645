/** @fileoverview The .ice front end. */
export { parseIceWorkflow, type IceParseResult } from "./document.js";
