// Groups blocks into lists ("segments"): what comes before the first item, the items with the blocks
// under each, and what trails the last item (in the seed, the selector and the title come last).

import type { Block } from "./blocks";
import { looksLikeHeadingLine, matchesListTitle } from "./meta";
import type { ItemHeading } from "./shapes";

export type RawItem = { heading: ItemHeading; body: Block[] };
export type Segment = { pre: Block[]; items: RawItem[]; post: Block[] };

const SHORT_TRAILER = 20;

/**
 * A heading directly above a caption is the photo's own title (the seed's "# 中共吉林省委十二届四次全体会议"),
 * unless it is worded as a list title: a list may well open with its title and then a photo.
 */
export function isPhotoTitle(blocks: readonly Block[], index: number): boolean {
  const block = blocks[index];
  return block?.kind === "heading" && blocks[index + 1]?.kind === "caption" && !matchesListTitle(block.text);
}

function isTitleLike(blocks: readonly Block[], index: number): boolean {
  const kind = blocks[index]?.kind;
  return (kind === "heading" || kind === "section") && !isPhotoTitle(blocks, index);
}

/**
 * Where the next list's preamble begins inside the body of the last item before a restart at rank 1.
 * A heading is the surest sign; a numbered section line ("二、国际") is weaker, since items can contain
 * numbered sub-points, so the last one wins; a short unpunctuated last line is the weakest.
 */
function nextListStart(body: readonly Block[]): number | null {
  const firstHeading = body.findIndex((block, index) => block.kind === "heading" && isTitleLike(body, index));
  if (firstHeading >= 0) return firstHeading;
  for (let index = body.length - 1; index >= 0; index -= 1) {
    if (body[index]?.kind === "section") return index;
  }
  const last = body.at(-1);
  if (last?.kind !== "text") return null;
  // "国际十大新闻依序是：" / "其余三条如下：" introduces the next list in prose rather than with a heading.
  return looksLikeHeadingLine(last.text) || /[:：]$/.test(last.text) ? body.length - 1 : null;
}

function pointsBelow(block: Block | undefined): boolean {
  return block?.kind === "caption" && block.parts.points === "below";
}

/** Takes the "▼" captions off the end of `blocks`: they sit above the photo, which belongs to what follows. */
function takeCaptionsForNext(blocks: Block[]): Block[] {
  let start = blocks.length;
  while (start > 0 && pointsBelow(blocks[start - 1])) start -= 1;
  return blocks.splice(start);
}

/**
 * The trailer after a list's last item: the longest run at the end made only of headings, selector
 * lines, ordering notes, page furniture and short lines. Body text ends where that run begins.
 */
function trailerStart(body: readonly Block[]): number {
  let start = body.length;
  for (let index = body.length - 1; index >= 0; index -= 1) {
    const block = body[index];
    if (!block) break;
    const trailing =
      isTitleLike(body, index) ||
      block.kind === "publisher" ||
      block.kind === "note" ||
      block.kind === "furniture" ||
      (block.kind === "text" && block.text.length <= SHORT_TRAILER);
    if (!trailing) break;
    start = index;
  }
  // A short line right after the body text is more likely the body's last line than part of the trailer.
  while (body[start]?.kind === "text") start += 1;
  return start;
}

/** Splits the document into lists. A list starts over at rank 1 only below a heading. */
export function segmentBlocks(blocks: readonly Block[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment = { pre: [], items: [], post: [] };

  for (const block of blocks) {
    if (block.kind !== "item") {
      (current.items.at(-1)?.body ?? current.pre).push(block);
      continue;
    }
    const last = current.items.at(-1);
    if (last && block.heading.rank === 1) {
      const start = nextListStart(last.body);
      if (start !== null) {
        segments.push(current);
        current = { pre: last.body.splice(start), items: [], post: [] };
      }
    }
    current.items.push({ heading: block.heading, body: [] });
  }
  segments.push(current);

  for (const segment of segments) {
    const [first, ...rest] = segment.items;
    if (first) first.body.unshift(...takeCaptionsForNext(segment.pre));
    let previous = first;
    for (const item of rest) {
      if (previous) item.body.unshift(...takeCaptionsForNext(previous.body));
      previous = item;
    }
  }

  for (const segment of segments) {
    const last = segment.items.at(-1);
    if (last) segment.post = last.body.splice(trailerStart(last.body));
  }
  return segments.filter((segment) => segment.items.length > 0);
}
