/**
 * @fileoverview Sections with exceptions: a custom Error subclass (a field, its own name), thrown
 * from a call nested two or three deep (recursion), caught by an inner try that logs and rethrows
 * some of them, `finally` blocks that run on every path (including a `return` from `try`), an
 * outer `catch (e)` reading `e.message`, `e.name` and `instanceof`, and a `catch` without binding.
 */
import type { Stmt, Ty } from "./ast.js";
import type { Random } from "./random.js";
import { raw, type Section, type Sub, some, text } from "./sections.js";

export function tryCatchSection(r: Random, sub: Sub, id: string): Section {
  const E = `Err${id}`;
  const f = `t${id}f`;
  const declares: { name: string; ty: Ty }[] = [];
  const name = (suffix: string, ty: Ty) => {
    const n = `t${id}${suffix}`;
    declares.push({ name: n, ty });
    return n;
  };
  const limit = r.pick(["2", "0", "100", "(-1)", "inputs.b"]);
  const stmts: Stmt[] = [
    text(
      `class ${E} extends Error {`,
      "  constructor(message: string, readonly code: number) {",
      "    super(message);",
      ...(r.chance(0.6) ? [`    this.name = "${E}";`] : []),
      "  }",
      "}",
    ),
    raw`function ${f}(x: number, depth: number): number {
  if (depth > 0) return ${f}(x ${r.pick(["+ 1", "* 2", "- 0.5"])}, depth - 1) ${r.pick(["* 2", "+ 1", ""])};
  if (x > ${limit}) throw new ${E}("big " + x, ${r.pick(["1", "x", "depth"])});
  if (x < ${sub("num")}) throw new ${r.pick(["Error", "RangeError", "TypeError"])}(\`small \${x}\`);
  return x;
}`,
  ];
  const log = name("log", "strs");
  const total = name("total", "num");
  const rethrow = r.pick([`e instanceof ${E}`, `e instanceof ${E} && e.code > 1`, "true", "false"]);
  const finallyBlock = r.chance(0.7);
  stmts.push(
    raw`const ${log}: string[] = [];
let ${total} = 0;
for (const x of ${r.chance(0.6) ? "inputs.xs" : sub("nums")}) {
  try {
    try {
      const got = ${f}(x, ${r.pick(["0", "1", "2", "x > 0 ? 1 : 0"])});
      ${total} += got;
      ${log}.push("ok");
    } catch (e) {
      ${log}.push("inner " + (e as Error).message);
      if (${rethrow}) throw e;
    }${finallyBlock ? ` finally {\n      ${log}.push("fin");\n    }` : ""}
  } catch (e) {
    ${log}.push(${r.pick([
      `\`outer \${e instanceof ${E} ? e.code : -1} \${(e as Error).name}\``,
      "`outer ${(e as Error).message}`",
      `String(e)`,
      `e instanceof Error ? e.name + ":" + e.message : "?"`,
    ])});
  }
}`,
  );
  const pieces: (() => void)[] = [
    // finally runs after a return from try; the catch returns a fallback.
    () => {
      const out = name("safe", "nums");
      stmts.push(
        text(
          `let t${id}runs = 0;`,
          `function t${id}guard(x: number): number {`,
          "  try {",
          `    return ${f}(x, 1);`,
          r.chance(0.5) ? "  } catch {" : `  } catch (e) {\n    if (e instanceof ${E}) return -e.code;`,
          "    return -1;",
          "  } finally {",
          `    t${id}runs++;`,
          "  }",
          "}",
          `const ${out} = [inputs.a, inputs.b, inputs.n].map(t${id}guard).concat([t${id}runs]);`,
        ),
      );
    },
    // The message of an error thrown by the body's own code and the library's.
    () => {
      const msg = name("msg", "str");
      stmts.push(
        raw`let ${msg} = "";
try {
  ${msg} = JSON.parse(${sub("str")}) + "";
} catch (e: any) {
  ${msg} = e instanceof SyntaxError ? "syntax" : e.message;
} finally {
  ${msg} += "!";
}`,
      );
    },
  ];
  for (const piece of some(r, pieces, 0.4)) piece();
  return { stmts, declares };
}
