/**
 * @fileoverview KNOWN DEFECTS of the code-node compiler, as the oracle sees them today. Each entry
 * names a corpus case (test/oracle/corpus) whose sandbox result differs from JavaScript's (WRONG)
 * or that crashes the compiler (CRASH). The corpus test passes while these defects are real and
 * FAILS when one is fixed, so that the entry gets deleted: this list only ever shrinks, to empty
 * (issue 11: "zero silent differences"). A new WRONG or CRASH not listed here fails the test.
 */

/** Case name -> what is wrong today. */
export const KNOWN_DEFECTS: Readonly<Record<string, string>> = {};

/**
 * Cases refused with diagnostics that are unlocated or leak AssemblyScript internals (`~lib/`,
 * `AS200`, `i32`, `auto`, ...), today. A new one fails the corpus test; issue 11 item 5 wants this
 * list empty.
 */
export const KNOWN_BAD_DIAGNOSTICS: readonly string[] = [];

/**
 * Programs of the short fuzz run in `npm test` (test/oracle/fuzz.test.ts: seed 1, 40 programs)
 * that are WRONG or CRASH today, by name (`fuzz/1/<index>`). As above: the test fails on a failing
 * program not listed here, and on a listed one that no longer fails (delete it then).
 */
export const KNOWN_FUZZ_FAILURES: readonly string[] = [
  // `let u: string = d.k` (a boolean) then `u += d.k` stops the node: the body's widened 'any'
  // stores (dynamicStores.ts) are dropped all together when the 'any' lowering refuses one use
  // (here `.toLocaleString()` of a widened number and a Map keyed by a widened string[]'s
  // elements), so every annotation is a checked conversion again. Dropping only the widenings of
  // the refused uses would fix it.
  "fuzz/1/0",
];

/**
 * Corpus cases refused on purpose whose names do not say so (the others end in `refused` or hold
 * it). The corpus test fails when any other case is refused (a construct that compiled no longer
 * does) and when a case named as refused compiles (rename it, or it lost its point).
 */
export const EXPECTED_REFUSALS: Readonly<Record<string, string>> = {
  "ai5/type-guards-on-parsed": "a callback parameter typed other than the value it receives",
  "issue11/sort-floats-with-the-compilers-i32-hint": "the old sandbox dialect's i32 type name",
  "issue11/map-with-the-compilers-i32-hint-then-divide": "the old sandbox dialect's i32 type name",
  "json/parse-without-capability": "JSON without the json capability",
  "json/stringify-key-order-ambiguous": "literals of one type writing their keys in different orders",
};
