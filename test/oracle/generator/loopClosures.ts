/**
 * @fileoverview Sections with closures made in loops: a `let` loop variable (one binding per
 * iteration), a `const` of the body, a for-of element and a binding shared by all of them (a
 * counter the closures change), stored in arrays and in a Map by key, called after the loop (or
 * some inside it), plus callbacks chosen from a Map and applied to the inputs.
 */
import type { Stmt, Ty } from "./ast.js";
import type { Random } from "./random.js";
import { raw, type Section, type Sub, some, text } from "./sections.js";

export function loopClosureSection(r: Random, sub: Sub, id: string): Section {
  const declares: { name: string; ty: Ty }[] = [];
  const name = (suffix: string, ty: Ty) => {
    const n = `l${id}${suffix}`;
    declares.push({ name: n, ty });
    return n;
  };
  const stmts: Stmt[] = [];
  const shared = `l${id}shared`;
  stmts.push(text(`let ${shared} = ${r.pick(["0", "1", "inputs.n"])};`));
  const pieces: (() => void)[] = [
    // Per-iteration `let` and `const` bindings captured, called after the loop.
    () => {
      const out = name("fs", "nums");
      stmts.push(
        raw`const l${id}fns: (() => number)[] = [];
for (let i = 0; i < ${r.pick(["3", "4", "inputs.xs.length"])}; i++) {
  const j = i * ${sub("num")};
  l${id}fns.push(() => ${r.pick(["i + j", `i * 10 + ${shared}`, "j - i", `i + ${shared}++`])});${r.chance(0.4) ? `\n  if (i === 1) i++;` : ""}
}
${shared} += 5;
const ${out} = l${id}fns.map((f) => f());`,
      );
    },
    // for-of elements captured, some closures called inside the loop too.
    () => {
      const out = name("of", "strs");
      stmts.push(
        raw`const l${id}later: (() => string)[] = [];
for (const w of ${r.chance(0.5) ? "inputs.ws" : sub("strs")}) {
  let seen = ${shared};
  const show = () => w + ":" + seen++;
  ${r.chance(0.5) ? "show();" : ""}
  l${id}later.push(show);
}
const ${out} = l${id}later.map((f) => f()).concat(l${id}later.map((f) => f()));`,
      );
    },
    // Callbacks in a Map by key, looked up and applied; a later set replaces one.
    () => {
      const out = name("map", "str");
      stmts.push(
        raw`const l${id}ops = new Map<string, (x: number) => number>();
l${id}ops.set("dbl", (x) => x * 2);
l${id}ops.set("add", (x) => x + ${sub("num")});
for (const w of inputs.ws) l${id}ops.set(w, (x) => x + w.length + ${shared});
l${id}ops.set(${r.pick(['"dbl"', '"a"', '""'])}, (x) => -x);
const ${out} = [...l${id}ops.entries()].map(([key, op]) => key + "=" + op(inputs.a)).join(";") + (l${id}ops.get("add")?.(1) ?? "none");`,
      );
    },
    // Closures over a while loop's per-iteration `let`, and over the shared counter.
    () => {
      const out = name("wh", "nums");
      stmts.push(
        text(
          `const l${id}acc: ((x: number) => number)[] = [];`,
          `let l${id}k = 0;`,
          `while (l${id}k < ${r.pick(["2", "3"])}) {`,
          `  const c = l${id}k * l${id}k;`,
          `  l${id}acc.push((x) => x + c + ${shared});`,
          `  l${id}k++;`,
          "}",
          `${shared} = ${shared} * 2 + 1;`,
          `const ${out} = l${id}acc.map((f, i) => f(i)).concat(l${id}acc.map((f) => f(inputs.b)));`,
        ),
      );
    },
  ];
  for (const piece of some(r, pieces, 0.4)) piece();
  const end = name("end", "num");
  stmts.push(text(`const ${end} = ${shared};`));
  return { stmts, declares };
}
