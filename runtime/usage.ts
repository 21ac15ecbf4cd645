/**
 * @fileoverview Token and cost accounting: one meter per node attempt, adding into the run's.
 */
import type { TokenUsage } from "./options.js";

export class UsageMeter {
  private input = 0;
  private output = 0;
  private cost = 0;
  private priced = false;

  constructor(private readonly parent?: UsageMeter) {}

  add(usage: TokenUsage, costUsd: number | undefined): void {
    this.input += usage.inputTokens;
    this.output += usage.outputTokens;
    if (costUsd !== undefined) {
      this.cost += costUsd;
      this.priced = true;
    }
    this.parent?.add(usage, costUsd);
  }

  get tokens(): TokenUsage {
    return { inputTokens: this.input, outputTokens: this.output };
  }

  /** Total cost in dollars, undefined when no call had a known price. */
  get costUsd(): number | undefined {
    return this.priced ? this.cost : undefined;
  }

  get used(): boolean {
    return this.input + this.output > 0 || this.priced;
  }
}
