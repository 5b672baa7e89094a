// Builds one item from its heading line and the blocks under it: title (without a description, first
// sentence or vote count that shared its line), body paragraphs, the photo caption and credit.

import type { CaptionParts } from "./captions";
import { splitTitleLine, votesInTitle, votesLine } from "./item-text";
import { isPhotoTitle, type RawItem } from "./segments";
import type { ParsedItem } from "./types";

export type Warn = (message: string) => void;

/** A text shortened for a warning. */
export function quote(text: string): string {
  return `“${text.length > 24 ? `${text.slice(0, 24)}……` : text}”`;
}

export function buildItem(raw: RawItem, warn: Warn): ParsedItem {
  const where = `第${raw.heading.rank}条`;
  const paragraphs: string[] = [];
  let title = raw.heading.title;
  let votes: number | null = null;

  const counted = votesInTitle(title);
  if (counted) ({ title, votes } = counted);
  const split = splitTitleLine(title);
  if (split) {
    title = split.title;
    paragraphs.push(split.rest);
    if (split.guessed) warn(`${where}：把同一行的${quote(split.rest)}当作正文的开头，标题为${quote(title)}，请核对。`);
  }
  if (raw.heading.origin === "lead") warn(`${where}${quote(title)}取自导语中“榜首”的说法，请核对。`);

  const photos: CaptionParts[] = [];
  for (let index = 0; index < raw.body.length; index += 1) {
    const block = raw.body[index];
    if (!block || block.kind === "furniture") continue;
    const lineVotes = block.kind === "text" ? votesLine(block.text) : null;
    if (lineVotes !== null && votes === null) {
      votes = lineVotes;
      continue;
    }
    const previous = photos.at(-1);
    if (isPhotoTitle(raw.body, index)) {
      warn(`${where}的图片标题${quote(block.text)}未导入（图注已保留）。`);
    } else if (block.kind === "caption" && previous && previous.credit === null && block.parts.caption === null) {
      // A credit on a line of its own ("赛事组委会供图") completes the caption above it.
      photos[photos.length - 1] = { ...previous, credit: block.parts.credit };
    } else if (block.kind === "caption") {
      if (previous) warn(`${where}还有一段图片说明${quote(block.text)}未导入：每条只保留第一张图片的说明。`);
      else photos.push(block.parts);
    } else {
      paragraphs.push(block.text);
      if (block.kind === "text") {
        for (const join of block.joins) warn(`${where}：${join}在分页处断开，已合并为一段，请核对。`);
      }
    }
  }
  const photo = photos[0] ?? null;
  return {
    rank: raw.heading.rank,
    title,
    paragraphs,
    caption: photo?.caption ?? null,
    credit: photo?.credit ?? null,
    votes,
  };
}
