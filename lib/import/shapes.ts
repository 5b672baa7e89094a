// The ways newspapers number the items of a list. A document uses one of them for its items; other
// numbered lines (sections such as "一、国内", sub-points inside an item) use another, so the parser
// picks the most frequent style and treats the rest as ordinary lines.

import type { LineOrigin } from "./inline";
import { foldForMatch, parseRankNumber } from "./normalize";

export type NumberingStyle =
  | "arabic" // 1. / 1、 / 1． / １、 / 1)
  | "arabic-bare" // "1 标题", as in the seed's "## 1 标题"
  | "rank-position" // 第1位 / 第一名
  | "ordinal" // 第一、 / 第一， / 第1：
  | "english" // No. 1 / No.1 / #1
  | "paren-chinese" // （一） / (一)
  | "paren-arabic" // （1） / (1)
  | "chinese-comma" // 一、
  | "circled"; // ①

export type ItemHeading = {
  /** Set when the line was rewritten from another shape (see inline.ts), for the warnings. */
  origin?: LineOrigin | null;
  style: NumberingStyle;
  /** Written as a Markdown heading ("## 1 …"); such lines form a separate family from plain "1." lines. */
  markdown: boolean;
  rank: number;
  title: string;
};

type Shape = { style: NumberingStyle; pattern: RegExp };

// Patterns run on the folded line (see foldForMatch); group 1 is the number, the title follows the match.
// "." and "," must not be followed by a digit, or "3.7万人" would read as item 3; a month is the exception,
// since date-ordered lists write "1.1月 ……".
const SHAPES: readonly Shape[] = [
  { style: "rank-position", pattern: /^第\s*(\d{1,3}|[一二两三四五六七八九十百]+)\s*[位名](?:\s*[.、,:]\s*|\s*)/ },
  // "第一" needs a separator after it: "第一季度……" opens a sentence, not an item.
  { style: "ordinal", pattern: /^第\s*(\d{1,3}|[一二两三四五六七八九十百]+)\s*(?:[.、,:]\s*|\s+)/ },
  { style: "english", pattern: /^(?:No\.?\s*|#\s*)(\d{1,3})(?!\d)\s*(?:[.:)\]]|[-–—]+)?\s*/i },
  { style: "paren-chinese", pattern: /^\(\s*([一二两三四五六七八九十百]+)\s*\)\s*/ },
  { style: "paren-arabic", pattern: /^\(\s*(\d{1,3})\s*\)\s*/ },
  { style: "arabic", pattern: /^(\d{1,3})\s*(?:[.,](?!\d)|\.(?=\d{1,2}月)|[、:)])\s*/ },
  { style: "arabic-bare", pattern: /^(\d{1,3})\s+/ },
  { style: "chinese-comma", pattern: /^([一二两三四五六七八九十百]+)\s*[、.,:]\s*/ },
];

const CIRCLED = /^([\u2460-\u2473])\s*/;

// "#1 …" is a rank, not a Markdown heading.
const MARKDOWN_HEADING = /^#{1,6}(?!\d)\s*/;

export function stripMarkdownHeading(line: string): { text: string; markdown: boolean } {
  const match = MARKDOWN_HEADING.exec(line);
  if (!match) return { text: line, markdown: false };
  return { text: line.slice(match[0].length).replace(/\s*#+\s*$/, "").trim(), markdown: true };
}

/** Reads a line (already trimmed) as a numbered item heading, in any supported style. */
export function matchItemHeading(line: string): ItemHeading | null {
  const { text, markdown } = stripMarkdownHeading(line);
  const folded = foldForMatch(text);

  const circled = CIRCLED.exec(folded);
  if (circled?.[1]) {
    const title = text.slice(circled[0].length).trim();
    const rank = circled[1].charCodeAt(0) - 0x2460 + 1;
    return title ? { style: "circled", markdown, rank, title } : null;
  }

  for (const shape of SHAPES) {
    const match = shape.pattern.exec(folded);
    if (!match?.[1]) continue;
    const rank = parseRankNumber(match[1]);
    const title = text.slice(match[0].length).trim();
    if (rank === null || title === "") continue;
    return { style: shape.style, markdown, rank, title };
  }
  return null;
}

export function styleKey(heading: Pick<ItemHeading, "style" | "markdown">): string {
  return `${heading.markdown ? "markdown:" : ""}${heading.style}`;
}

/**
 * The numbering family the document's items use: the most frequent one, preferring on a tie the family
 * whose first rank is 1 and then the one that appears first.
 */
export function chooseItemStyle(headings: readonly ItemHeading[]): string | null {
  type Tally = { count: number; startsAtOne: boolean };
  const tallies = new Map<string, Tally>();
  for (const heading of headings) {
    const key = styleKey(heading);
    const tally = tallies.get(key);
    if (tally) tally.count += 1;
    else tallies.set(key, { count: 1, startsAtOne: heading.rank === 1 });
  }

  // Map iteration follows first appearance, so keeping the earlier family on a full tie needs no index.
  let best: { key: string; tally: Tally } | null = null;
  for (const [key, tally] of tallies) {
    if (
      best === null ||
      tally.count > best.tally.count ||
      (tally.count === best.tally.count && tally.startsAtOne && !best.tally.startsAtOne)
    ) {
      best = { key, tally };
    }
  }
  return best?.key ?? null;
}
