// Tools for durable-run tests: each call appends `start|done <name> <idempotency key> <pid>` to
// $TOOL_LOG. `slow` sleeps $SLOW_MS (long in the process a test kills, short after).
import { appendFileSync } from "node:fs";

const note = (event, name, context) =>
  appendFileSync(process.env.TOOL_LOG, `${event} ${name} ${context.idempotencyKey ?? "-"} ${process.pid}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(name, value, context, ms) {
  note("start", name, context);
  await sleep(ms);
  note("done", name, context);
  return { name, value };
}

export default {
  step: (args, context) => call(String(args.name), args.value ?? null, context, 5),
  // Fails its first attempt (the idempotency key ends in #1), succeeds after.
  flaky: async (args, context) => {
    note("start", "flaky", context);
    if (context.idempotencyKey?.endsWith("#1")) throw new Error("flaky first attempt");
    note("done", "flaky", context);
    return { value: args.value ?? null };
  },
  slow: (args, context) => call(String(args.name), args.value ?? null, context, Number(process.env.SLOW_MS ?? 50)),
};
