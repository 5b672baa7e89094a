// Recognising the lines around a list: its title, who selected it, and whether it is ranked at all.

import { endsSentence, foldForMatch, toChineseNumeral } from "./normalize";

const SHORT_LINE = 40;

// "十大新闻", "2023年度十大科技进展", "十大民生实事", "大新闻" (a title split over lines), "…榜单".
// "二十大" alone (a party congress) is not a list, hence the noun after the number.
const LIST_TITLE =
  /(?:[十百\d一二三四五六七八九]+大|年度)[\p{Script=Han}]{0,6}?(?:新闻|事件|大事|实事|人物|成果|进展|好事)|大新闻|大事记?|榜单|排行榜/u;

export function matchesListTitle(text: string): boolean {
  return LIST_TITLE.test(foldForMatch(text));
}

/** A line that is a list's title by its wording; "……如下：" introduces the list rather than naming it. */
export function looksLikeListTitle(line: string): boolean {
  return line.length <= SHORT_LINE && matchesListTitle(line) && !endsSentence(line) && !/[：:]$/.test(line);
}

/** A short line without closing punctuation, which in a preamble is more likely a heading than prose. */
export function looksLikeHeadingLine(line: string): boolean {
  return line.length <= 30 && !endsSentence(line) && !/[：:，,、；;]$/.test(line);
}

const ORDER_BY_DATE =
  /按(?:照)?(?:事件)?(?:发生)?(?:时间|日期)(?:先后)?(?:顺序)?(?:排列|排序|编排|为序)|按(?:照)?(?:时间|日期)(?:先后)?顺序|以(?:发生)?时间(?:先后)?为序|(?:排名|排序|排列)?不分先后|按时序排列/;

/** The phrase saying the list is in date order (or unranked), if the text has one. */
export function dateOrderingPhrase(text: string): string | null {
  return ORDER_BY_DATE.exec(text)?.[0] ?? null;
}

/**
 * A bracketed or unpunctuated line that only says how the list is ordered, such as
 * "（以下按时间顺序排列）". A full sentence saying the same stays in the introduction.
 */
export function isOrderingNote(line: string): boolean {
  const bracketed = /^[(（【[].*[)）】\]]$/.test(line);
  return line.length <= 30 && (bracketed || !endsSentence(line)) && dateOrderingPhrase(line) !== null;
}

/** Removes a bracketed ordering note from a title: "…十大新闻（按时间顺序排列）" → "…十大新闻". */
export function stripOrderingNote(title: string): string {
  return title.replace(/\s*[（(【[][^（）()【】[\]]*[）)】\]]\s*$/, (note) => (dateOrderingPhrase(note) ? "" : note)).trim();
}

const NAME = "[\\p{Script=Han}A-Za-z0-9·・]";
const SELECT_VERB = "(?:评选出?|选出|评出|推选出?|评定)";
const PUBLISHER_LINE = new RegExp(`^由?(${NAME}{2,24}?)(?:联合|共同|组织)?${SELECT_VERB}(?:结果)?$`, "u");
const PUBLISHER_IN_SENTENCE = [
  new RegExp(`由(${NAME}{2,24}?)(?:联合|共同|组织|牵头)?${SELECT_VERB}`, "u"),
  new RegExp(
    `(${NAME}{2,20}?(?:报社|日报|晚报|早报|报业集团|传媒集团|编辑部|电视台|广播电视台|融媒体中心|通讯社))[^。！？]{0,40}?(?:评选出|选出|评出)`,
    "u",
  ),
];
const LINE_DECORATION = /^[\s—–\-－~～(（【[]+|[\s)）】\]]+$/g;

// "本报编辑部" ("this paper's newsroom") names nobody once the text leaves the paper's own pages.
const SELF_REFERENCE = /^(?:本报|本刊|本台|本网|我报|我们)/;

function namedPublisher(name: string | undefined): string | null {
  return name && !SELF_REFERENCE.test(name) ? name : null;
}

/** "吉林日报社选出", "——由北湾晚报评选", "（青禾县融媒体中心选出）" → the selecting body. */
export function publisherFromLine(line: string): string | null {
  const bare = line.replace(LINE_DECORATION, "");
  if (bare.length > 30) return null;
  return namedPublisher(PUBLISHER_LINE.exec(bare)?.[1]);
}

/** The selecting body named inside a sentence of the introduction ("由北湾日报社组织评选……"). */
export function publisherFromSentence(text: string): string | null {
  for (const pattern of PUBLISHER_IN_SENTENCE) {
    const name = namedPublisher(pattern.exec(text)?.[1]);
    if (name) return name;
  }
  return null;
}

/** The first 19xx/20xx year written in the text, in half- or full-width digits. */
export function yearIn(text: string): number | null {
  const match = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(foldForMatch(text));
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * Layouts print the count as a graphic ("2023年吉林" … "大新闻" with a large 十 as an image), so the text
 * loses it. When the title reads "<year>年…大新闻" with no number before 大新闻, the item count supplies it.
 * Returns null when the title needs no repair.
 */
export function restoreMissingCount(title: string, itemCount: number): { title: string; inserted: string } | null {
  const match = /^(\d{4}年.*?)大新闻$/.exec(title);
  if (!match?.[1] || itemCount < 1) return null;
  if (/[零〇一二两三四五六七八九十百千\d]$/.test(match[1])) return null;
  const inserted = toChineseNumeral(itemCount);
  return { title: `${match[1]}${inserted}大新闻`, inserted };
}
