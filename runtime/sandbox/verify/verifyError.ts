/**
 * @fileoverview The one error module verification throws (runtime/sandbox/verify.ts).
 */

/** Why a module failed verification: `import` (not allowed to reach the host) or `module`. */
export class VerifyError extends Error {
  constructor(
    readonly reason: "import" | "instruction" | "module",
    message: string,
  ) {
    super(message);
  }
}
