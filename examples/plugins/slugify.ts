// A plugin: third-party tools that run in the same fuel-metered WASM sandbox as code nodes.
// The default export is the tool `slugify` (named after this file); `first_seen` is a second
// tool. They use only what the operator grants: here `kv` (the plugin's own store) and `log`.
//   iceosc run examples/titles.yaml --input @examples/inputs/titles.json \
//     --plugin examples/plugins/slugify.ts --grant slugify=kv,log

interface Args {
  title: string;
  separator?: string;
}

interface Slug {
  slug: string;
  words: number;
  /** True when this slug was made before (remembered in kv). */
  repeated: boolean;
}

function words(title: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of title.toLowerCase()) {
    const keep = (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9");
    if (keep) word += ch;
    else if (word.length > 0) {
      out.push(word);
      word = "";
    }
  }
  if (word.length > 0) out.push(word);
  return out;
}

/** Turns a title into a URL slug and says whether it was made before. */
export default async function (args: Args): Promise<Slug> {
  const parts = words(args.title);
  const slug = parts.join(args.separator ?? "-");
  const seen = await kv.get(slug);
  if (seen === undefined) await kv.set(slug, args.title);
  console.log(`slug ${slug} (${parts.length} words)`);
  return { slug, words: parts.length, repeated: seen !== undefined };
}

/** The title a slug was first made from, or "" if it was never made. */
export async function first_seen(args: { slug: string }): Promise<{ title: string }> {
  return { title: (await kv.get(args.slug)) ?? "" };
}
