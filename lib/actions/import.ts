"use server";

import { randomUUID } from "node:crypto";
import { defineAction } from "@/lib/actions/safe-action";
import { DuplicateImportError, findDuplicateImports, importRoundups, type DuplicateImport } from "@/lib/data/import";
import { decodeDocumentWithEncoding, type DocumentEncoding } from "@/lib/import/decode";
import { documentFingerprint, readDocumentOutline, toImportJson, type ImportJsonRoundup } from "@/lib/import/parse";
import { importCreateFields, importCreateSchema, importFormFields, importSourceSchema, type ImportSource } from "@/lib/validation/import";

// Import failures (ImportError) are AppErrors: the wrapper shows their message as the form's outcome.

export type ImportPreview = {
  /** New for every preview, so the outline editor starts over when the document is read again. */
  previewId: string;
  text: string;
  encoding: DocumentEncoding;
  /** The parser's reading, which the preview's outline editor starts from. */
  roundups: ImportJsonRoundup[];
  warnings: string[];
  /** Roundups this document would repeat (same document, or same title and year). */
  duplicates: DuplicateView[];
};

export type DuplicateView = { id: string; title: string; year: number; createdAt: string; reason: DuplicateImport["reason"] };

export type ImportCreated = {
  roundups: { id: string; title: string; stories: { id: string; title: string; rank: number }[] }[];
  /** Set on a refusal: the roundups the import would repeat. */
  duplicates?: DuplicateView[];
};

function duplicateViews(duplicates: DuplicateImport[]): DuplicateView[] {
  return duplicates.map((d) => ({ id: d.id, title: d.title, year: d.year, createdAt: d.createdAt.toISOString(), reason: d.reason }));
}

/** An uploaded file wins over pasted text; its bytes are decoded here (UTF-8, or GBK/GB18030 converted). */
async function decode({ file, text }: ImportSource) {
  return file && file.size > 0 ? decodeDocumentWithEncoding(new Uint8Array(await file.arrayBuffer())) : decodeDocumentWithEncoding(new TextEncoder().encode(text));
}

/**
 * Step 1: read the document into an outline for the editor to correct. Never refuses a document for
 * its structure (a document without numbered items opens as paragraphs). Writes nothing.
 */
export const previewImport = defineAction<typeof importSourceSchema, ImportPreview>({
  name: "previewImport",
  role: "EDITOR",
  schema: importSourceSchema,
  input: importFormFields,
  invalidMessage: "first-issue",
  handler: async (source, { actor }) => {
    const decoded = await decode(source);
    const doc = toImportJson(readDocumentOutline(decoded.text));
    const duplicates = await findDuplicateImports(actor, documentFingerprint(decoded.text), doc.roundups);
    return {
      ok: true,
      data: {
        previewId: randomUUID(),
        text: decoded.text,
        encoding: decoded.encoding,
        roundups: doc.roundups,
        warnings: doc.warnings,
        duplicates: duplicateViews(duplicates),
      },
    };
  },
});

/**
 * Step 2: create the drafts from the outline as the editor corrected it. The server trusts nothing from
 * the browser: the outline is validated by the schema here (and again in the data layer) before one
 * transaction writes everything.
 */
export const createImportDrafts = defineAction<typeof importCreateSchema, ImportCreated>({
  name: "createImportDrafts",
  role: "EDITOR",
  schema: importCreateSchema,
  input: importCreateFields,
  invalidMessage: "还不能创建：请改正下面列出的问题。",
  handler: async ({ outline, text, allowDuplicate, sectionId, tags }, { actor }) => {
    try {
      const created = await importRoundups(actor, outline, {
        fingerprint: documentFingerprint(text || JSON.stringify(outline.roundups)),
        allowDuplicate,
        sectionId: sectionId ?? "",
        tags: tags.join(","),
      });
      // Drafts appear on no public page, so no cached page needs expiring.
      return { ok: true, data: { roundups: created.map((r) => ({ id: r.id, title: r.title, stories: r.stories })) } };
    } catch (error) {
      // The form shows the roundups it would repeat, with links, and offers 仍然导入.
      if (error instanceof DuplicateImportError) return { ok: false, code: "CONFLICT", message: error.message, data: { roundups: [], duplicates: duplicateViews(error.duplicates) } };
      throw error;
    }
  },
});
