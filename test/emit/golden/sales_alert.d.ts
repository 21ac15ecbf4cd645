import { type RunOptions } from "iceosc/runtime";
/** Input of workflow sales_alert. */
export type Input = {
    sheet: string;
    threshold: number;
};
/** Output of workflow sales_alert. */
export type Output = {
    "total": number;
    "mean": number;
    "top_region": string;
    "alerted": boolean;
};
/** Runs workflow sales_alert. Rejects with an IceError (see iceosc/runtime) naming the failing node. */
export declare function run(input: Input, options?: RunOptions): Promise<Output>;
