// Turns the document into a flat list of typed blocks, one per non-empty line, and repairs paragraphs
// that a page break split in two. Grouping blocks into lists and items happens in segments.ts.

import { splitCaption, type CaptionParts } from "./captions";
import { splitNumberedRun, splitUnnumberedList, type ExpandedLine } from "./inline";
import { isBylineLine, isOrderingNote, looksLikeHeadingLine, looksLikeListTitle, publisherFromLine } from "./meta";
import { cleanText, endsSentence, foldForMatch } from "./normalize";
import { chooseItemStyle, matchItemHeading, stripMarkdownHeading, styleKey, type ItemHeading } from "./shapes";

export type Block =
  | { kind: "item"; text: string; heading: ItemHeading }
  /** A Markdown heading, or a plain line worded like a list title. */
  | { kind: "heading"; text: string }
  /** A short line numbered in another style than the items, such as "一、国内" above "1、…" items. */
  | { kind: "section"; text: string }
  | { kind: "caption"; text: string; parts: CaptionParts }
  | { kind: "publisher"; text: string; publisher: string }
  /** A line that only says how the list is ordered. */
  | { kind: "note"; text: string }
  /** Page furniture with no place in a story: "（完）", "责任编辑：……", bylines ("文/中央社"), "来源：……". */
  | { kind: "furniture"; text: string }
  /** `joins` quotes each place where two pieces of a paragraph split by a page break were rejoined. */
  | { kind: "text"; text: string; joins: string[] };

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\f/;
// A continuation that starts with punctuation cannot be a new paragraph.
const CONTINUATION_START = /^[，、；：,;:。！？)）”」』]/;
const MIN_BROKEN_LENGTH = 20;
const FURNITURE =
  /^[(（]?(?:全文)?完[)）]?$|^(?:责任编辑|责编|编辑|校对|审核|审校|统筹|策划|整理)\s*[:：]|^[(（][^()（）]{0,30}整理[)）]$/;

function classifyPlainLine(line: string): Block {
  if (FURNITURE.test(foldForMatch(line))) return { kind: "furniture", text: line };
  const parts = splitCaption(line);
  if (parts) return { kind: "caption", text: line, parts };
  if (isBylineLine(line)) return { kind: "furniture", text: line };
  if (looksLikeListTitle(line)) return { kind: "heading", text: line };
  if (isOrderingNote(line)) return { kind: "note", text: line };
  const publisher = publisherFromLine(line);
  if (publisher) return { kind: "publisher", text: line, publisher };
  return { kind: "text", text: line, joins: [] };
}

function classifyLine(line: string): Block {
  const { text, markdown } = stripMarkdownHeading(line);
  const cleaned = cleanText(text);
  return markdown ? { kind: "heading", text: cleaned } : classifyPlainLine(cleaned);
}

const HAN = /\p{Script=Han}/u;
// Chinese prose shows its punctuation; some layouts set half-width commas between Chinese words.
const CHINESE_PUNCTUATION = /[，。、；：！？“”《》]|\p{Script=Han},\p{Script=Han}/u;
// "新华社北京12月31日电": a dateline opens a new piece of text.
const DATELINE = /^[\p{Script=Han}]{2,12}\d{1,2}月\d{1,2}日(?:电|讯)/u;

/**
 * A page break leaves a paragraph cut mid-sentence ("……稳居全" / "国粮食主产省……"). Short unpunctuated
 * lines are left alone: those are labels and headings, not the bottom of a page. Only Chinese prose is
 * rejoined: English lines end without Chinese punctuation by nature, and datelines start new text.
 */
function isBrokenParagraph(before: string, after: string): boolean {
  if (endsSentence(before)) return false;
  if (!HAN.test(after) || !CHINESE_PUNCTUATION.test(before) || DATELINE.test(foldForMatch(after))) return false;
  return before.length >= MIN_BROKEN_LENGTH || CONTINUATION_START.test(after);
}

function quoteJoin(before: string, after: string): string {
  return `“……${before.slice(-8)}”与“${after.slice(0, 8)}……”`;
}

/** An item title wrapped onto a second line ends with a comma and continues on a short line. */
function isWrappedTitle(title: string, next: string): boolean {
  return /[，,、]$/.test(title) && next.length <= 40 && !endsSentence(next);
}

function rejoinBrokenParagraphs(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out.at(-1);
    if (block.kind === "text" && previous?.kind === "item" && isWrappedTitle(previous.heading.title, block.text)) {
      const title = previous.heading.title + block.text;
      out[out.length - 1] = { kind: "item", text: title, heading: { ...previous.heading, title } };
    } else if (block.kind === "text" && previous?.kind === "text" && isBrokenParagraph(previous.text, block.text)) {
      out[out.length - 1] = {
        kind: "text",
        text: previous.text + block.text,
        joins: [...previous.joins, quoteJoin(previous.text, block.text), ...block.joins],
      };
    } else {
      out.push(block);
    }
  }
  return out;
}

const MIN_BLOCK_LIST = 3;

/**
 * Rewrites lines holding several items as one line per item: two items on a line always; items run on
 * after a prose lead only when the document has no block list of its own (else they are an item's
 * sub-points); an unnumbered list in a sentence only when nothing in the document is numbered.
 */
function expandLines(lines: readonly string[]): ExpandedLine[] {
  const blockItems = lines.filter((line) => matchItemHeading(line) !== null).length;
  const out: ExpandedLine[] = [];
  const earlier: string[] = [];
  for (const line of lines) {
    const numbered = matchItemHeading(line) !== null;
    const split = splitNumberedRun(line, !numbered && blockItems < MIN_BLOCK_LIST, earlier);
    out.push(...(split ?? [{ text: line, origin: null }]));
    if (!numbered) earlier.push(line);
  }
  if (out.some((line) => matchItemHeading(line.text) !== null)) return out;
  return out.flatMap((line) => splitUnnumberedList(line.text) ?? [line]);
}

export function toBlocks(document: string): Block[] {
  const expanded = expandLines(
    document
      .replace(/^\uFEFF/, "")
      .split(LINE_BREAK)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
  );
  const lines = expanded.map((line) => line.text);

  const headings = lines.map(matchItemHeading);
  const itemStyle = chooseItemStyle(headings.filter((heading) => heading !== null));

  const blocks = lines.map((line, index): Block => {
    const heading = headings[index];
    if (!heading) return classifyLine(line);
    if (styleKey(heading) === itemStyle) {
      const title = cleanText(heading.title);
      return { kind: "item", text: title, heading: { ...heading, title, origin: expanded[index]?.origin ?? null } };
    }
    const plain = cleanText(stripMarkdownHeading(line).text);
    // Numbered in another style: a short one heads a section, a long one is a sub-point of an item's text.
    return plain.length <= 30 && !endsSentence(plain) ? { kind: "section", text: plain } : classifyLine(line);
  });

  // Whatever its wording, a short first line is the document's title, not the start of its prose.
  const first = blocks[0];
  if (first?.kind === "text" && looksLikeHeadingLine(first.text) && !/[，,]/.test(first.text)) {
    blocks[0] = { kind: "heading", text: first.text };
  }
  return rejoinBrokenParagraphs(blocks);
}
