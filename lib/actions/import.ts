"use server";

import { requireActor } from "@/lib/auth/session";
import { findPreviousImports, importRoundups } from "@/lib/data/import";
import { decodeDocumentWithEncoding, type DocumentEncoding } from "@/lib/import/decode";
import { ImportError } from "@/lib/import/errors";
import { documentFingerprint, parseRoundupDocument, type ParsedRoundup } from "@/lib/import/parse";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { importFormFields, importSourceSchema } from "@/lib/validation/import";

export type ImportPreview = {
  text: string;
  encoding: DocumentEncoding;
  roundups: ParsedRoundup[];
  warnings: string[];
  previousImports: { title: string; createdAt: string }[];
};

export type ImportCreated = { roundups: { id: string; title: string; stories: number }[] };

type Source = { ok: false; error: ActionResult<never> } | { ok: true; decoded: ReturnType<typeof decodeDocumentWithEncoding>; allowDuplicate: boolean };

async function readSource(formData: FormData): Promise<Source> {
  const parsed = importSourceSchema.safeParse(importFormFields(formData));
  if (!parsed.success) {
    return { ok: false, error: { ok: false, message: parsed.error.issues[0]?.message, fieldErrors: fieldErrorsOf(parsed.error) } };
  }
  const { file, text, allowDuplicate } = parsed.data;
  // An uploaded file wins over pasted text; its bytes are decoded here (UTF-8, or GBK/GB18030 converted).
  const decoded = file && file.size > 0 ? decodeDocumentWithEncoding(new Uint8Array(await file.arrayBuffer())) : decodeDocumentWithEncoding(new TextEncoder().encode(text));
  return { ok: true, decoded, allowDuplicate };
}

/** Step 1: parse the document and show what would be created. Writes nothing. */
export async function previewImport(_previous: ActionResult<ImportPreview>, formData: FormData): Promise<ActionResult<ImportPreview>> {
  try {
    const actor = await requireActor("EDITOR");
    const source = await readSource(formData);
    if (!source.ok) return source.error;
    const doc = parseRoundupDocument(source.decoded.text);
    const previous = await findPreviousImports(actor, documentFingerprint(source.decoded.text));
    return {
      ok: true,
      data: {
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

/** Step 2: re-read the same document (the server never trusts the preview) and create the drafts. */
export async function createImportDrafts(_previous: ActionResult<ImportCreated>, formData: FormData): Promise<ActionResult<ImportCreated>> {
  try {
    const actor = await requireActor("EDITOR");
    const source = await readSource(formData);
    if (!source.ok) return source.error;
    const doc = parseRoundupDocument(source.decoded.text);
    const created = await importRoundups(actor, doc, {
      fingerprint: documentFingerprint(source.decoded.text),
      allowDuplicate: source.allowDuplicate,
    });
    // Drafts appear on no public page, so no cached page needs expiring.
    return { ok: true, data: { roundups: created.map((r) => ({ id: r.id, title: r.title, stories: r.storyIds.length })) } };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message };
    return failure(error, "createImportDrafts");
  }
}
