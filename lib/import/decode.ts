// Uploaded bytes → document text. Newsroom files come from many editors: UTF-8 with or without a BOM,
// GBK/GB18030 from older Windows tools, UTF-16 from Word's "Unicode text", Windows line endings, and
// now and then a .docx or PDF renamed to .txt. Each failure names the fix the uploader can make.

import { ImportError } from "./errors";

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export type DocumentEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";
export type DecodedDocument = { text: string; encoding: DocumentEncoding };

// Formats whose bytes can happen to avoid NUL early on but are never text.
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, including .docx
  [0xd0, 0xcf, 0x11, 0xe0], // legacy .doc / .xls
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
];

// Tab, line feed, vertical tab (Word's manual line break), form feed (page break) and CR are text.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const MAX_CONTROL_SHARE = 0.05;

const MESSAGES = {
  EMPTY: "文件为空：请上传含有榜单正文的文本文件。",
  BINARY:
    "无法读取这个文件：它不是纯文本文件（可能是 Word、PDF 或图片）。请在原来的软件里“另存为”纯文本（.txt，UTF-8 编码）后重新上传。",
  ENCODING:
    "无法识别文件的文字编码：它既不是 UTF-8，也不是 GBK/GB18030。请用文本编辑器把文件另存为 UTF-8 编码后重新上传。",
} as const;

function tooLarge(byteLength: number): ImportError {
  const megabytes = (byteLength / (1024 * 1024)).toFixed(1);
  return new ImportError(
    "TOO_LARGE",
    `文件太大（${megabytes} MB）：导入的文本文件不能超过 2 MB。请删去与榜单无关的内容，或把几份榜单分成几个文件分别上传。`,
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeText(bytes: Uint8Array): DecodedDocument {
  // UTF-16 is full of NUL bytes, so it is recognised by its BOM before the binary check.
  for (const [bom, encoding] of [
    [[0xff, 0xfe], "utf-16le"],
    [[0xfe, 0xff], "utf-16be"],
  ] as const) {
    if (startsWith(bytes, bom)) {
      const text = decodeStrict(bytes, encoding);
      if (text === null) throw new ImportError("ENCODING", MESSAGES.ENCODING);
      return { text, encoding };
    }
  }

  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature)) || bytes.includes(0)) {
    throw new ImportError("BINARY", MESSAGES.BINARY);
  }

  const utf8 = decodeStrict(bytes, "utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  // GB18030 is a superset of GBK and GB2312, so one decoder reads all three.
  const gb = decodeStrict(bytes, "gb18030");
  if (gb !== null) return { text: gb, encoding: "gb18030" };
  throw new ImportError("ENCODING", MESSAGES.ENCODING);
}

/**
 * Decodes an uploaded document and reports which encoding it was in, so the import screen can say
 * that a GBK file was converted.
 * @throws ImportError EMPTY, BINARY, TOO_LARGE or ENCODING.
 */
export function decodeDocumentWithEncoding(bytes: Uint8Array): DecodedDocument {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(bytes.length);
  if (bytes.length === 0) throw new ImportError("EMPTY", MESSAGES.EMPTY);

  const decoded = decodeText(bytes);
  const controls = decoded.text.match(CONTROL_CHARACTER)?.length ?? 0;
  if (controls > decoded.text.length * MAX_CONTROL_SHARE) throw new ImportError("BINARY", MESSAGES.BINARY);

  const text = decoded.text
    // TextDecoder drops a UTF-8 or UTF-16 BOM itself, but GB18030 decodes its BOM to U+FEFF.
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    // A few stray control characters are debris from copy and paste; they would only show as boxes.
    .replace(CONTROL_CHARACTER, "");
  if (text.trim() === "") throw new ImportError("EMPTY", MESSAGES.EMPTY);
  return { text, encoding: decoded.encoding };
}

/** Uploaded bytes → text with LF line endings. @throws ImportError EMPTY, BINARY, TOO_LARGE or ENCODING. */
export function decodeDocument(bytes: Uint8Array): string {
  return decodeDocumentWithEncoding(bytes).text;
}
