/**
 * @fileoverview Progress of a long build: `[12/20] compiling sales_alert.totals` as each
 * sandboxed piece starts compiling. On a terminal the line is rewritten in place and cleared at
 * the end; elsewhere nothing is printed (logs stay clean) unless ICEOSC_PROGRESS=1 asks for one
 * line per piece.
 */
import type { CompileProgress } from "../build/compile.js";
import type { CliIo } from "./io.js";

export interface ProgressReporter {
  readonly report: (progress: CompileProgress) => void;
  /** Clears the progress line. */
  readonly done: () => void;
}

export function compileProgress(io: CliIo): ProgressReporter | undefined {
  const columns = io.stderrColumns;
  if (columns === undefined && io.env.ICEOSC_PROGRESS !== "1") return undefined;
  let shown = false;
  return {
    report: ({ index, total, workflow, nodeId }) => {
      const line = `[${index}/${total}] compiling ${workflow}.${nodeId}`;
      if (columns !== undefined) {
        io.stderr(`\r\x1b[K${line.slice(0, Math.max(20, columns - 1))}`);
        shown = true;
      } else io.stderr(`${line}\n`);
    },
    done: () => {
      if (shown) io.stderr("\r\x1b[K");
      shown = false;
    },
  };
}
