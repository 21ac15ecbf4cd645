import type { RunOptions, ToolContext } from "iceosc/runtime";
/** Input of workflow sales_alert. */
export type Input = { sheet: string; threshold: number };
/** Output of workflow sales_alert. */
export type Output = { "total": number; "mean": number; "top_region": string; "alerted": boolean };
type ToolResult<T> = T | Promise<T>;
/** Implementations of the tools of workflow sales_alert, typed from their declarations (`options.tools` of `run`). */
export type Tools = {
  read_csv: (args: { path: string }, context: ToolContext) => ToolResult<{
    rows: Array<{ region: string; amount: number }>;
  }>;
  send_alert: (args: { channel: string; message: string }, context: ToolContext) => ToolResult<{
    sent: boolean;
  }>;
  archive_report: (args: { title: string; body: string }, context: ToolContext) => ToolResult<{
    archived: boolean;
  }>;
};
/** Options of `run`: RunOptions with `tools` typed by `Tools`. */
export type Options = Omit<RunOptions, "tools"> & {
  readonly tools?: Tools & { readonly [name: string]: unknown };
};
/** Runs workflow sales_alert. Rejects with an IceError (see iceosc/runtime) naming the failing node. */
export declare function run(input: Input, options?: Options): Promise<Output>;
export {};
