"use server";

import { randomUUID } from "node:crypto";
import { requireActor } from "@/lib/auth/session";
import { findPreviousImports, importRoundups } from "@/lib/data/import";
import { decodeDocumentWithEncoding, type DocumentEncoding } from "@/lib/import/decode";
import { ImportError } from "@/lib/import/errors";
import { documentFingerprint, readDocumentOutline, toImportJson, type ImportJsonRoundup } from "@/lib/import/parse";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { importCreateFields, importCreateSchema, importFormFields, importSourceSchema } from "@/lib/validation/import";
import { outlineProblems } from "@/lib/validation/import-outline";

export type ImportPreview = {
  /** New for every preview, so the outline editor starts over when the document is read again. */
  previewId: string;
  text: string;
  encoding: DocumentEncoding;
  /** The parser's reading, which the preview's outline editor starts from. */
  roundups: ImportJsonRoundup[];
  warnings: string[];
  previousImports: { title: string; createdAt: string }[];
};

export type ImportCreated = { roundups: { id: string; title: string; stories: number }[] };

type Source = { ok: false; error: ActionResult<never> } | { ok: true; decoded: ReturnType<typeof decodeDocumentWithEncoding> };

async function readSource(formData: FormData): Promise<Source> {
  const parsed = importSourceSchema.safeParse(importFormFields(formData));
  if (!parsed.success) {
    return { ok: false, error: { ok: false, message: parsed.error.issues[0]?.message, fieldErrors: fieldErrorsOf(parsed.error) } };
  }
  const { file, text } = parsed.data;
  // An uploaded file wins over pasted text; its bytes are decoded here (UTF-8, or GBK/GB18030 converted).
  const decoded = file && file.size > 0 ? decodeDocumentWithEncoding(new Uint8Array(await file.arrayBuffer())) : decodeDocumentWithEncoding(new TextEncoder().encode(text));
  return { ok: true, decoded };
}

/**
 * Step 1: read the document into an outline for the editor to correct. Never refuses a document for
 * its structure (a document without numbered items opens as paragraphs). Writes nothing.
 */
export async function previewImport(_previous: ActionResult<ImportPreview>, formData: FormData): Promise<ActionResult<ImportPreview>> {
  try {
    const actor = await requireActor("EDITOR");
    const source = await readSource(formData);
    if (!source.ok) return source.error;
    const doc = toImportJson(readDocumentOutline(source.decoded.text));
    const previous = await findPreviousImports(actor, documentFingerprint(source.decoded.text));
    return {
      ok: true,
      data: {
        previewId: randomUUID(),
        text: source.decoded.text,
        encoding: source.decoded.encoding,
        roundups: doc.roundups,
        warnings: doc.warnings,
        previousImports: previous.map((p) => ({ title: p.title, createdAt: p.createdAt.toISOString() })),
      },
    };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return failure(error, "previewImport");
  }
}

/**
 * Step 2: create the drafts from the outline as the editor corrected it. The server trusts nothing from
 * the browser: the outline is validated again here (and in the data layer) before one transaction.
 */
export async function createImportDrafts(_previous: ActionResult<ImportCreated>, formData: FormData): Promise<ActionResult<ImportCreated>> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = importCreateSchema.safeParse(importCreateFields(formData));
    if (!parsed.success) {
      const problems = outlineProblems(parsed.error);
      return { ok: false, message: `还不能创建：${problems.length} 处需要改正。`, fieldErrors: { outline: problems } };
    }
    const { outline, text, allowDuplicate } = parsed.data;
    const created = await importRoundups(actor, outline, {
      fingerprint: documentFingerprint(text || JSON.stringify(outline.roundups)),
      allowDuplicate,
    });
    // Drafts appear on no public page, so no cached page needs expiring.
    return { ok: true, data: { roundups: created.map((r) => ({ id: r.id, title: r.title, stories: r.storyIds.length })) } };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return failure(error, "createImportDrafts");
  }
}
