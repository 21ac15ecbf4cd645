/**
 * @fileoverview Red team 4: documents as compression bombs (SECURITY.md "Built-in file tools").
 * A DOCX is a zip: a workflow's folder can hold a 1 MB `.docx` whose XML inflates to 150 MB and,
 * as mammoth's DOM, to gigabytes. Before the fix, `iceosc run` of `parse_document` on a 600 KB
 * one grew the host past 2 GB in half a minute of CPU and had not finished after 5 minutes (the
 * parse runs synchronously: the node's timeout could not fire). Now a DOCX that declares more
 * than the limit is refused at once, one under it whose DOM is too big (or whose headers lie) is
 * stopped by the parser worker's heap cap,
 * and a parse past its deadline or cancelled is ended; the host stays healthy.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { extractText } from "../../runtime/tools/documentWorker.js";
import { MAX_DOCX_INFLATED_BYTES, parseDocument } from "../../runtime/tools/documents.js";
import { iceosc, writeFiles } from "../helpers/cli.js";

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const PARAGRAPH = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";

/** A DOCX whose document is `paragraphs` copies of one paragraph (and `text` first). */
function docx(paragraphs: number, text = ""): Buffer {
  const block = Buffer.from(PARAGRAPH.repeat(10_000));
  const parts = [Buffer.from(HEAD + (text ? `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>` : ""))];
  for (let i = 0; i < Math.floor(paragraphs / 10_000); i++) parts.push(block);
  parts.push(Buffer.from("</w:body></w:document>"));
  return zip([
    ["[Content_Types].xml", Buffer.from(CONTENT_TYPES)],
    ["_rels/.rels", Buffer.from(RELS)],
    ["word/document.xml", Buffer.concat(parts)],
  ]);
}

/** A deflated zip archive of `entries`. */
function zip(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 1 });
    const fields = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0, at + 2);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt32LE(0x00210000, at + 6);
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(name), packed);
    centrals.push(central, Buffer.from(name));
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PARSE = `name: parse
input_schema: { path: string }
nodes:
  - id: parse
    type: tool
    tool_name: parse_document
    tool_args: { path: "{{ inputs.path }}" }
outputs: { text: "{{ parse.text }}" }
`;

describe("parse_document: DOCX compression bombs", () => {
  it("iceosc run refuses a 1 MB DOCX that inflates past the limit with ICE_MEMORY_LIMIT, at once; a small one parses", async () => {
    const dir = writeFiles({ "parse.yaml": PARSE });
    const bomb = docx(Math.ceil(MAX_DOCX_INFLATED_BYTES / PARAGRAPH.length) + 20_000);
    expect(bomb.length).toBeLessThan(2_000_000);
    writeFileSync(join(dir, "bomb.docx"), bomb);
    writeFileSync(join(dir, "small.docx"), docx(0, "hello docx"));
    const workflow = join(dir, "parse.yaml");
    const refused = await iceosc(["run", workflow, "--input", JSON.stringify({ path: "bomb.docx" })]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /ICE_MEMORY_LIMIT: node 'parse': parse_document: 'bomb\.docx' inflates to \d+ bytes/,
    );
    const ok = await iceosc(["run", workflow, "--input", JSON.stringify({ path: "small.docx" })]);
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout)).toEqual({ text: "hello docx" });
  }, 120_000);

  it("stops a DOCX under the size limit whose DOM outgrows the parser worker's heap cap; the host parses on", async () => {
    // 35 MB of XML passes the size check (as 200 MB does at the default cap of 512 MiB: mammoth's DOM
    // of it takes gigabytes); a 48 MiB cap stands in for the default to keep the test short.
    const heavy = docx(1_000_000);
    const error = await parseDocument("heavy.docx", heavy, { nodeId: "n", heapMb: 48 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ICE_MEMORY_LIMIT", nodeId: "n" });
    expect((error as Error).message).toMatch(/'heavy\.docx' needs more than 48 MiB to parse/);
    expect((await parseDocument("small.docx", docx(0, "still fine"))).text).toBe("still fine");
  }, 120_000);

  it("ends a parse past its deadline with ICE_TIMEOUT, and a cancelled one with the cancellation's reason", async () => {
    const big = docx(1_000_000);
    await expect(extractText("docx", "slow.docx", big, { nodeId: "n", timeoutMs: 50 })).rejects.toMatchObject({
      code: "ICE_TIMEOUT",
    });
    const controller = new AbortController();
    const parse = extractText("docx", "slow.docx", big, { nodeId: "n", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stopped by the run")), 50);
    await expect(parse).rejects.toThrow("stopped by the run");
  }, 60_000);
});
