/**
 * @fileoverview Sections reading `any` values from parsed JSON (inputs.j, jsonTexts.ts): fields of
 * mixed types stored into typed slots (which keep the `any`, as JavaScript keeps the value), fields
 * stored into typed slots where the input's shape guarantees the type (`const n: number = d.x`,
 * `let s: string = row.name`, `as string`, interfaces filled from `any` and from object literals
 * over it), compound assignment of `any` into typed numbers and texts (`-=`, `*=` with any value;
 * `+=` only where the value is a number), `var` in a function (hoisted loop counters), and the
 * arithmetic, concatenation, comparison, truthiness and `typeof` of fields of mixed types, whose
 * results leave as texts, numbers and booleans.
 */
import type { Stmt, Ty } from "./ast.js";
import type { Random } from "./random.js";
import { raw, type Section, type Sub, some, text } from "./sections.js";

/** An `any` field of mixed type, as text. */
function mixedField(r: Random, d: string): string {
  return r.pick([`${d}.m`, `${d}.k`, `${d}.m`, `${d}.rows.length`, `${d}.meta.tag`, `${d}.rows[0]?.v`]);
}

export function anyJsonSection(r: Random, sub: Sub, id: string): Section {
  const d = `j${id}d`;
  const declares: { name: string; ty: Ty }[] = [];
  const stmts: Stmt[] = [
    text(r.chance(0.5) ? `const ${d}: any = JSON.parse(inputs.j);` : `const ${d} = JSON.parse(inputs.j);`),
  ];
  const name = (suffix: string, ty: Ty) => {
    const n = `j${id}${suffix}`;
    declares.push({ name: n, ty });
    return n;
  };
  const m = () => mixedField(r, d);
  const pieces: (() => void)[] = [
    // A typed number from a number field, then compound assignments of `any` into it.
    () => {
      const n = name("n", "num");
      const ops = some(r, [
        `${n} += ${d}.x;`,
        `${n} -= ${m()};`,
        `${n} *= ${m()};`,
        `${n} += ${d}.meta.id;`,
        `${n} %= ${d}.x;`,
        ((f) => `${n} += typeof ${f} === "number" ? ${f} : 1;`)(m()),
      ]);
      stmts.push(text(`let ${n}: number = ${d}.x;`, ...ops));
    },
    // A typed text from a text field, then concatenation of values of any type onto it.
    () => {
      const s = name("s", "str");
      stmts.push(raw`let ${s}: string = ${d}.name;
${s} += ${m()};
${s} = ${s} + "|" + ${d}.x + ${sub("str")};
for (const row of ${d}.rows) ${s} += "," + row.${r.pick(["v", "w", "name"])};`);
    },
    () => stmts.push(text(`const ${name("t", "str")} = ${d}.meta.tag as string;`)),
    // Mixed values in typed slots keep their value, as JavaScript (README "any, unknown and
    // JSON"): used here only where the sandbox keeps them `any`, then read out as text.
    () => {
      const q = `j${id}q`;
      const u = `j${id}u`;
      const acc = `j${id}acc`;
      stmts.push(
        text(
          `const ${q}: number = ${m()};`,
          `let ${u}: string = ${m()};`,
          `let ${acc}: number = ${r.pick(["0", `${d}.x`])};`,
          `${acc} += ${m()};`,
          `${u} += ${m()};`,
          `const ${name("mix", "str")} = String(${q} + 1) + "|" + ${q} * 2 + "|" + \`\${${q}}\` + "|" + (${q} ${r.pick(["<", ">=", "==", "==="])} 3) + "|" + (${u} + "!") + "|" + ${acc} + (${acc} === ${q});`,
        ),
      );
    },
    // Interfaces filled from `any`: the value itself, and an object literal over its fields.
    () => {
      const rows = name("rows", "strs");
      const meta = name("meta", "str");
      stmts.push(
        text(
          `interface J${id}Row { name: string; w: number }`,
          `interface J${id}Meta { id: number; tag: string }`,
          // (`const rs: Row[] = d.rows` is refused: an `any` is read into typed fields one by one.)
          `const j${id}rs: J${id}Row[] = [];`,
          `for (const row of ${d}.rows) j${id}rs.push({ name: row.name, w: row.w ?? -1 });`,
          `const j${id}m: J${id}Meta = { id: ${d}.meta.id, tag: ${d}.meta.tag };`,
          `const ${rows} = j${id}rs.map((row) => row.name + ":" + row.w);`,
          `const ${meta} = \`\${j${id}m.tag}#\${j${id}m.id * 2}\`;`,
        ),
      );
    },
    // Arithmetic and concatenation of mixed values, kept as `any` until String().
    () =>
      stmts.push(
        raw`const ${name("c", "str")} = String(${m()} + ${m()}) + "/" + String(${m()} ${r.pick(["-", "*", "/", "%", "**"])} ${sub("num")}) + "/" + (${m()} + ${sub("num")});`,
      ),
    () =>
      stmts.push(
        text(
          `const ${name("e", "str")} = \`\${${m()}}|\${${m()} ${r.pick(["+", "-", "*"])} ${m()}}|\${typeof ${m()}}|\${${m()} ?? "nullish"}|\${${m()} || "falsy"}\`;`,
        ),
      ),
    // Comparisons of mixed values with each other and with typed ones.
    () => {
      const op = () => r.pick(["<", "<=", ">", ">=", "==", "!=", "===", "!=="]);
      stmts.push(
        raw`const ${name("b", "bool")} = ${m()} ${op()} ${m()} ${r.pick(["&&", "||"])} ${m()} ${op()} ${r.chance(0.5) ? sub("num") : sub("str")};`,
      );
    },
    () =>
      stmts.push(
        text(
          `const ${name("arr", "str")} = JSON.stringify([${m()}, ${m()}, ${d}.rows.map((row: any) => row.v)]) + [${m()}, ${m()}].join("-");`,
        ),
      ),
    () => stmts.push(text(`const ${name("z", "bool")} = !${m()} || Array.isArray(${m()}) || ${m()} == null;`)),
    // Numbers out of any values by operators and Number() (always numbers in JavaScript, so typed
    // slots are safe; an `any` passed where a number parameter is expected, `Math.max(d.m, 1)`,
    // stops the node when it is not one, README "What code nodes support").
    () =>
      stmts.push(
        text(
          `const ${name("f", "num")}: number = ${r.pick([`Number(${m()})`, `+${m()}`, `${m()} | 0`, `${m()} * 1`, `Math.max(Number(${m()}), ${d}.x)`])};`,
        ),
      ),
    // Rows of mixed values: typeof narrows, everything else concatenated.
    () => {
      const sum = name("sum", "num");
      const log = name("log", "strs");
      stmts.push(
        text(
          `let ${sum} = 0;`,
          `const ${log}: string[] = [];`,
          `for (const row of ${d}.rows) {`,
          `  if (typeof row.v === "number") ${sum} += row.v;`,
          `  else ${log}.push(row.name + "=" + row.v + (row.v ${r.pick(["<", ">=", "=="])} ${d}.x));`,
          "}",
        ),
      );
    },
    // `var` in a function: the loop counter read after its loop, declared in the body.
    () => {
      const out = name("var", "str");
      stmts.push(
        text(
          `function j${id}walk(rows: any[]): string {`,
          `  var acc = "";`,
          "  for (var i = 0; i < rows.length; i++) {",
          "    var row = rows[i];",
          `    acc += row.name + "=" + row.${r.pick(["v", "w", "name"])} + ";";`,
          "  }",
          "  return acc + i;",
          "}",
          `const ${out} = j${id}walk(${d}.rows);`,
        ),
      );
    },
  ];
  for (const piece of some(r, pieces, 0.3)) piece();
  return { stmts, declares };
}
