/**
 * @fileoverview Red team 5: a PDF flate bomb. The document worker's heap cap (512 MiB of V8 old
 * generation) does not bound typed arrays: pdf.js decodes a stream into a `Uint8Array` that
 * doubles as it grows, outside the JavaScript heap. A 300 KB PDF whose content stream inflates to
 * 300 MiB of spaces parsed to the end under a 64 MiB cap, the worker holding over half a
 * gigabyte of buffers (a 50 MB file: tens of gigabytes, until the host ran out of memory or the
 * 60 s deadline came). Now the worker counts large buffers against the same cap and the parse
 * ends with ICE_MEMORY_LIMIT.
 */
import { constants, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { extractText } from "../../runtime/tools/documentWorker.js";

/** A one-page PDF whose content stream is `mib` MiB of spaces after `text`, flate-compressed. */
function flateBombPdf(mib: number, text = "BT (bomb) Tj ET\n"): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  // A zlib stream of full-flushed raw blocks, an empty final block and an Adler-32 pdf.js ignores.
  const data = Buffer.concat([
    Buffer.from([0x78, 0xda]),
    head,
    ...Array<Buffer>(mib).fill(chunk),
    Buffer.from([3, 0, 0, 0, 0, 0]),
  ]);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
  ];
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const push = (bytes: Buffer): void => {
    parts.push(bytes);
    at += bytes.length;
  };
  push(Buffer.from("%PDF-1.4\n"));
  objects.forEach((object, i) => {
    offsets.push(at);
    push(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`));
  });
  offsets.push(at);
  push(Buffer.from(`4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`));
  push(data);
  push(Buffer.from("\nendstream\nendobj\n"));
  const xref = at;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

describe("parse_document: a PDF flate bomb", () => {
  it("is stopped by the worker's memory cap, not left to inflate outside the heap", { timeout: 180_000 }, async () => {
    const pdf = flateBombPdf(300);
    expect(pdf.length).toBeLessThan(1 << 20);
    const parse = extractText("pdf", "bomb.pdf", pdf, { heapMb: 64, timeoutMs: 150_000 });
    await expect(parse).rejects.toMatchObject({ code: "ICE_MEMORY_LIMIT" });
    await expect(parse).rejects.toThrow(/more than 64 MiB/);
  });

  it("a small flate stream under the cap still parses", { timeout: 60_000 }, async () => {
    const parsed = await extractText("pdf", "small.pdf", flateBombPdf(4), { heapMb: 64 });
    expect(parsed.pages).toBe(1);
  });
});
