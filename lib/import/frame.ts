// Reads the blocks around a list's items (its "frame": before the first item, or after the last) into
// title candidates, introduction lines, photo captions, the selector and any ordering note.

import type { Block } from "./blocks";
import type { CaptionParts } from "./captions";
import { agencyIn, dateOrderingPhrase, looksLikeHeadingLine, matchesListTitle, publisherFromSentence } from "./meta";
import { isPhotoTitle } from "./segments";
import { matchItemHeading } from "./shapes";

export type TitleCandidate = {
  text: string;
  kind: "heading" | "section";
  /** More than one when the title was laid out in pieces ("2023年吉林" … "大新闻"). */
  fragments: string[];
};

export type IntroLine = { text: string; headingLike: boolean; joins: string[] };

export type Frame = {
  candidates: TitleCandidate[];
  intro: IntroLine[];
  captions: { parts: CaptionParts; photoTitle: string | null }[];
  /** From a line of its own, such as "吉林日报社选出". */
  publisher: string | null;
  /** Named inside a sentence of the introduction. */
  namedPublisher: string | null;
  /** A news agency mentioned in a heading or the introduction ("美联社", "AP"): the weakest sign. */
  agency: string | null;
  orderingPhrase: string | null;
};

type Piece = { text: string; kind: "heading" | "section"; position: number };

/**
 * Joins title pieces on consecutive lines when only together they read as a list title: layouts set a
 * title in several lines (the seed's "2023年吉林" / "大新闻"), while a document title followed by a
 * section title ("2023年度十大新闻" / "国内十大新闻") are each complete alone.
 */
function groupFragments(pieces: readonly Piece[]): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  let index = 0;
  while (index < pieces.length) {
    const first = pieces[index];
    if (!first) break;
    let end = index;
    let joined = first.text;
    if (first.kind === "heading" && !matchesListTitle(first.text)) {
      for (let next = index + 1; next < pieces.length; next += 1) {
        const piece = pieces[next];
        const previous = pieces[next - 1];
        if (!piece || !previous || piece.kind !== "heading" || piece.position !== previous.position + 1) break;
        if (matchesListTitle(joined + piece.text)) {
          end = next;
          joined += piece.text;
          break;
        }
        joined += piece.text;
      }
    }
    if (end === index) {
      out.push({ text: first.text, kind: first.kind, fragments: [first.text] });
      index += 1;
    } else {
      const fragments = pieces.slice(index, end + 1).map((piece) => piece.text);
      out.push({ text: fragments.join(""), kind: "heading", fragments });
      index = end + 1;
    }
  }
  return out;
}

export function readFrame(blocks: readonly Block[]): Frame {
  const pieces: Piece[] = [];
  const frame: Frame = {
    candidates: [],
    intro: [],
    captions: [],
    publisher: null,
    namedPublisher: null,
    agency: null,
    orderingPhrase: null,
  };

  blocks.forEach((block, position) => {
    switch (block.kind) {
      case "heading":
        // A photo's own title is read together with its caption below.
        if (!isPhotoTitle(blocks, position)) pieces.push({ text: block.text, kind: "heading", position });
        frame.agency ??= agencyIn(block.text);
        break;
      case "section":
        pieces.push({ text: block.text, kind: "section", position });
        break;
      case "caption": {
        const above = blocks[position - 1];
        const photoTitle = above && isPhotoTitle(blocks, position - 1) ? above.text : null;
        frame.captions.push({ parts: block.parts, photoTitle });
        break;
      }
      case "publisher":
        frame.publisher ??= block.publisher;
        break;
      case "note":
        frame.orderingPhrase ??= dateOrderingPhrase(block.text);
        break;
      case "text":
        frame.intro.push({
          text: block.text,
          // Commas mark prose ("经部门推荐、线上投票，评出……") even without a closing full stop.
          headingLike: looksLikeHeadingLine(block.text) && !/[，,]/.test(block.text),
          joins: block.joins,
        });
        frame.namedPublisher ??= publisherFromSentence(block.text);
        frame.agency ??= agencyIn(block.text);
        frame.orderingPhrase ??= dateOrderingPhrase(block.text);
        break;
      case "item":
      case "furniture":
        break;
    }
  });

  frame.candidates = groupFragments(pieces);
  return frame;
}

/** Index of the last block that titles a list, where a document's own header ends and a list's begins. */
export function lastTitleIndex(blocks: readonly Block[]): number {
  for (let index = blocks.length - 1; index >= 0; index -= 1) {
    const kind = blocks[index]?.kind;
    if ((kind === "heading" && !isPhotoTitle(blocks, index)) || kind === "section") return index;
  }
  return -1;
}

/** A section line without its own numbering: "一、国内十大新闻" → "国内十大新闻". */
export function sectionName(text: string): string {
  return matchItemHeading(text)?.title ?? text;
}

/**
 * The best title among candidates: a section line if there is one (it names this list, not the whole
 * document), else one worded like a list title; `last` picks the one nearest the items.
 */
export function pickListTitle(candidates: readonly TitleCandidate[], last: boolean): TitleCandidate | null {
  const sections = candidates.filter((candidate) => candidate.kind === "section");
  if (sections.length > 0) return sections.at(-1) ?? null;
  const listTitles = candidates.filter((candidate) => matchesListTitle(candidate.text));
  return (last ? listTitles.at(-1) : listTitles[0]) ?? null;
}
