/**
 * @fileoverview The error of an intrinsic host function (intrinsics.ts, hostText.ts) called where
 * JavaScript itself throws: the sandbox's run traps with its message (classify.ts).
 */

/** Thrown for a call JavaScript itself would throw for (e.g. `toFixed(101)`): the run traps. */
export class IntrinsicError extends Error {}
