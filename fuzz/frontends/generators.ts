/**
 * @fileoverview Case generators of the front-end fuzz targets: mostly mutations of the corpus,
 * plus inputs built from scratch where mutation rarely reaches (random expressions, deep and wide
 * JSON, billion-laughs YAML).
 */
import type { Corpus } from "./corpus.js";
import type { Generator } from "./harness.js";
import { HOSTILE, laughs, mutate, type Random } from "./mutate.js";

export const yamlCase: Generator = (random, corpus) =>
  random.chance(0.03) ? laughs(random, 1 + random.int(30)) : mutate(random, random.pick(corpus.yaml), corpus.yaml);

export const iceCase: Generator = (random, corpus) => mutate(random, random.pick(corpus.ice), corpus.ice);

export const expressionCase: Generator = (random, corpus) =>
  random.chance(0.4) ? expression(random, 0) : mutate(random, random.pick(corpus.expressions), corpus.expressions);

export const templateCase: Generator = (random, corpus) =>
  mutate(random, random.pick(corpus.templates), corpus.templates);

export const codeCase: Generator = (random, corpus) =>
  mutate(random, random.pick(corpus.codeBodies), corpus.codeBodies);

export const inputCase: Generator = (random, corpus: Corpus) => {
  if (random.chance(0.05)) return deepJson(random);
  return random.chance(0.5) || corpus.inputs.length === 0
    ? JSON.stringify(json(random, 0))
    : mutate(random, random.pick(corpus.inputs), corpus.inputs);
};

/** JSON thousands of levels deep, written directly (JSON.stringify itself would overflow). */
function deepJson(random: Random): string {
  const depth = random.int(100_000);
  return random.chance(0.5)
    ? `${"[".repeat(depth)}1${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

const OPERATORS = ["+", "-", "*", "/", "%", "==", "!=", "===", "<", "<=", ">", ">=", "and", "or", "&&", "||"];

function expression(random: Random, depth: number): string {
  if (depth > 3 + random.int(200) || random.chance(0.3))
    return random.pick(["1", "-2.5", "'s'", '"t"', "true", "x.y", "{{ n.v.0 }}", "inputs.a", random.pick(HOSTILE)]);
  return random.weighted<string>([
    [4, () => `${expression(random, depth + 1)} ${random.pick(OPERATORS)} ${expression(random, depth + 1)}`],
    [2, () => `(${expression(random, depth + 1)})`],
    [2, () => `${random.pick(["!", "not ", "-"])}${expression(random, depth + 1)}`],
    [1, () => `${"(".repeat(random.int(6000))}1${")".repeat(random.int(6000))}`],
  ]);
}

function json(random: Random, depth: number): unknown {
  if (depth > 4 || random.chance(0.3))
    return random.pick<unknown>([null, true, 0, -1.5, 1e308, "", random.pick(HOSTILE), "x".repeat(random.int(1000))]);
  if (random.chance(0.5)) return Array.from({ length: random.int(5) }, () => json(random, depth + 1));
  return Object.fromEntries(
    Array.from({ length: random.int(5) }, () => [
      random.pick(["a", "text", "__proto__", "constructor", random.pick(HOSTILE)]),
      json(random, depth + 1),
    ]),
  );
}
