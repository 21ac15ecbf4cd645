/**
 * @fileoverview Dependency waves (src/emit/ts/schedule.ts `wavesByDepth`) against the obvious
 * definition they replace (peel off, wave by wave, the nodes whose dependencies are all done;
 * everything left once none is ready forms one last wave), on random graphs with and without
 * cycles, and a chain long enough that the obvious definition's quadratic scan would show.
 */
import { describe, expect, it } from "vitest";
import { wavesByDepth } from "../../src/emit/ts/schedule.js";

type Node = { readonly id: string };

function peeled(nodes: readonly Node[], waitsFor: ReadonlyMap<string, ReadonlySet<string>>): Node[][] {
  const waves: Node[][] = [];
  const done = new Set<string>();
  let remaining = [...nodes];
  while (remaining.length > 0) {
    let wave = remaining.filter((node) => [...waitsFor.get(node.id)!].every((t) => done.has(t)));
    if (wave.length === 0) wave = remaining;
    for (const node of wave) done.add(node.id);
    waves.push(wave);
    remaining = remaining.filter((node) => !done.has(node.id));
  }
  return waves;
}

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomGraph(seed: number, cycles: boolean): { nodes: Node[]; waitsFor: Map<string, Set<string>> } {
  const random = prng(seed);
  const count = 1 + Math.floor(random() * 30);
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}` }));
  const waitsFor = new Map<string, Set<string>>();
  for (let i = 0; i < count; i++) {
    const targets = new Set<string>();
    const edges = Math.floor(random() * 4);
    for (let e = 0; e < edges; e++) {
      // Without cycles, a node waits only for nodes written before it; the order is then shuffled.
      const j = cycles ? Math.floor(random() * count) : Math.floor(random() * i);
      if (j !== i && (cycles || j < i)) targets.add(`n${j}`);
    }
    waitsFor.set(`n${i}`, targets);
  }
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [nodes[i], nodes[j]] = [nodes[j]!, nodes[i]!];
  }
  return { nodes, waitsFor };
}

const ids = (waves: Node[][]): string[][] => waves.map((wave) => wave.map((n) => n.id));

describe("dependency waves", () => {
  it("match peeling ready nodes wave by wave on random acyclic graphs, written order kept", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { nodes, waitsFor } = randomGraph(seed, false);
      expect(ids(wavesByDepth(nodes, waitsFor)), `seed ${seed}`).toEqual(ids(peeled(nodes, waitsFor)));
    }
  });

  it("put nodes on or behind a cycle in one last wave, as peeling does", () => {
    let cyclic = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { nodes, waitsFor } = randomGraph(seed, true);
      const expected = peeled(nodes, waitsFor);
      if (expected.flat().length !== nodes.length || expected.some((w) => w.length === 0))
        throw new Error("bad oracle");
      if (
        ids(expected)
          .at(-1)!
          .some((id) => [...waitsFor.get(id)!].some((t) => ids(expected).at(-1)!.includes(t)))
      )
        cyclic++;
      expect(ids(wavesByDepth(nodes, waitsFor)), `seed ${seed}`).toEqual(ids(peeled(nodes, waitsFor)));
    }
    expect(cyclic).toBeGreaterThan(50);
  });

  it("give a chain of 20,000 nodes 20,000 waves", () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}` }));
    const waitsFor = new Map(nodes.map((n, i) => [n.id, new Set(i === 0 ? [] : [`n${i - 1}`])]));
    const waves = wavesByDepth(nodes, waitsFor);
    expect(waves.length).toBe(20_000);
    expect(waves[19_999]![0]!.id).toBe("n19999");
  });
});
