// Entry point: a "top 10" document's text in, structured roundups out. Pure and synchronous, so the
// editor's import preview, the import Server Action and the CLI all read a document the same way.

import { createHash } from "node:crypto";

import { toBlocks, type Block } from "./blocks";
import { ImportError } from "./errors";
import { agencyIn, listTitleFromProse, matchesListTitle, publisherFromSentence, yearIn } from "./meta";
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

/**
 * The same reading, for the editable preview: it never refuses a document's structure. Ranks that skip
 * or repeat are kept as found, with a warning; a document without numbered items comes back as one list
 * whose paragraphs are all unassigned, for the editor to turn into items.
 */
export function readDocumentOutline(text: string): ParsedDocument {
  const blocks = toBlocks(text);
  const segments = segmentBlocks(blocks);
  return segments.length > 0 ? buildRoundups(segments, "lenient") : paragraphsOnly(blocks);
}

function paragraphsOnly(blocks: readonly Block[]): ParsedDocument {
  const texts = blocks.filter((block) => block.kind !== "furniture").map((block) => block.text);
  const heading =
    blocks.find((block) => block.kind === "heading" && matchesListTitle(block.text)) ??
    blocks.find((block) => block.kind === "heading");
  const title = heading?.text ?? texts.map(listTitleFromProse).find((found) => found !== null) ?? "";
  const publisher =
    blocks.flatMap((block) => (block.kind === "publisher" ? [block.publisher] : [])).at(0) ??
    texts.map((line) => publisherFromSentence(line) ?? agencyIn(line)).find((found) => found !== null) ??
    null;
  return {
    roundups: [
      {
        title,
        year: texts.map(yearIn).find((found) => found !== null) ?? null,
        publisher,
        intro: null,
        outro: null,
        caption: null,
        credit: null,
        ordering: "rank",
        items: [],
        unassigned: heading ? texts.filter((line) => line !== heading.text) : texts,
      },
    ],
    warnings: ["没有找到带序号的条目：文档已按段落列出，请把段落设为条目（或并入上一条的正文）后再创建。"],
  };
}

/** One item of the interchange form (and of the outline the editor corrects). */
export type ImportJsonItem = {
  rank: number;
  title: string;
  paragraphs: string[];
  caption: string | null;
  credit: string | null;
  votes: number | null;
};

export type ImportJsonRoundup = {
  title: string;
  year: number | null;
  publisher: string | null;
  intro: string | null;
  outro: string | null;
  caption: string | null;
  credit: string | null;
  ordering: "rank" | "date";
  items: ImportJsonItem[];
  unassigned: string[];
};

export type ImportJson = { roundups: ImportJsonRoundup[]; warnings: string[] };

/**
 * The interchange form of a parsed document, with keys in a fixed order so that its JSON is stable.
 * It is also the outline format: `npm run import -- FILE --dry-run --json > outline.json`, corrected
 * by hand, comes back in through `--outline outline.json`.
 */
export function toImportJson(doc: ParsedDocument): ImportJson {
  return {
    roundups: doc.roundups.map((roundup) => ({
      title: roundup.title,
      year: roundup.year,
      publisher: roundup.publisher,
      intro: roundup.intro,
      outro: roundup.outro,
      caption: roundup.caption,
      credit: roundup.credit,
      ordering: roundup.ordering,
      items: roundup.items.map((item) => ({
        rank: item.rank,
        title: item.title,
        paragraphs: [...item.paragraphs],
        caption: item.caption,
        credit: item.credit,
        votes: item.votes,
      })),
      unassigned: [...roundup.unassigned],
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
