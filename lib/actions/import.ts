"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { findPreviousImports, importRoundups } from "@/lib/data/import";
import { decodeDocumentWithEncoding, type DocumentEncoding } from "@/lib/import/decode";
import { documentFingerprint, parseRoundupDocument, type ParsedRoundup } from "@/lib/import/parse";
import { importFormFields, importSourceSchema, type ImportSource } from "@/lib/validation/import";

// Import failures (ImportError) are AppErrors: the wrapper shows their message as the form's outcome.

export type ImportPreview = {
  text: string;
  encoding: DocumentEncoding;
  roundups: ParsedRoundup[];
  warnings: string[];
  previousImports: { title: string; createdAt: string }[];
};

export type ImportCreated = { roundups: { id: string; title: string; stories: number }[] };

/** An uploaded file wins over pasted text; its bytes are decoded here (UTF-8, or GBK/GB18030 converted). */
async function decode({ file, text }: ImportSource) {
  return file && file.size > 0 ? decodeDocumentWithEncoding(new Uint8Array(await file.arrayBuffer())) : decodeDocumentWithEncoding(new TextEncoder().encode(text));
}

/** Step 1: parse the document and show what would be created. Writes nothing. */
export const previewImport = defineAction<typeof importSourceSchema, ImportPreview>({
  name: "previewImport",
  role: "EDITOR",
  schema: importSourceSchema,
  input: importFormFields,
  invalidMessage: "first-issue",
  handler: async (source, { actor }) => {
    const decoded = await decode(source);
    const doc = parseRoundupDocument(decoded.text);
    const previous = await findPreviousImports(actor, documentFingerprint(decoded.text));
    return {
      ok: true,
      data: {
        text: decoded.text,
        encoding: decoded.encoding,
        roundups: doc.roundups,
        warnings: doc.warnings,
        previousImports: previous.map((p) => ({ title: p.title, createdAt: p.createdAt.toISOString() })),
      },
    };
  },
});

/** Step 2: re-read the same document (the server never trusts the preview) and create the drafts. */
export const createImportDrafts = defineAction<typeof importSourceSchema, ImportCreated>({
  name: "createImportDrafts",
  role: "EDITOR",
  schema: importSourceSchema,
  input: importFormFields,
  invalidMessage: "first-issue",
  handler: async (source, { actor }) => {
    const decoded = await decode(source);
    const doc = parseRoundupDocument(decoded.text);
    const created = await importRoundups(actor, doc, { fingerprint: documentFingerprint(decoded.text), allowDuplicate: source.allowDuplicate });
    // Drafts appear on no public page, so no cached page needs expiring.
    return { ok: true, data: { roundups: created.map((r) => ({ id: r.id, title: r.title, stories: r.storyIds.length })) } };
  },
});
