/**
 * @fileoverview Classes declared in a body, as developers write them: a shape hierarchy with
 * overridden methods and getters, an accumulator, a stack, counters with static members, fluent
 * builders, field initialization order, methods using variables of the body, instanceof.
 */
import type { OracleCase } from "../oracle.js";

export const CLASSES: readonly OracleCase[] = [
  {
    name: "classes/shape-hierarchy",
    body: `
      abstract class Shape {
        constructor(public label: string) {}
        abstract area(): number;
        describe(): string {
          return \`\${this.label}: \${this.area().toFixed(2)}\`;
        }
      }
      class Circle extends Shape {
        constructor(public r: number) { super("circle"); }
        area(): number { return Math.PI * this.r * this.r; }
      }
      class Rect extends Shape {
        constructor(public w: number, public h: number) { super("rect"); }
        area(): number { return this.w * this.h; }
        get square(): boolean { return this.w === this.h; }
      }
      const shapes: Shape[] = [];
      for (const s of inputs.specs) {
        if (s.kind === "circle") shapes.push(new Circle(s.a));
        else shapes.push(new Rect(s.a, s.b));
      }
      let squares = 0;
      for (const s of shapes) if (s instanceof Rect && s.square) squares++;
      const total = shapes.reduce((sum, s) => sum + s.area(), 0);
      return { lines: shapes.map((s) => s.describe()), total, squares };
    `,
    input: { specs: [{ kind: "string", a: "number", b: "number" }] },
    output: { lines: "string[]", total: "number", squares: "integer" },
    inputs: [
      {
        specs: [
          { kind: "circle", a: 1, b: 0 },
          { kind: "rect", a: 2, b: 3 },
          { kind: "rect", a: 2.5, b: 2.5 },
        ],
      },
      { specs: [] },
      { specs: [{ kind: "circle", a: -0, b: 0 }] },
    ],
  },
  {
    name: "classes/accumulator",
    body: `
      class Stats {
        count = 0;
        sum = 0;
        min = Infinity;
        max = -Infinity;
        add(x: number): this {
          this.count++;
          this.sum += x;
          if (x < this.min) this.min = x;
          if (x > this.max) this.max = x;
          return this;
        }
        get mean(): number { return this.count === 0 ? 0 : this.sum / this.count; }
      }
      const s = new Stats();
      for (const x of inputs.xs) s.add(x);
      const t = new Stats().add(1).add(2);
      return { count: s.count, mean: s.mean, min: s.count ? s.min : 0, max: s.count ? s.max : 0, t: t.mean };
    `,
    input: { xs: "number[]" },
    output: { count: "number", mean: "number", min: "number", max: "number", t: "number" },
    inputs: [{ xs: [3, 1, 2] }, { xs: [] }, { xs: [-1.5, 0, 2147483647, -0] }],
  },
  {
    name: "classes/stack-with-errors",
    body: `
      class Stack {
        private items: number[] = [];
        push(x: number): void { this.items.push(x); }
        pop(): number {
          const v = this.items.pop();
          if (v === undefined) throw new Error("pop of an empty stack");
          return v;
        }
        get size(): number { return this.items.length; }
      }
      const st = new Stack();
      let error = "";
      try {
        for (const tok of inputs.tokens) {
          if (tok === "+") { const b = st.pop(); const a = st.pop(); st.push(a + b); }
          else if (tok === "*") { const b = st.pop(); const a = st.pop(); st.push(a * b); }
          else st.push(Number(tok));
        }
      } catch (e) {
        error = (e as Error).message;
      }
      let top = 0;
      if (st.size > 0) top = st.pop();
      return { size: st.size, top, error };
    `,
    input: { tokens: "string[]" },
    output: { size: "number", top: "number", error: "string" },
    inputs: [{ tokens: ["2", "3", "+", "4", "*"] }, { tokens: ["1", "+"] }, { tokens: [] }],
  },
  {
    name: "classes/static-counter",
    body: `
      class Ticket {
        static issued = 0;
        static prefix = "T";
        readonly id: string;
        constructor(public owner: string) {
          Ticket.issued++;
          this.id = Ticket.prefix + Ticket.issued;
        }
        static reset(): void { Ticket.issued = 0; }
      }
      const ids = inputs.owners.map((o) => new Ticket(o).id);
      const before = Ticket.issued;
      Ticket.reset();
      return { ids, before, after: Ticket.issued };
    `,
    input: { owners: "string[]" },
    output: { ids: "string[]", before: "number", after: "number" },
    inputs: [{ owners: ["a", "b", "c"] }, { owners: [] }],
  },
  {
    name: "classes/field-initialization-order",
    body: `
      const order: string[] = [];
      function note(s: string): number { order.push(s); return order.length; }
      class Base {
        a = note("base field");
        constructor() { note("base body"); }
      }
      class Derived extends Base {
        b = note("derived field");
        constructor(public c: number) {
          super();
          note("derived body " + this.a + " " + this.b + " " + this.c);
        }
      }
      const d = new Derived(inputs.n);
      return { order, a: d.a, b: d.b, c: d.c };
    `,
    input: { n: "number" },
    output: { order: "string[]", a: "number", b: "number", c: "number" },
    inputs: [{ n: 7 }, { n: -0.5 }],
  },
  {
    name: "classes/methods-use-body-variables",
    body: `
      const rate = inputs.rate;
      let calls = 0;
      class Pricer {
        constructor(public base: number) {}
        price(qty: number): number {
          calls++;
          return Math.round(this.base * qty * (1 + rate) * 100) / 100;
        }
      }
      const p = new Pricer(inputs.base);
      const prices = inputs.qtys.map((q) => p.price(q));
      return { prices, calls };
    `,
    input: { rate: "number", base: "number", qtys: "number[]" },
    output: { prices: "number[]", calls: "number" },
    inputs: [
      { rate: 0.2, base: 9.99, qtys: [1, 2, 3] },
      { rate: 0, base: 0.1, qtys: [] },
      { rate: -0.5, base: 3, qtys: [0.5, 1e6] },
    ],
  },
  {
    name: "classes/setter-and-getter",
    body: `
      class Temperature {
        private c = 0;
        get celsius(): number { return this.c; }
        set celsius(v: number) { this.c = Math.max(-273.15, v); }
        get fahrenheit(): number { return this.c * 9 / 5 + 32; }
        set fahrenheit(f: number) { this.celsius = (f - 32) * 5 / 9; }
      }
      const t = new Temperature();
      const out: number[] = [];
      for (const f of inputs.fs) {
        t.fahrenheit = f;
        out.push(t.celsius);
      }
      t.celsius = -1000;
      return { out, floor: t.fahrenheit };
    `,
    input: { fs: "number[]" },
    output: { out: "number[]", floor: "number" },
    inputs: [{ fs: [32, 212, -40, 98.6] }, { fs: [] }],
  },
  {
    name: "classes/override-and-super-call",
    body: `
      class Greeter {
        constructor(protected name: string) {}
        greet(): string { return "Hello, " + this.name; }
      }
      class LoudGreeter extends Greeter {
        greet(): string { return super.greet().toUpperCase() + "!"; }
      }
      const gs: Greeter[] = inputs.names.map((n, i) => (i % 2 === 0 ? new Greeter(n) : new LoudGreeter(n)));
      return { out: gs.map((g) => g.greet()), loud: gs.filter((g) => g instanceof LoudGreeter).length };
    `,
    input: { names: "string[]" },
    output: { out: "string[]", loud: "number" },
    inputs: [{ names: ["ann", "bob", "é日本"] }, { names: [] }],
  },
  {
    name: "classes/linked-list",
    body: `
      class ListNode {
        next: ListNode | undefined = undefined;
        constructor(public value: number) {}
      }
      let head: ListNode | undefined = undefined;
      for (const x of inputs.xs) {
        const n = new ListNode(x);
        n.next = head;
        head = n;
      }
      const out: number[] = [];
      let cur = head;
      while (cur !== undefined) {
        out.push(cur.value);
        cur = cur.next;
      }
      return { out };
    `,
    input: { xs: "number[]" },
    output: { out: "number[]" },
    inputs: [{ xs: [1, 2, 3] }, { xs: [] }, { xs: [-0, 2] }],
  },
  {
    name: "classes/bank-account-errors",
    body: `
      class InsufficientFunds extends Error {
        constructor(public needed: number) {
          super("insufficient funds: need " + needed);
          this.name = "InsufficientFunds";
        }
      }
      class Account {
        private balance: number;
        constructor(opening: number) { this.balance = opening; }
        withdraw(x: number): number {
          if (x > this.balance) throw new InsufficientFunds(x - this.balance);
          this.balance -= x;
          return this.balance;
        }
        get current(): number { return this.balance; }
      }
      const acct = new Account(inputs.opening);
      const log: string[] = [];
      for (const w of inputs.withdrawals) {
        try {
          log.push("left " + acct.withdraw(w));
        } catch (e) {
          if (e instanceof InsufficientFunds) log.push(\`\${e.name}: \${e.needed}\`);
          else throw e;
        }
      }
      return { log, balance: acct.current };
    `,
    input: { opening: "number", withdrawals: "number[]" },
    output: { log: "string[]", balance: "number" },
    inputs: [
      { opening: 100, withdrawals: [30, 80, 70, 0.1] },
      { opening: 0, withdrawals: [] },
      { opening: 0.3, withdrawals: [0.1, 0.2] },
    ],
  },
];
