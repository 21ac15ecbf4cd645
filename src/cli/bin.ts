#!/usr/bin/env node
/**
 * @fileoverview The `iceosc` executable: runs the CLI on this process's streams, working directory
 * and environment, and sets the exit code it returns (see main.ts).
 */
import { main } from "./main.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
