// Tools for the example workflows: trusted code that runs directly (file I/O is allowed here).
// `iceosc run <workflow> --tools examples/tools.js` passes them to the generated module.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Paths in workflows are relative to the examples directory. */
const local = (path) => resolve(here, path);

const STOP_WORDS = new Set(
  "a an and are but for from has have i in is it its my of on so that the this to was were with very".split(" "),
);

export default {
  /** Reads text documents. */
  async document_parser({ file_paths }) {
    const documents = await Promise.all(
      file_paths.map(async (path) => ({ path, text: await readFile(local(path), "utf8") })),
    );
    return { documents };
  },

  /** Reads a CSV file with a header row `region,amount`. */
  async read_csv({ path }) {
    const [header, ...lines] = (await readFile(local(path), "utf8")).trim().split(/\r?\n/);
    const columns = header.split(",").map((c) => c.trim());
    const rows = lines.map((line) => {
      const cells = line.split(",").map((c) => c.trim());
      const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
      return { region: row.region, amount: Number(row.amount) };
    });
    return { rows };
  },

  async send_alert({ channel, message }) {
    console.error(`[alert to ${channel}] ${message}`);
    return { sent: true };
  },

  async archive_report({ title }) {
    console.error(`[archived] ${title}`);
    return { archived: true };
  },

  /** The most frequent words that are not stop words. */
  async extract_keywords({ text, limit }) {
    const counts = new Map();
    for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
      if (!STOP_WORDS.has(word) && word.length > 2) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const keywords = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([w]) => w);
    return { keywords };
  },
};
