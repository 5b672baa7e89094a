import { describe, expect, it } from "vitest";

import { decodeDocument, decodeDocumentWithEncoding, MAX_DOCUMENT_BYTES } from "../../../lib/import/decode";
import { parseRoundupDocument } from "../../../lib/import/parse";
import { importErrorFrom } from "./helpers";

const utf8 = (text: string) => new TextEncoder().encode(text);

// "1、粮食丰收" in GBK, written out by hand because Node can decode GBK but not encode it.
const GBK_ITEM = new Uint8Array([0x31, 0xa1, 0xa2, 0xc1, 0xb8, 0xca, 0xb3, 0xb7, 0xe1, 0xca, 0xd5]);

describe("decodeDocument", () => {
  it("reads UTF-8, dropping the BOM and turning CRLF and lone CR into LF", () => {
    const text = decodeDocument(utf8("\uFEFF2023年十大新闻\r\n\r\n1、粮食丰收\r2、冰雪旅游升温\r\n"));
    expect(text).toBe("2023年十大新闻\n\n1、粮食丰收\n2、冰雪旅游升温\n");
  });

  it("converts a GBK file to text that parses into the expected item", () => {
    // The hand-written bytes must really be GBK, or this test would prove nothing.
    expect(new TextDecoder("gbk").decode(GBK_ITEM)).toBe("1、粮食丰收");

    const decoded = decodeDocumentWithEncoding(GBK_ITEM);
    expect(decoded).toEqual({ text: "1、粮食丰收", encoding: "gb18030" });
    const [roundup] = parseRoundupDocument(decoded.text).roundups;
    expect(roundup?.items).toEqual([{ rank: 1, title: "粮食丰收", paragraphs: [], caption: null, credit: null, votes: null }]);
  });

  it("drops a GB18030 BOM, which the decoder itself keeps", () => {
    const withBom = new Uint8Array([0x84, 0x31, 0x95, 0x33, ...GBK_ITEM]);
    expect(decodeDocument(withBom)).toBe("1、粮食丰收");
  });

  it("reads UTF-16 saved with a BOM (Word's “Unicode text”)", () => {
    const body = Buffer.from("1、粮食丰收\r\n", "utf16le");
    const decoded = decodeDocumentWithEncoding(new Uint8Array([0xff, 0xfe, ...body]));
    expect(decoded).toEqual({ text: "1、粮食丰收\n", encoding: "utf-16le" });
  });

  it("removes a few stray control characters instead of rejecting the file", () => {
    expect(decodeDocument(utf8("1、粮食丰收\u0007，全年粮食总产量创历史新高。"))).toBe(
      "1、粮食丰收，全年粮食总产量创历史新高。",
    );
  });

  it("rejects an empty file", () => {
    const error = importErrorFrom(() => decodeDocument(new Uint8Array()));
    expect(error.reason).toBe("EMPTY");
    expect(error.message).toBe("文件为空：请上传含有榜单正文的文本文件。");
  });

  it("rejects a file holding only whitespace, full-width spaces included", () => {
    expect(importErrorFrom(() => decodeDocument(utf8(" \r\n\t\u3000\n"))).reason).toBe("EMPTY");
    expect(importErrorFrom(() => decodeDocument(utf8("\uFEFF\n\n"))).reason).toBe("EMPTY");
  });

  it("rejects binary files: NUL bytes, known signatures, or mostly control characters", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const docx = utf8("PK\u0003\u0004word/document.xml");
    const controls = new Uint8Array(200).map((_, index) => 1 + (index % 8));
    for (const bytes of [png, docx, controls, utf8("1、标题\u0000")]) {
      const error = importErrorFrom(() => decodeDocument(bytes));
      expect(error.reason).toBe("BINARY");
      expect(error.message).toContain("另存为");
    }
  });

  it("accepts exactly 2 MB and rejects one byte more", () => {
    const limit = new Uint8Array(MAX_DOCUMENT_BYTES).fill(0x61);
    expect(decodeDocument(limit)).toHaveLength(2 * 1024 * 1024);

    const error = importErrorFrom(() => decodeDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61)));
    expect(error.reason).toBe("TOO_LARGE");
    expect(error.message).toContain("不能超过 2 MB");
  });

  it("rejects bytes that are neither UTF-8 nor GB18030", () => {
    const error = importErrorFrom(() => decodeDocument(new Uint8Array([0x31, 0xa1, 0xa2, 0xff, 0x32])));
    expect(error.reason).toBe("ENCODING");
    expect(error.message).toContain("UTF-8");
  });
});
