#!/usr/bin/env node
/**
 * @fileoverview The `iceosc` executable: runs the CLI and maps its outcome to an exit code.
 * Usage mistakes exit 2; a bug in iceosc itself exits 70 with the stack, asking for a report.
 */
import { main } from "./main.js";
import { UsageError } from "./report.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`iceosc: ${(error as Error).message}\nrun 'iceosc --help' for usage\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `iceosc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nplease report this with the workflow that caused it\n`,
      );
      process.exitCode = 70;
    }
  },
);
