/**
 * @fileoverview The numbers behind the front ends' bounds (bounds.ts enforces them). Apart from
 * bounds.ts so that what only needs a number (reading a file, the build cache's hit path) does
 * not load the YAML library: an unchanged rebuild loaded its 72 CommonJS files for one constant.
 *
 * The numbers are far above what a hand-written workflow needs and far below what the
 * recursive passes (checker, lowering, emitters, TypeScript and AssemblyScript) survive.
 */
export const FRONT_END_LIMITS = {
  /** Characters of one workflow file (the YAML library takes seconds per MiB). */
  sourceChars: 1024 * 1024,
  /**
   * Bytes of a workflow or plugin file read at most: 4 per character (UTF-8), so a longer file is
   * refused without being read to its end (src/build/sources.ts; a FIFO or device is not read).
   */
  sourceBytes: 4 * 1024 * 1024,
  /** Nesting of values, schema types, code-body brackets and expressions. */
  nesting: 64,
  /** Nodes a YAML document holds once its aliases are expanded. */
  yamlExpandedNodes: 100_000,
  /** Operators in one condition expression. */
  expressionOperators: 1_000,
} as const;
