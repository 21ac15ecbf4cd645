/**
 * @fileoverview Records as developers process them: grouping and aggregation, top-N, sorting by
 * several keys, deduplication, validation with error lists, joins by id.
 */
import type { OracleCase } from "../oracle.js";

const ORDERS = {
  orders: [
    { sku: "apple", region: "north", qty: 3, price: 0.5 },
    { sku: "pear", region: "south", qty: 1, price: 0.75 },
    { sku: "apple", region: "south", qty: 2, price: 0.5 },
    { sku: "fig", region: "north", qty: 10, price: 0.1 },
    { sku: "pear", region: "north", qty: 4, price: 0.7 },
  ],
};
const ORDER_INPUTS = [
  ORDERS,
  { orders: [] },
  {
    orders: [
      { sku: "x", region: "é", qty: 2147483647, price: 1e-7 },
      { sku: "x", region: "é", qty: 1, price: 0.1 },
    ],
  },
];
const ORDER_SCHEMA = { orders: [{ sku: "string", region: "string", qty: "integer", price: "number" }] } as const;

export const RECORDS: readonly OracleCase[] = [
  {
    name: "records/group-by-sum-record",
    body: `
      const totals: Record<string, number> = {};
      for (const o of inputs.orders) totals[o.sku] = (totals[o.sku] ?? 0) + o.qty * o.price;
      const skus = Object.keys(totals).sort();
      return { skus, totals: skus.map((s) => totals[s]) };
    `,
    input: ORDER_SCHEMA,
    output: { skus: "string[]", totals: "number[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "records/group-by-map",
    body: `
      const byRegion = new Map<string, { count: number; revenue: number }>();
      for (const o of inputs.orders) {
        const g = byRegion.get(o.region) ?? { count: 0, revenue: 0 };
        g.count += 1;
        g.revenue += o.qty * o.price;
        byRegion.set(o.region, g);
      }
      const groups = [...byRegion.entries()].map(([region, g]) => ({ region, count: g.count, revenue: g.revenue }));
      return { groups };
    `,
    input: ORDER_SCHEMA,
    output: { groups: [{ region: "string", count: "integer", revenue: "number" }] },
    inputs: ORDER_INPUTS,
  },
  {
    name: "records/group-by-with-loops-and-arrays",
    body: `
      const names: string[] = [];
      const qty: number[] = [];
      for (let i = 0; i < inputs.orders.length; i++) {
        const o = inputs.orders[i];
        const at = names.indexOf(o.sku);
        if (at < 0) {
          names.push(o.sku);
          qty.push(o.qty);
        } else {
          qty[at] += o.qty;
        }
      }
      return { names, qty };
    `,
    input: ORDER_SCHEMA,
    output: { names: "string[]", qty: "number[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "records/top-n-by-revenue",
    body: `
      const rows = inputs.orders.map((o) => ({ sku: o.sku, revenue: o.qty * o.price }));
      rows.sort((a, b) => b.revenue - a.revenue);
      return { top: rows.slice(0, inputs.n).map((r) => r.sku) };
    `,
    input: { ...ORDER_SCHEMA, n: "integer" },
    output: { top: "string[]" },
    inputs: ORDER_INPUTS.map((x) => ({ ...x, n: 2 })),
  },
  {
    name: "records/sort-by-two-keys",
    body: `
      const rows = inputs.orders.slice();
      rows.sort((a, b) => {
        if (a.region !== b.region) return a.region < b.region ? -1 : 1;
        return b.qty - a.qty;
      });
      return { order: rows.map((r) => r.region + ":" + r.sku + ":" + r.qty) };
    `,
    input: ORDER_SCHEMA,
    output: { order: "string[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "records/sort-strings-localeCompare",
    body: `
      const names = [...inputs.names].sort((a, b) => a.localeCompare(b));
      return { names };
    `,
    input: { names: "string[]" },
    output: { names: "string[]" },
    inputs: [{ names: ["pear", "Apple", "banana", "apple"] }, { names: [] }, { names: ["b", "a", "c"] }],
  },
  {
    name: "records/default-sort",
    body: `
      const words = inputs.words.slice().sort();
      const numbers = inputs.numbers.slice().sort();
      return { words, numbers };
    `,
    input: { words: "string[]", numbers: "number[]" },
    output: { words: "string[]", numbers: "number[]" },
    inputs: [
      { words: ["b", "B", "a", "é", "Z"], numbers: [10, 9, 1, -1, 100, 2.5] },
      { words: [], numbers: [] },
    ],
  },
  {
    name: "records/dedup-preserving-order",
    body: `
      const seen = new Set<string>();
      const out: string[] = [];
      for (const x of inputs.xs) {
        if (!seen.has(x)) {
          seen.add(x);
          out.push(x);
        }
      }
      return { out, dropped: inputs.xs.length - out.length };
    `,
    input: { xs: "string[]" },
    output: { out: "string[]", dropped: "integer" },
    inputs: [{ xs: ["a", "b", "a", "c", "b"] }, { xs: [] }, { xs: ["é", "e\u0301", "é"] }],
  },
  {
    name: "records/dedup-with-set-spread",
    body: `
      return { out: [...new Set(inputs.xs)] };
    `,
    input: { xs: "number[]" },
    output: { out: "number[]" },
    inputs: [{ xs: [3, 1, 3, 2, 1] }, { xs: [] }, { xs: [0, -0, 0.1, 0.1] }],
  },
  {
    name: "records/dedup-with-indexOf",
    body: `
      const out = inputs.xs.filter((x, i) => inputs.xs.indexOf(x) === i);
      return { out };
    `,
    input: { xs: "integer[]" },
    output: { out: "integer[]" },
    inputs: [{ xs: [3, 1, 3, 2, 1] }, { xs: [] }],
  },
  {
    name: "records/dedup-by-key",
    body: `
      const byEmail = new Map<string, { email: string; name: string }>();
      for (const u of inputs.users) {
        const key = u.email.trim().toLowerCase();
        if (!byEmail.has(key)) byEmail.set(key, u);
      }
      return { users: Array.from(byEmail.values()).map((u) => u.name) };
    `,
    input: { users: [{ email: "string", name: "string" }] },
    output: { users: "string[]" },
    inputs: [
      {
        users: [
          { email: "A@x.com", name: "a" },
          { email: "a@x.com ", name: "b" },
          { email: "c@x.com", name: "c" },
        ],
      },
      { users: [] },
    ],
  },
  {
    name: "records/validate-with-error-list",
    body: `
      const errors: string[] = [];
      const u = inputs.user;
      if (u.name.trim() === "") errors.push("name is required");
      if (!u.email.includes("@") || u.email.startsWith("@")) errors.push("email is invalid");
      if (u.age < 0 || u.age > 150 || !Number.isInteger(u.age)) errors.push(\`age \${u.age} is out of range\`);
      return { ok: errors.length === 0, errors };
    `,
    input: { user: { name: "string", email: "string", age: "number" } },
    output: { ok: "boolean", errors: "string[]" },
    inputs: [
      { user: { name: "Ada", email: "ada@example.com", age: 36 } },
      { user: { name: " ", email: "@x", age: -1 } },
      { user: { name: "B", email: "b", age: 36.5 } },
      { user: { name: "C", email: "c@d", age: 1e21 } },
    ],
  },
  {
    name: "records/validate-optional-fields",
    body: `
      const problems: string[] = [];
      for (const [i, item] of inputs.items.entries()) {
        if (item.price === undefined) problems.push(\`item \${i}: no price\`);
        else if (item.price < 0) problems.push(\`item \${i}: negative price \${item.price}\`);
        const label = item.label ?? "(unnamed)";
        if (label.length > 10) problems.push(\`item \${i}: label too long\`);
      }
      return { problems };
    `,
    input: { items: [{ price: "number?", label: "string?" }] },
    output: { problems: "string[]" },
    inputs: [
      { items: [{ price: 1 }, {}, { price: -0.5, label: "a very long label" }, { label: "ok" }] },
      { items: [] },
    ],
  },
  {
    name: "records/join-by-id",
    body: `
      const names = new Map<number, string>();
      for (const u of inputs.users) names.set(u.id, u.name);
      const lines = inputs.orders.map((o) => \`\${names.get(o.userId) ?? "unknown"} bought \${o.item}\`);
      return { lines };
    `,
    input: { users: [{ id: "integer", name: "string" }], orders: [{ userId: "integer", item: "string" }] },
    output: { lines: "string[]" },
    inputs: [
      {
        users: [
          { id: 1, name: "ada" },
          { id: 2, name: "bob" },
        ],
        orders: [
          { userId: 2, item: "tea" },
          { userId: 3, item: "cake" },
          { userId: 1, item: "pie" },
        ],
      },
      { users: [], orders: [] },
    ],
  },
  {
    name: "records/pivot-counts",
    body: `
      const table: { [region: string]: { [sku: string]: number } } = {};
      for (const o of inputs.orders) {
        if (!(o.region in table)) table[o.region] = {};
        table[o.region][o.sku] = (table[o.region][o.sku] || 0) + o.qty;
      }
      const rows: string[] = [];
      for (const region of Object.keys(table).sort()) {
        const cells = Object.entries(table[region]).map(([sku, n]) => sku + "=" + n);
        rows.push(region + ": " + cells.join(", "));
      }
      return { rows };
    `,
    input: ORDER_SCHEMA,
    output: { rows: "string[]" },
    inputs: ORDER_INPUTS,
  },
  {
    name: "records/return-list-of-objects",
    body: `
      return {
        lines: inputs.orders.map((o) => ({ sku: o.sku, total: o.qty * o.price, big: o.qty > 2 })),
      };
    `,
    input: ORDER_SCHEMA,
    output: { lines: [{ sku: "string", total: "number", big: "boolean" }] },
    inputs: ORDER_INPUTS,
  },
  {
    name: "records/filter-map-reduce-chain",
    body: `
      const revenue = inputs.orders
        .filter((o) => o.region === inputs.region)
        .map((o) => o.qty * o.price)
        .reduce((a, b) => a + b, 0);
      return { revenue };
    `,
    input: { ...ORDER_SCHEMA, region: "string" },
    output: { revenue: "number" },
    inputs: ORDER_INPUTS.map((x) => ({ ...x, region: "north" })),
  },
  {
    name: "records/some-every-find",
    body: `
      const anyBig = inputs.orders.some((o) => o.qty >= 10);
      const allCheap = inputs.orders.every((o) => o.price < 1);
      const firstPear = inputs.orders.find((o) => o.sku === "pear");
      const at = inputs.orders.findIndex((o) => o.region === "south");
      return { anyBig, allCheap, pearQty: firstPear ? firstPear.qty : -1, at };
    `,
    input: ORDER_SCHEMA,
    output: { anyBig: "boolean", allCheap: "boolean", pearQty: "integer", at: "integer" },
    inputs: ORDER_INPUTS,
  },
];
