// Entry point: a "top 10" document's text in, structured roundups out. Pure and synchronous, so the
// editor's import preview, the import Server Action and the CLI all read a document the same way.

import { createHash } from "node:crypto";

import { toBlocks } from "./blocks";
import { ImportError } from "./errors";
import { normalizeWhitespace } from "./normalize";
import { buildRoundups } from "./roundup";
import { segmentBlocks } from "./segments";
import type { ParsedDocument } from "./types";

export type { ParsedDocument, ParsedItem, ParsedRoundup } from "./types";

/**
 * @throws ImportError NO_ITEMS when nothing in the text is numbered as a list item, RANK_GAP or
 * RANK_DUPLICATE when a list's ranks do not run 1..N.
 */
export function parseRoundupDocument(text: string): ParsedDocument {
  const segments = segmentBlocks(toBlocks(text));
  if (segments.length === 0) {
    throw new ImportError(
      "NO_ITEMS",
      "没有找到带序号的条目：请确认每条新闻单独成行，并以“1.”“1、”“第1位”或“（一）”这类序号开头，然后重新上传。",
    );
  }
  return buildRoundups(segments);
}

export type ImportJson = {
  roundups: {
    title: string;
    year: number | null;
    publisher: string | null;
    intro: string | null;
    caption: string | null;
    credit: string | null;
    items: { rank: number; title: string; paragraphs: string[]; caption: string | null; credit: string | null }[];
  }[];
  warnings: string[];
};

/**
 * The interchange form of a parsed document, with keys in a fixed order so that its JSON is stable. It
 * leaves out `ordering`: a date-ordered list is already flagged among the warnings.
 */
export function toImportJson(doc: ParsedDocument): ImportJson {
  return {
    roundups: doc.roundups.map((roundup) => ({
      title: roundup.title,
      year: roundup.year,
      publisher: roundup.publisher,
      intro: roundup.intro,
      caption: roundup.caption,
      credit: roundup.credit,
      items: roundup.items.map((item) => ({
        rank: item.rank,
        title: item.title,
        paragraphs: [...item.paragraphs],
        caption: item.caption,
        credit: item.credit,
      })),
    })),
    warnings: [...doc.warnings],
  };
}

/**
 * Identifies a document regardless of line endings, indentation and blank lines, so a re-saved copy of
 * an already imported file is recognised as the same document.
 */
export function documentFingerprint(text: string): string {
  return createHash("sha256").update(normalizeWhitespace(text), "utf8").digest("hex");
}
