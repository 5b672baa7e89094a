// An item's heading line often carries more than its title: a description after a dash or colon, the
// first sentence of the story, or a vote count. These helpers take those apart.

import { foldForMatch } from "./normalize";

export type TitleSplit = {
  title: string;
  /** The text that followed the title on its line: the start of the item's body. */
  rest: string;
  /** True when only the wording suggested the split (a colon, a first sentence): worth a warning. */
  guessed: boolean;
};

const MAX_TITLE = 40;
const MIN_REST = 6;
const SENTENCE_END = /[。！？.!?]$/;
// "标题——说明", "Title — description", "Title -- description"; a lone "—" only with spaces around it,
// since "2020—2030年" is a range.
const DASH = /\s*——+\s*|\s+[—–]\s+|\s+-{1,2}\s+/;

function parts(text: string, index: number, length: number): { title: string; rest: string } {
  return { title: text.slice(0, index).trim(), rest: text.slice(index + length).trim() };
}

function plausible(split: { title: string; rest: string }): boolean {
  return split.title.length >= 2 && split.title.length <= MAX_TITLE && split.rest.length >= MIN_REST;
}

/** Splits a heading line into title and body start when it holds both; null when it is just a title. */
export function splitTitleLine(line: string): TitleSplit | null {
  const folded = foldForMatch(line);

  // A dash followed by a sentence is a description; followed by a phrase ("奋进新征程——全市经济稳中有进")
  // it is a headline's subtitle, which stays in the title.
  const dash = DASH.exec(folded);
  if (dash) {
    const split = parts(line, dash.index, dash[0].length);
    if (plausible(split) && SENTENCE_END.test(split.rest)) return { ...split, guessed: false };
  }

  // "标题：说明。": a colon followed by a whole sentence. "陈海生：坚守海岛三十年的乡村医生" (no full stop)
  // is a title in the name-and-description style, and stays whole.
  const colon = /[:：]/.exec(folded);
  if (colon && colon.index <= 25) {
    const split = parts(line, colon.index, 1);
    if (plausible(split) && SENTENCE_END.test(split.rest) && split.rest.length >= 10) return { ...split, guessed: true };
  }

  // A headline and then its first sentence: "北湾大桥通车。6月18日，……。" or "北湾大桥通车 6月18日，……。"
  const stop = /[。！？]|\.\s+(?=[A-Z])/.exec(folded);
  if (stop && stop.index + stop[0].length < folded.length) {
    const split = parts(line, stop.index, stop[0].length);
    if (plausible(split) && !/[,，]/.test(split.title) && split.rest.length >= 10) {
      return { title: split.title, rest: split.rest, guessed: true };
    }
  }
  const space = /^(\S{2,30}?)\s+(?=\S)/u.exec(folded);
  if (space?.[1] && /\p{Script=Han}/u.test(space[1]) && !/[,，。；;：:]/.test(space[1])) {
    const split = parts(line, space[1].length, 0);
    if (plausible(split) && SENTENCE_END.test(split.rest) && /[，。,]/.test(split.rest) && split.rest.length >= 12) {
      return { ...split, guessed: true };
    }
  }
  return null;
}

// "（得票12,345）", "得票：12345票", "(18923票)", "获得5678票", "(12,345 votes)".
const VOTES_IN_TITLE =
  /\s*[(（]?\s*(?:得票(?:数)?\s*[:：]?\s*|获得?\s*)?(\d[\d,，]{0,11})\s*(?:票|votes?)\s*[)）]?\s*$|\s*[(（]\s*得票(?:数)?\s*[:：]?\s*(\d[\d,，]{0,11})\s*票?\s*[)）]\s*$|\s*得票(?:数)?\s*[:：]\s*(\d[\d,，]{0,11})\s*票?\s*$/i;
// A body line that only gives the count: "得票：12,345", "得票数 8976票", "Votes: 1,204".
const VOTES_LINE = /^(?:得票(?:数)?|票数|votes?)\s*[:：]?\s*(\d[\d,，]{0,11})\s*(?:票|votes?)?[。.]?$/i;

function toCount(digits: string): number | null {
  const value = Number(digits.replace(/[,，]/g, ""));
  return Number.isSafeInteger(value) ? value : null;
}

/** A vote count at the end of an item's title: the title without it, and the count. */
export function votesInTitle(title: string): { title: string; votes: number } | null {
  const found = VOTES_IN_TITLE.exec(foldForMatch(title));
  const digits = found?.[1] ?? found?.[2] ?? found?.[3];
  if (!found || !digits) return null;
  // A bare "……5678票" is the count only when the title says how it was won.
  if (found[1] && !/得票|获|[(（]|votes?/i.test(found[0])) return null;
  const votes = toCount(digits);
  const rest = title.slice(0, found.index).trim();
  return votes === null || rest === "" ? null : { title: rest, votes };
}

/** The count given by a line of its own under an item. */
export function votesLine(line: string): number | null {
  const digits = VOTES_LINE.exec(foldForMatch(line))?.[1];
  return digits ? toCount(digits) : null;
}
