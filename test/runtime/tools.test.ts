/**
 * Built-in tools: files, CSV, documents (text, Markdown, PDF, DOCX), chunking, the local search
 * index, and HTTP requests to allowlisted hosts (against a loopback server).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinToolFunctions, splitText } from "../../runtime/tools/index.js";
import { ROOT } from "../helpers/cli.js";
import { failure, run, server } from "./harness.js";
import { json } from "./servers.js";

const context = { nodeId: "t", signal: new AbortController().signal };
const tools = builtinToolFunctions({ baseDir: join(ROOT, "examples") });

describe("built-in tools", () => {
  it("read_file reads relative to the base directory and refuses paths outside it", async () => {
    expect(await tools["read_file"]!({ path: "data/doc2.txt" }, context)).toMatchObject({
      path: "data/doc2.txt",
      bytes: expect.any(Number),
    });
    await expect(Promise.resolve(tools["read_file"]!({ path: "../package.json" }, context))).rejects.toMatchObject({
      code: "ICE_CAPABILITY_DENIED",
    });
  });

  it("read_csv parses a header row and casts numbers", async () => {
    const result = (await tools["read_csv"]!({ path: "data/sales.csv" }, context)) as {
      columns: string[];
      rows: Record<string, unknown>[];
    };
    expect(result.columns).toEqual(["region", "amount"]);
    expect(typeof result.rows[0]!["amount"]).toBe("number");
    expect(await tools["read_csv"]!({ text: "a;b\n1;x\n", delimiter: ";" }, context)).toEqual({
      columns: ["a", "b"],
      rows: [{ a: 1, b: "x" }],
    });
  });

  it("parse_document extracts text from Markdown, PDF and DOCX", async () => {
    const { documents } = (await tools["parse_document"]!(
      { paths: ["data/handbook.md", "data/refund_policy.pdf", "data/shipping_faq.docx"] },
      context,
    )) as { documents: { format: string; title: string; text: string; pages?: number }[] };
    expect(documents.map((d) => [d.format, d.title])).toEqual([
      ["markdown", "Northwind Outfitters support handbook"],
      ["pdf", "Refund policy"],
      ["docx", "Shipping FAQ"],
    ]);
    expect(documents[1]!.pages).toBe(1);
    expect(documents[1]!.text).toContain("within 30 days of delivery");
    expect(documents[2]!.text).toContain("Express shipping delivers the next business day");
    // the original design's name and argument
    expect(await tools["document_parser"]!({ file_paths: ["data/doc2.txt"] }, context)).toMatchObject({
      documents: [{ format: "text" }],
    });
  });

  it("chunk_text splits at paragraph, then sentence boundaries, with overlap", () => {
    const text = [
      "First paragraph. It has two sentences.",
      "Second paragraph is here.",
      "Third one closes the text.",
    ].join("\n\n");
    const chunks = splitText(text, 60, 20);
    expect(chunks.every((c) => c.length <= 60)).toBe(true);
    expect(chunks[0]).toBe("First paragraph. It has two sentences.");
    expect(chunks.join(" ")).toContain("Third one closes the text.");
    expect(splitText("x".repeat(250), 100, 0)).toEqual(["x".repeat(100), "x".repeat(100), "x".repeat(50)]);
  });

  it("index_documents + search_documents find the relevant chunk with local TF-IDF embeddings", async () => {
    const own = builtinToolFunctions({ baseDir: join(ROOT, "examples") });
    const { documents } = (await own["parse_document"]!(
      { paths: ["data/handbook.md", "data/refund_policy.pdf", "data/shipping_faq.docx"] },
      context,
    )) as { documents: unknown[] };
    const { chunks } = (await own["chunk_text"]!({ documents, chunk_size: 300, overlap: 40 }, context)) as {
      chunks: unknown[];
    };
    expect(await own["index_documents"]!({ chunks }, context)).toMatchObject({
      index: "default",
      count: chunks.length,
      embedding: "local-tfidf-1024",
    });
    const { results } = (await own["search_documents"]!({ query: "how long do refunds take", top_k: 2 }, context)) as {
      results: { source: string; score: number }[];
    };
    expect(results[0]!.source).toBe("data/refund_policy.pdf");
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
    const express = (await own["search_documents"]!({ query: "express delivery cost" }, context)) as {
      results: { source: string }[];
    };
    expect(express.results[0]!.source).toBe("data/shipping_faq.docx");
    await expect(Promise.resolve(own["search_documents"]!({ query: "x", index: "nope" }, context))).rejects.toThrow(
      /no index named 'nope'/,
    );
  });

  it("http_request reaches allowlisted hosts only", async () => {
    const s = await server(json(200, { hello: "world" }));
    const host = new URL(s.url).host;
    const allowed = builtinToolFunctions({ allowedHosts: [host] });
    expect(
      await allowed["http_request"]!({ url: `${s.url}/greeting`, method: "POST", json: { a: 1 } }, context),
    ).toMatchObject({ status: 200, ok: true, json: { hello: "world" } });
    expect(s.requests[0]).toMatchObject({ method: "POST", path: "/greeting", body: { a: 1 } });
    await expect(Promise.resolve(tools["http_request"]!({ url: s.url }, context))).rejects.toMatchObject({
      code: "ICE_CAPABILITY_DENIED",
    });
    const other = builtinToolFunctions({ allowedHosts: ["*.example.com", "127.0.0.1:1"] });
    await expect(Promise.resolve(other["http_request"]!({ url: s.url }, context))).rejects.toMatchObject({
      code: "ICE_CAPABILITY_DENIED",
    });
  });

  it("are available to tool nodes by default, and user tools override them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iceosc-tools-"));
    writeFileSync(join(dir, "a.txt"), "alpha");
    const builtin = run({ r: { kind: "tool", toolName: "read_file" } }, { builtins: { baseDir: dir } });
    expect(await builtin.rt.tool("r", { path: "a.txt" })).toMatchObject({ text: "alpha" });
    const overridden = run(
      { r: { kind: "tool", toolName: "read_file" } },
      { builtins: { baseDir: dir }, tools: { read_file: () => ({ text: "mine" }) } },
    );
    expect(await overridden.rt.tool("r", { path: "a.txt" })).toEqual({ text: "mine" });
    const none = run({ r: { kind: "tool", toolName: "read_file" } }, { builtins: false });
    expect(await failure(none.rt.tool("r", { path: "a.txt" }))).toMatchObject({ code: "ICE_TOOL_MISSING" });
  });
});
