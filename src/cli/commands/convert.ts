/**
 * @fileoverview `iceosc convert <file> --to ice|yaml [--out <file>]`: reads a workflow in one form
 * and prints it in the other (stdout by default). Both forms give the same plan.
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { DiagnosticBag, hasErrors } from "../../diagnostics/index.js";
import { readSource } from "../../build/sources.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../../frontend/index.js";
import { printIce, printYaml, PrintError } from "../../print/index.js";
import type { CliIo } from "../io.js";
import { reportDiagnostics, UsageError, type DiagnosticFormat } from "../report.js";

export type ConvertTarget = "ice" | "yaml";

export async function convertCommand(
  io: CliIo,
  args: {
    readonly path: string;
    readonly to?: string;
    readonly out?: string;
    readonly format: DiagnosticFormat;
  },
): Promise<number> {
  const from: ConvertTarget = extname(args.path) === ".ice" ? "ice" : "yaml";
  const to = args.to ?? (from === "ice" ? "yaml" : "ice");
  if (to !== "ice" && to !== "yaml") throw new UsageError(`--to must be ice or yaml, got '${to}'`);
  const bag = new DiagnosticBag();
  const file = readSource(args.path, bag);
  const parsed = file ? (from === "ice" ? parseIceWorkflow(file) : parseYamlWorkflow(file)) : undefined;
  if (parsed) bag.addAll(parsed.diagnostics);
  if (hasErrors(bag.all) || !parsed?.workflow) return reportDiagnostics(io, bag.all, args.format) || 1;
  reportDiagnostics(io, bag.all, args.format);
  let text: string;
  try {
    text = to === "ice" ? printIce(parsed.workflow) : printYaml(parsed.workflow);
  } catch (error) {
    if (!(error instanceof PrintError)) throw error;
    io.stderr(`error: cannot convert ${args.path} to ${to}: ${error.message}\n`);
    return 1;
  }
  if (args.out === undefined) io.stdout(text);
  else writeFileSync(args.out, text);
  return 0;
}
