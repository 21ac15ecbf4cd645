/**
 * @fileoverview What the CLI touches of its process, passed in so `main` runs in-process (tests,
 * embedders) exactly as it runs from the `iceosc` binary: where output goes, the working
 * directory relative paths resolve against, and the environment it reads settings from.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { visiblePath } from "../util/visibleText.js";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths on the command line resolve against this directory. */
  readonly cwd: string;
  /** Settings read from the environment (`ICEOSC_CACHE_DIR`, provider keys and URLs). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Width of the terminal stderr is, when it is one (progress lines are drawn there). */
  readonly stderrColumns?: number;
}

/** The real process: its standard streams, working directory and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    ...(process.stderr.isTTY && { stderrColumns: process.stderr.columns ?? 80 }),
  };
}

/**
 * A command-line path as the compiler should open it: unchanged when it is absolute or `io.cwd` is
 * the process's own (so diagnostics name files as the user typed them), else resolved against `io.cwd`.
 */
export function cliPath(io: CliIo, path: string): string {
  return isAbsolute(path) || resolve(io.cwd) === process.cwd() ? path : resolve(io.cwd, path);
}

/** A path as messages show it: relative to `io.cwd` when it lies inside it, else as it is. */
export function shownPath(io: CliIo, path: string): string {
  const inside = relative(io.cwd, resolve(io.cwd, path));
  return visiblePath(inside === "" ? "." : inside.startsWith("..") || isAbsolute(inside) ? path : inside);
}
