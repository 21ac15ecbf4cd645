/** @fileoverview Plugin modules and workflows shared by the plugin tests. */

/** A plugin of three tools: the default export (slugify), kv (counter), module state (fresh). */
export const SLUGIFY = `
interface Args {
  text: string;
  separator?: string;
}

interface Result {
  slug: string;
  words: number;
}

function clean(text: string): string[] {
  return text
    .toLowerCase()
    .split(" ")
    .filter((w) => w.length > 0);
}

/** Turns a title into a URL slug. */
export default async function (args: Args): Promise<Result> {
  const words = clean(args.text);
  return { slug: words.join(args.separator ?? "-"), words: words.length };
}

/** Counts calls per name in the plugin's kv store. */
export async function counter(args: { name: string }): Promise<{ count: number }> {
  const before = await kv.get(args.name);
  const count = before === undefined ? 1 : Number(before) + 1;
  await kv.set(args.name, String(count));
  return { count };
}

let calls = 0;

/** Module state: starts again on every call. */
export function fresh(): { calls: number } {
  calls++;
  return { calls };
}
`;

/** A one-node workflow calling `tool`. */
export function toolWorkflow(tool: string, args: string, outputs: string, extra = ""): string {
  return `name: use_${tool}
input_schema: { text: string }
${extra}nodes:
  - id: call
    type: tool
    tool_name: ${tool}
    tool_args: ${args}
outputs: ${outputs}
`;
}
