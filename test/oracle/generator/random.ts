/**
 * @fileoverview A small seeded random source (mulberry32): the same seed gives the same programs
 * and inputs on every machine, so a fuzz finding is repeated with its seed.
 */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** One of `options`, chosen by weight; options with weight 0 never. */
  weighted<T>(options: readonly (readonly [number, () => T])[]): T {
    const total = options.reduce((a, [w]) => a + w, 0);
    let r = this.next() * total;
    for (const [w, f] of options) {
      if (r < w) return f();
      r -= w;
    }
    return options.find(([w]) => w > 0)![1]();
  }
}
