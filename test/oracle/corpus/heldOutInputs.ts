/**
 * @fileoverview Inputs shared by the held-out corpus files of sessions 17 and 18 (aiWorkflows17b.ts,
 * aiWorkflows18.ts): measurements with awkward numbers and prompts with empty and unicode texts.
 */
export const OUT = { out: "string" };

/** Measurements, with the awkward numbers. */
export const SIZES = [
  { xs: [1, 2, 3.5] },
  { xs: [] },
  { xs: [-0, 0.1, 1e21, -2] },
  { xs: [Number.MAX_SAFE_INTEGER, 0.5, 7, 150, -3] },
];
export const SIZE = { xs: "number[]" } as const;

/** Prompts, with empty and unicode ones. */
export const TEXTS = [
  { texts: ["hello world", "", "Ünïcode 😀 text", "a  b=c flag x=1"] },
  { texts: [] },
  { texts: ["x", "x", " 12 ", "NaN"] },
];
export const TEXT = { texts: "string[]" } as const;
