/**
 * @fileoverview The hostile code nodes: each is a sandbox unit with an input that makes it
 * misbehave, the exact error code that must come back, and an input on which the same node then
 * runs normally. Compile-time cases (code that must never compile) are listed separately.
 */
import type { SandboxLimits } from "../../../runtime/profiles.js";
import type { Shape } from "../helpers.js";

export const MiB = 1024 * 1024;

/** One hostile run. */
export interface HostileCase {
  readonly id: string;
  readonly body: string;
  readonly input?: { readonly [field: string]: Shape };
  readonly output?: { readonly [field: string]: Shape };
  readonly capabilities?: readonly string[];
  /** The input that makes the node misbehave. */
  readonly bad: Record<string, unknown>;
  readonly limits?: Partial<SandboxLimits>;
  readonly code: string;
  /** Checked against the error message when given. */
  readonly message?: RegExp;
  /** An input on which the node then succeeds, and (optionally) its output. */
  readonly good: Record<string, unknown>;
  readonly goodOutput?: Record<string, unknown>;
}

const BIG = { fuel: 1e15, memoryBytes: 2 * MiB, timeoutMs: 10_000 } as const;
/** Recursion without closures: a nested function calls itself through a function reference. */
// Code nodes are TypeScript: recursion is plain recursion (the callee is a lifted function).
const RECURSE = "function down(k: number): number { return k == 0 ? 0 : 1 + down(k - 1); }\n";

export const HOSTILE_CASES: readonly HostileCase[] = [
  // ---- infinite and long loops: fuel ----
  {
    id: "while_true",
    body: "if (inputs.n > 0) { while (true) {} }\nreturn { n: 1 };",
    bad: { n: 1 },
    limits: { fuel: 100_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { n: 0 },
    goodOutput: { n: 1 },
  },
  {
    id: "for_ever",
    body: "let i = 0;\nif (inputs.n > 0) for (;;) { i++; }\nreturn { n: i };",
    bad: { n: 1 },
    limits: { fuel: 100_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { n: 0 },
    goodOutput: { n: 0 },
  },
  {
    id: "do_while",
    body: "let i = 0;\ndo { i += inputs.n; } while (i != 7);\nreturn { n: i };",
    bad: { n: 2 },
    limits: { fuel: 100_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { n: 7 },
    goodOutput: { n: 7 },
  },
  {
    id: "nested_loops",
    body: "let s = 0;\nfor (let i = 0; i < inputs.n; i++) for (let j = 0; j < inputs.n; j++) s = (s + i * j) & 1023;\nreturn { n: s };",
    bad: { n: 100_000 },
    limits: { fuel: 5_000_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { n: 10 },
  },
  {
    id: "loop_in_callback",
    body: "let s = 0;\nconst xs = [1, 2, 3];\nxs.forEach((x) => { while (inputs.n > 0) s += x; });\nreturn { n: s };",
    bad: { n: 1 },
    limits: { fuel: 100_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { n: 0 },
    goodOutput: { n: 0 },
  },
  {
    id: "string_scan_forever",
    body: 'let i = 0;\nwhile (inputs.s.indexOf("z") < 0 && inputs.n > 0) i++;\nreturn { n: i };',
    input: { s: "string", n: "integer" },
    bad: { s: "abc", n: 1 },
    limits: { fuel: 200_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { s: "z", n: 1 },
    goodOutput: { n: 0 },
  },
  // ---- wall clock: a node spinning inside one call with a huge budget ----
  {
    id: "spin_timeout",
    body: "let i = 0;\nwhile (inputs.n > 0) { i++; }\nreturn { n: i };",
    bad: { n: 1 },
    limits: { fuel: 1e15, timeoutMs: 40 },
    code: "ICE_TIMEOUT",
    good: { n: 0 },
  },
  {
    id: "alloc_churn_timeout",
    body: 'let s = "";\nwhile (inputs.n > 0) { s = "ab".repeat(3); }\nreturn { n: s.length };',
    bad: { n: 1 },
    limits: { fuel: 1e15, memoryBytes: 256 * MiB, timeoutMs: 40 },
    code: "ICE_TIMEOUT",
    good: { n: 0 },
  },
  {
    id: "recursion_timeout",
    body: `${RECURSE}function fib(k: number): number { return k < 2 ? k : fib(k - 1) + fib(k - 2); }\nreturn { n: fib(inputs.n) };`,
    bad: { n: 60 },
    limits: { fuel: 1e15, timeoutMs: 40 },
    code: "ICE_TIMEOUT",
    good: { n: 10 },
    goodOutput: { n: 55 },
  },
  // ---- recursion: stack overflow contained, or fuel ----
  {
    id: "deep_recursion",
    body: `${RECURSE}return { n: down(inputs.n) };`,
    bad: { n: 50_000_000 },
    limits: { fuel: 1e12 },
    code: "ICE_SANDBOX_TRAP",
    message: /stack overflow/,
    good: { n: 100 },
    goodOutput: { n: 100 },
  },
  {
    id: "recursion_fuel",
    body: `${RECURSE}return { n: down(inputs.n) };`,
    bad: { n: 50_000 },
    limits: { fuel: 10_000 },
    code: "ICE_FUEL_EXHAUSTED",
    good: { n: 10 },
    goodOutput: { n: 10 },
  },
  {
    id: "mutual_recursion",
    body: "function a(k: number): number { return k <= 0 ? 0 : b(k - 1) + 1; }\nfunction b(k: number): number { return k <= 0 ? 0 : a(k - 1) + 1; }\nreturn { n: a(inputs.n) };",
    bad: { n: 40_000_000 },
    limits: { fuel: 1e12 },
    code: "ICE_SANDBOX_TRAP",
    good: { n: 5 },
    goodOutput: { n: 5 },
  },
  // ---- memory bombs ----
  {
    id: "array_bomb",
    body: "const a = new Array<number>();\nfor (let i = 0; i < inputs.n; i++) a.push(i);\nreturn { n: a.length };",
    bad: { n: 1e9 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 10 },
    goodOutput: { n: 10 },
  },
  {
    id: "string_bomb",
    body: 'let s = "ab";\nfor (let i = 0; i < inputs.n; i++) s = s + s;\nreturn { n: s.length };',
    bad: { n: 60 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 3 },
    goodOutput: { n: 16 },
  },
  {
    id: "map_bomb",
    body: 'const m = new Map<number, string>();\nfor (let i = 0; i < inputs.n; i++) m.set(i, "value");\nreturn { n: m.size };',
    bad: { n: 1e9 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 3 },
    goodOutput: { n: 3 },
  },
  {
    id: "set_bomb",
    body: "const m = new Set<string>();\nfor (let i = 0; i < inputs.n; i++) m.add(i.toString());\nreturn { n: m.size };",
    bad: { n: 1e9 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 3 },
    goodOutput: { n: 3 },
  },
  {
    id: "big_array_once",
    body: 'const a = "x".repeat(inputs.n);\nreturn { n: a.length };',
    bad: { n: 100_000_000 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 1000 },
    goodOutput: { n: 1000 },
  },
  {
    id: "nested_arrays",
    body: "const rows: number[][] = [];\nfor (let i = 0; i < inputs.n; i++) { const row: number[] = []; for (let j = 0; j < 1000; j++) row.push(j); rows.push(row); }\nreturn { n: rows.length };",
    bad: { n: 1e6 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 2 },
    goodOutput: { n: 2 },
  },
  {
    id: "repeat_bomb",
    body: 'return { n: "0123456789".repeat(inputs.n).length };',
    bad: { n: 10_000_000 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 2 },
    goodOutput: { n: 20 },
  },
  {
    id: "input_over_cap",
    body: "return { n: inputs.s.length };",
    input: { s: "string" },
    bad: { s: "x".repeat(2 * MiB) },
    limits: { memoryBytes: 1 * MiB },
    code: "ICE_MEMORY_LIMIT",
    good: { s: "abc" },
    goodOutput: { n: 3 },
  },
  // ---- huge outputs ----
  {
    id: "huge_output_array",
    body: "const a = new Array<number>();\nfor (let i = 0; i < inputs.n; i++) a.push(i);\nreturn { xs: a };",
    output: { xs: "integer[]" },
    bad: { n: 400_000 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 3 },
    goodOutput: { xs: [0, 1, 2] },
  },
  {
    id: "huge_output_string",
    body: 'return { s: "abcdefgh".repeat(inputs.n) };',
    output: { s: "string" },
    bad: { n: 200_000 },
    limits: BIG,
    code: "ICE_MEMORY_LIMIT",
    good: { n: 1 },
    goodOutput: { s: "abcdefgh" },
  },
  // ---- traps and aborts ----
  {
    id: "throw",
    body: 'if (inputs.n > 0) throw new Error("boom");\nreturn { n: 0 };',
    bad: { n: 1 },
    code: "ICE_SANDBOX_TRAP",
    message: /boom/,
    good: { n: 0 },
    goodOutput: { n: 0 },
  },
  {
    id: "hostile_abort_text",
    body: 'if (inputs.n > 0) throw new Error("\\u001b[2J\\u001b[31mFAKE error ICE_OK\\r\\nnext\\u202e");\nreturn { n: 0 };',
    bad: { n: 1 },
    code: "ICE_SANDBOX_TRAP",
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape character may reach the message
    message: /^[^\u001b\r\n\u202e]*$/,
    good: { n: 0 },
  },
  {
    id: "huge_abort_text",
    // 300,000 characters: the message and "Uncaught Error: " + message fit the memory limit together.
    body: 'if (inputs.n > 0) throw new Error("x".repeat(300000));\nreturn { n: 0 };',
    bad: { n: 1 },
    limits: BIG,
    code: "ICE_SANDBOX_TRAP",
    message: /^.{0,400}$/s,
    good: { n: 0 },
  },
  {
    id: "index_out_of_range",
    body: "const a = [1, 2, 3];\nreturn { n: a[inputs.n] };",
    bad: { n: 3 },
    code: "ICE_SANDBOX_TRAP",
    message: /range/i,
    good: { n: 2 },
    goodOutput: { n: 3 },
  },
  {
    id: "negative_index",
    body: "const a = [1, 2, 3];\nreturn { n: a[inputs.n] };",
    bad: { n: -1 },
    code: "ICE_SANDBOX_TRAP",
    good: { n: 0 },
    goodOutput: { n: 1 },
  },
  {
    id: "null_deref",
    body: 'const m = new Map<number, string>();\nm.set(0, "ok");\nreturn { n: m.get(inputs.n)!.length };',
    bad: { n: 1 },
    code: "ICE_SANDBOX_TRAP",
    good: { n: 0 },
    goodOutput: { n: 2 },
  },
  {
    id: "remainder_by_zero",
    body: "return { n: 10 % inputs.n };",
    bad: { n: 0 },
    // JavaScript: 10 % 0 is NaN, which no integer (or number) output may carry.
    code: "ICE_OUTPUT_INVALID",
    good: { n: 3 },
    goodOutput: { n: 1 },
  },
  {
    id: "assert_false",
    body: 'if (inputs.n != 0) throw new Error("n must be 0");\nreturn { n: 0 };',
    bad: { n: 1 },
    code: "ICE_SANDBOX_TRAP",
    good: { n: 0 },
  },
  {
    id: "invalid_length",
    body: 'const a = "ab".repeat(inputs.n);\nreturn { n: a.length };',
    bad: { n: -1 },
    code: "ICE_SANDBOX_TRAP",
    good: { n: 1 },
    goodOutput: { n: 2 },
  },
  {
    id: "nan_output",
    body: "return { x: inputs.n > 0 ? NaN : 1.5 };",
    output: { x: "number" },
    bad: { n: 1 },
    code: "ICE_OUTPUT_INVALID",
    good: { n: 0 },
    goodOutput: { x: 1.5 },
  },
  {
    id: "infinity_output",
    body: "return { x: 1 / inputs.n };",
    output: { x: "number" },
    bad: { n: 0 },
    code: "ICE_OUTPUT_INVALID",
    good: { n: 4 },
    goodOutput: { x: 0.25 },
  },
  {
    id: "fraction_to_integer",
    body: "return { n: inputs.n / 2 };",
    bad: { n: 3 },
    code: "ICE_OUTPUT_INVALID",
    good: { n: 4 },
    goodOutput: { n: 2 },
  },
  {
    id: "huge_to_integer",
    // Integers are JavaScript numbers (x * 1e12 is one); Infinity is not an integer.
    body: "return { n: inputs.x * 1e300 * 1e300 };",
    input: { x: "number" },
    bad: { x: 5 },
    code: "ICE_OUTPUT_INVALID",
    good: { x: 0 },
    goodOutput: { n: 0 },
  },
  {
    id: "nan_to_integer",
    body: "return { n: Math.sqrt(inputs.x) };",
    input: { x: "number" },
    capabilities: ["math"],
    bad: { x: -1 },
    code: "ICE_OUTPUT_INVALID",
    good: { x: 9 },
    goodOutput: { n: 3 },
  },
  // ---- malformed inputs: refused before any module code runs ----
  {
    id: "input_wrong_type",
    body: "return { n: inputs.n + 1 };",
    bad: { n: "1" },
    code: "ICE_INPUT_INVALID",
    good: { n: 1 },
    goodOutput: { n: 2 },
  },
  {
    id: "input_missing_field",
    body: "return { n: inputs.n + 1 };",
    bad: {},
    code: "ICE_INPUT_INVALID",
    good: { n: 1 },
  },
  {
    id: "input_fraction",
    body: "return { n: inputs.n + 1 };",
    bad: { n: 1.5 },
    code: "ICE_INPUT_INVALID",
    good: { n: 1 },
  },
  {
    id: "input_out_of_range",
    body: "return { n: inputs.n + 1 };",
    bad: { n: 2.5 },
    code: "ICE_INPUT_INVALID",
    good: { n: 1 },
  },
  {
    id: "input_nan",
    body: "return { x: inputs.x };",
    input: { x: "number" },
    output: { x: "number" },
    bad: { x: NaN },
    code: "ICE_INPUT_INVALID",
    good: { x: 1 },
    goodOutput: { x: 1 },
  },
  {
    id: "input_bad_element",
    body: "return { n: inputs.xs.length };",
    input: { xs: "string[]" },
    bad: { xs: ["a", 2] },
    code: "ICE_INPUT_INVALID",
    good: { xs: ["a"] },
    goodOutput: { n: 1 },
  },
  {
    id: "input_null_object",
    body: "return { n: inputs.o.k };",
    input: { o: { k: "integer" } },
    bad: { o: null },
    code: "ICE_INPUT_INVALID",
    good: { o: { k: 4 } },
    goodOutput: { n: 4 },
  },
];

/** Bodies that must not compile, with the diagnostic code they get. */
export const REFUSED_BODIES: readonly {
  readonly id: string;
  readonly body: string;
  readonly code: string;
  readonly capabilities?: readonly string[];
}[] = [
  {
    id: "external_eval",
    body: '@external("env", "eval") declare function ev(s: string): void;\nev("1");\nreturn { n: 1 };',
    code: "ICE3003",
  },
  {
    id: "external_process",
    body: '@external("node:process", "exit") declare function exit(c: i32): void;\nexit(1);\nreturn { n: 1 };',
    code: "ICE3003",
  },
  { id: "declare_function", body: "declare function host(): void;\nhost();\nreturn { n: 1 };", code: "ICE3003" },
  { id: "process_global", body: "process.exit(3);\nreturn { n: 1 };", code: "ICE3003" },
  // Forged pointers (AssemblyScript's changetype/StaticArray) are not TypeScript: refused by the checker.
  {
    id: "changetype_read_far",
    body: "let n = 0;\nif (inputs.n > 0) { const a = changetype<StaticArray<i32>>(<usize>inputs.n); n = a[0] + a.length; }\nreturn { n };",
    code: "ICE3001",
  },
  {
    id: "changetype_fake_header",
    body: "const h = new StaticArray<u32>(4);\nconst fake = changetype<StaticArray<u16>>(changetype<usize>(h) + 16);\nreturn { n: fake.length };",
    code: "ICE3001",
  },
  { id: "raw_load", body: "return { n: load<i32>(0) };", code: "ICE3001" },
  { id: "raw_store", body: "store<i32>(8, 1);\nreturn { n: 1 };", code: "ICE3001" },
  { id: "memory_grow", body: "memory.grow(100);\nreturn { n: 1 };", code: "ICE3001" },
  { id: "bulk_fill", body: "memory.fill(0, 0, 65536);\nreturn { n: 1 };", code: "ICE3001" },
  { id: "unreachable_builtin", body: "if (inputs.n > 0) unreachable();\nreturn { n: 0 };", code: "ICE3001" },
  { id: "bulk_copy", body: "memory.copy(0, 1024, 65536);\nreturn { n: 1 };", code: "ICE3001" },
  {
    id: "start_escape",
    body: "return { n: 1 };\n}\nlet x = spin();\nfunction spin(): i32 { while (true) {} }\nfunction again(inputs: Input): Output {\nreturn { n: 2 };",
    code: "ICE1013",
  },
  { id: "random_ungranted", body: "return { n: <i32>(Math.random() * 10) };", code: "ICE3002" },
  { id: "time_ungranted", body: "return { n: <i32>Date.now() };", code: "ICE3002" },
  { id: "log_ungranted", body: 'console.log("x");\nreturn { n: 1 };', code: "ICE3002" },
  { id: "trace_ungranted", body: 'trace("x");\nreturn { n: 1 };', code: "ICE3002" },
];
