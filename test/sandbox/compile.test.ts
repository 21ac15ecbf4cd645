/**
 * @fileoverview Compile-side checks: syntax and Python diagnostics at the right place, bodies
 * that try to escape their function or reach the host, capabilities used without a grant,
 * compile errors mapped into the workflow file, the artifact cache, and module verification.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { compileSandboxUnits, type CompileSandboxResult } from "../../src/emit/wasm/index.js";
import { checkCodeSyntax } from "../../src/emit/wasm/syntax.js";
import { BODY_FIRST_LINE, compileAll, embed, LIMITS, obj, thrown, unit, where } from "./helpers.js";

const N = { n: "integer" } as const;
const PYTHON = "# User provided Python code\nresult = process_data(inputs['data'])\nreturn {\"processed\": result}";
const line = (n: number) => BODY_FIRST_LINE + n - 1;

function diagnosticsOf(result: CompileSandboxResult, nodeId: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.span?.file.path === `${nodeId}.yaml`);
}

describe("checkCodeSyntax", () => {
  it("accepts TypeScript", () => {
    expect(checkCodeSyntax(embed("const x = inputs.n + 1;\nreturn { n: x };"))).toEqual([]);
  });

  it("says a Python body is Python, at the offending line of the workflow file", () => {
    const [d, ...rest] = checkCodeSyntax(embed(PYTHON, "py"));
    expect(rest).toEqual([]);
    expect(where(d!)).toBe(`py.yaml:${line(1)}:7 ICE1014`);
    expect(d!.message).toContain("'#'");
  });

  it("points ICE1013 at a TypeScript syntax error", () => {
    const [d] = checkCodeSyntax(embed("const a = 1;\nreturn { n: a ;", "bad"));
    expect(where(d!)).toBe(`bad.yaml:${line(2)}:21 ICE1013`);
  });

  it("rejects a body that closes its function and declares top-level code", () => {
    const breakout =
      "return { n: 1 };\n}\nexport function evil(): void {}\nfunction again(inputs: Input): Output {\nreturn { n: 2 };";
    const [d] = checkCodeSyntax(embed(breakout, "esc"));
    expect(where(d!)).toBe(`esc.yaml:${line(2)}:7 ICE1013`);
  });
});

describe("compileSandboxUnits diagnostics", () => {
  let result: CompileSandboxResult;

  beforeAll(async () => {
    result = await compileSandboxUnits([
      unit("py", PYTHON, { data: "string" }, { processed: "string" }, ["json", "math"]),
      unit("ext", '@external("env", "eval") declare function ev(): void;\nev();\nreturn { n: 1 };', N, N),
      unit("decl", "declare function ev(): void;\nev();\nreturn { n: 1 };", N, N),
      unit("rand", 'const r = Math.random();\nconsole.log("x");\nreturn { n: Math.floor(r * 10) };', N, N, ["math"]),
      unit("mathless", "return { n: Math.floor(inputs.n / 2) };", N, N),
      unit("types", "let half: i32 = 1.5;\nreturn { n: half };", N, N),
      unit("api", 'const s = "abc";\nreturn { n: s.toLocaleUpperCase().length };', N, N),
      unit("shape", 'return { n: "text" };', N, N),
      unit("anyin", "return { n: 1 };", { x: "any" }, N),
      unit("badname", "return { n: 1 };", { "a-b": "number" }, N),
      unit("proc", "process.exit(3);\nreturn { n: 1 };", N, N),
      unit("ok", "return { n: inputs.n * 2 };", N, N),
    ]);
  }, 60_000);

  it("reports the Python body once, at its first line", () => {
    expect(diagnosticsOf(result, "py").map(where)).toEqual([`py.yaml:${line(1)}:7 ICE1014`]);
  });

  it("refuses host declarations written inside the body", () => {
    for (const id of ["ext", "decl"]) {
      const codes = diagnosticsOf(result, id).map((d) => d.code);
      expect(codes.some((c) => c === "ICE3003" || c === "ICE1013")).toBe(true);
    }
    expect(where(diagnosticsOf(result, "decl")[0]!)).toBe(`decl.yaml:${line(1)}:7 ICE3003`);
    expect(diagnosticsOf(result, "ext")[0]!.message).toContain('@external("env", "eval")');
    expect(diagnosticsOf(result, "proc").map((d) => `${where(d)} ${d.message}`)).toEqual([
      `proc.yaml:${line(1)}:7 ICE3003 sandboxed code may not import 'process': only granted capabilities reach the host`,
    ]);
    expect(result.artifacts.map((a) => a.nodeId).sort()).toEqual(["anyin", "ok"]);
  });

  it("names capabilities used without a grant, where they are used", () => {
    const found = diagnosticsOf(result, "rand");
    expect(found.map(where)).toEqual([`rand.yaml:${line(1)}:22 ICE3002`, `rand.yaml:${line(2)}:7 ICE3002`]);
    expect(found[0]!.message).toContain("'Math.random'");
    expect(found[0]!.message).toContain("'random'");
    expect(found[1]!.message).toContain("'log'");
    expect(diagnosticsOf(result, "mathless").map((d) => d.message)).toEqual([
      "code uses 'Math', which needs capability 'math'; add it to imports",
    ]);
  });

  it("reports TypeScript's own errors, located, in TypeScript's words", () => {
    expect(diagnosticsOf(result, "types").map((d) => `${where(d)} ${d.message}`)).toEqual([
      `types.yaml:${line(1)}:17 ICE3009 this type name (from the old sandbox dialect) is not supported in sandboxed code; code nodes are TypeScript and compute with JavaScript numbers: write \`number\` (and no \`<...>\` cast)`,
    ]);
    expect(diagnosticsOf(result, "shape").map((d) => `${where(d)} ${d.message}`)).toEqual([
      `shape.yaml:${line(1)}:16 ICE3001 Type 'string' is not assignable to type 'number'. (TS2322)`,
    ]);
    // An API the library does not declare is the checker's error at its use.
    expect(diagnosticsOf(result, "api").map((d) => `${where(d)} ${d.message}`)).toEqual([
      `api.yaml:${line(2)}:21 ICE3001 Property 'toLocaleUpperCase' does not exist on type '"abc"'. (TS2339)`,
    ]);
    for (const d of result.diagnostics) expect(d.message).not.toMatch(/~lib|AS\d{3}|\bi32\b(?!')|auto/);
  });

  it("refuses schema fields it cannot marshal, and takes 'any' as a JSON value", () => {
    expect(diagnosticsOf(result, "badname").map((d) => d.code)).toEqual(["ICE3007"]);
    expect(diagnosticsOf(result, "anyin")).toEqual([]);
  });
});

describe("compiler isolation", () => {
  it("stops a compile that runs past its timeout with ICE3006", async () => {
    const result = await compileSandboxUnits([unit("slow", "return { n: 1 };", N, N)], { timeoutMs: 1 });
    expect(result.diagnostics.map(where)).toEqual([`slow.yaml:${line(1)}:7 ICE3006`]);
    expect(result.artifacts).toEqual([]);
  });

  it("stops typing a body past the typer's heap with ICE3008, and still compiles the others", async () => {
    // Recursive tuple-building aliases: TypeScript's checker took GBs on the build's own thread.
    const bomb = Array.from(
      { length: 40 },
      (_, i) =>
        `type T${i}<M extends number, A extends unknown[] = []> = A['length'] extends M ? A : T${i}<M, [...A, ${i}]>;\nconst v${i}: T${i}<999>['length'] = 999;`,
    ).join("\n");
    const units = [unit("bomb", `${bomb}\nreturn { n: 1 };`, N, N), unit("fine", "return { n: inputs.n + 1 };", N, N)];
    const result = await compileSandboxUnits(units, { typing: { memoryMb: 96 } });
    expect(result.diagnostics.map((d) => `${where(d)} ${d.message}`)).toEqual([
      `bomb.yaml:${line(1)}:7 ICE3008 this code body is too expensive to type-check: it needed more than 96 MB; simplify its types`,
    ]);
    expect(result.artifacts.map((a) => a.nodeId)).toEqual(["fine"]);
  }, 240_000);
});

describe("artifact cache", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "iceosc-sandbox-cache-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("serves an unchanged rebuild from the cache without starting the compiler", async () => {
    const units = [unit("c1", "return { n: inputs.n + 1 };", N, N), unit("c2", "return { n: inputs.n + 1 };", N, N)];
    const first = await compileAll(units, dir);
    // One program: a module counts trap lines from its body's first line and names no file, so
    // identical bodies share one compile wherever they sit.
    expect(first.stats).toEqual({ cacheHits: 0, compiled: 1, workerStarted: true });
    const second = await compileAll(units, dir);
    expect(second.diagnostics).toEqual([]);
    expect(second.stats).toEqual({ cacheHits: 2, compiled: 0, workerStarted: false });
    expect(second.artifacts.map((a) => a.hash)).toEqual(first.artifacts.map((a) => a.hash));
    expect(second.programs.get("c2")!.run({ n: 41 }, LIMITS).output).toEqual({ n: 42 });
  }, 60_000);
});

describe("SandboxProgram.compile verification", () => {
  const spec = { nodeId: "evil", inputType: obj(N), outputType: obj(N), capabilities: ["math"] };

  it("denies a hand-made module importing env.eval", () => {
    // (module (type (func)) (import "env" "eval" (func (type 0))))
    const bytes = new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x02, 0x0c, 0x01, 0x03, 0x65,
      0x6e, 0x76, 0x04, 0x65, 0x76, 0x61, 0x6c, 0x00, 0x00,
    ]);
    const error = thrown(() => SandboxProgram.compile(bytes, spec));
    expect(error.code).toBe("ICE_CAPABILITY_DENIED");
    expect(error.message).toContain("env.eval");
  });

  it("rejects modules that are not metered sandbox modules", () => {
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    expect(thrown(() => SandboxProgram.compile(empty, spec)).code).toBe("ICE_MODULE_INVALID");
    expect(thrown(() => SandboxProgram.compile(new Uint8Array([1, 2, 3]), spec)).code).toBe("ICE_MODULE_INVALID");
  });
});
