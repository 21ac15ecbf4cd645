/**
 * @fileoverview KNOWN DEFECTS of the code-node compiler, as the oracle sees them today. Each entry
 * names a corpus case (test/oracle/corpus) whose sandbox result differs from JavaScript's (WRONG)
 * or that crashes the compiler (CRASH). The corpus test passes while these defects are real and
 * FAILS when one is fixed, so that the entry gets deleted: this list only ever shrinks, to empty
 * (issue 11: "zero silent differences"). A new WRONG or CRASH not listed here fails the test.
 */

/** Case name -> what is wrong today. */
export const KNOWN_DEFECTS: Readonly<Record<string, string>> = {
  "issue11/block-scoped-const-shadowing": "WRONG: at $.b: JavaScript 1.5, sandbox 1",
  "issue11/division-through-reduce-const": "WRONG: at $.avg: JavaScript 4.333333333333333, sandbox 4",
  "issue11/multiplication-past-2^31": "WRONG: at $.big: JavaScript 7000000000, sandbox -1589934592",
  "issue11/point-one-plus-point-two": 'WRONG: at $.s: JavaScript "0.30000000000000004", sandbox "0.30000000000000007"',
  "issue11/map-with-the-compilers-i32-hint-then-divide": "WRONG: at $.half: JavaScript 1.5, sandbox 1",
  "stats/min-max-range": "WRONG: at $.min: JavaScript -0, sandbox 0",
  "stats/sum-of-large-integers": "WRONG: at $.total: JavaScript 2147483648, sandbox -2147483648",
  "text/count-vowels": "WRONG: at $.others: JavaScript 13, sandbox 16",
  "text/template-greeting":
    'WRONG: at $.greeting: JavaScript "Hello, there! You have 0 new messages.", sandbox "Hello, ! You have 0 new messag...',
  "records/default-sort": "WRONG: at $.numbers[2]: JavaScript 10, sandbox 2.5",
  "numbers/division-and-remainder": "WRONG: at $.q: JavaScript -0, sandbox 0",
  "numbers/integer-division-and-remainder":
    'WRONG: JavaScript returns {"q":Infinity,"r":NaN,"p":0,"s":1}, the sandbox fails with ICE_SANDBOX_TRAP: node \'body\'...',
  "numbers/rounding": "WRONG: at $.round: JavaScript -0, sandbox 0",
  "numbers/round-to-cents": "WRONG: at $.cents: JavaScript -0, sandbox 0",
  "numbers/print-number": 'WRONG: at $.half: JavaScript "0.16666666666666666", sandbox "0.16666666666666667"',
  "numbers/overflow-past-2^31": "WRONG: at $.sum: JavaScript 5000000000, sandbox 705032704",
  "numbers/integer-counter-past-2^31": "WRONG: at $.total: JavaScript 2147483650, sandbox -2147483646",
  "numbers/toString-radix":
    'WRONG: JavaScript returns {"hex":"1fffffffffffff","bin":"11111111111111111111111111111111111111111111111111111","b...',
  "idiom/out-of-range-read":
    'WRONG: JavaScript returns {"missing":true,"s":"undefined"}, the sandbox fails with ICE_SANDBOX_TRAP: node \'body\': ...',
  "idiom/string-at":
    'WRONG: JavaScript returns {"last":"","first":""}, the sandbox fails with ICE_SANDBOX_TRAP: node \'body\': trapped: I...',
  "idiom/codePointAt-fromCharCode": "WRONG: at $.cc: JavaScript NaN, sandbox -1",
  "idiom/map-get-missing":
    'WRONG: JavaScript returns {"missing":true,"v":-1}, the sandbox fails with ICE_SANDBOX_TRAP: node \'body\': trapped: ...',
};

/**
 * Cases refused with diagnostics that are unlocated or leak AssemblyScript internals (`~lib/`,
 * `AS200`, `i32`, `auto`, ...), today. A new one fails the corpus test; issue 11 item 5 wants this
 * list empty.
 */
export const KNOWN_BAD_DIAGNOSTICS: readonly string[] = [
  "issue11/return-in-forEach-inner-loop",
  "issue11/division-of-mapped-element",
  "stats/median-with-slice",
  "stats/mode",
  "text/capitalise-words",
  "text/truncate-with-ellipsis",
  "text/snake-to-camel",
  "text/csv-line",
  "text/repeat-and-join",
  "text/multi-line-template",
  "records/top-n-by-revenue",
  "records/sort-by-two-keys",
  "records/validate-optional-fields",
  "records/return-list-of-objects",
  "records/some-every-find",
  "numbers/bitwise",
  "numbers/toFixed",
  "numbers/toPrecision-and-exponential",
  "format/money-with-thousands",
  "format/duration-hms",
  "format/byte-sizes",
  "format/ordinals",
  "numbers/math-functions",
  "numbers/number-constants",
  "idiom/arrow-const",
  "idiom/function-expression",
  "idiom/object-literal-local",
  "idiom/in-operator",
  "idiom/return-objects-without-annotation",
  "idiom/find",
  "idiom/findLast",
  "idiom/flat",
  "idiom/flatMap",
  "idiom/fill",
  "idiom/array-of",
  "idiom/stable-sort-objects",
  "idiom/join-default-separator",
  "idiom/normalize",
  "idiom/map-counting",
  "idiom/set-has-and-size",
  "idiom/date-arithmetic",
];

/**
 * Programs of the short fuzz run in `npm test` (test/oracle/fuzz.test.ts: seed 1, 40 programs)
 * that are WRONG or CRASH today, by name (`fuzz/1/<index>`). As above: the test fails on a failing
 * program not listed here, and on a listed one that no longer fails (delete it then).
 */
export const KNOWN_FUZZ_FAILURES: readonly string[] = [];
