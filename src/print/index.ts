/** @fileoverview Printers: the plan as .ice or YAML text (`iceosc convert`). */
export { printIce } from "./printIce.js";
export { printYaml, PrintError } from "./printYaml.js";
