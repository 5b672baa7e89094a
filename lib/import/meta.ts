// Recognising the lines around a list: its title, who selected it, and whether it is ranked at all.

import { endsSentence, foldForMatch, toChineseNumeral } from "./normalize";

const SHORT_LINE = 40;

// "十大新闻", "2023年度十大科技进展", "十大民生实事", "大新闻" (a title split over lines), "…榜单".
// "二十大" alone (a party congress) is not a list, hence the noun after the number.
// English: "AP's Top 10 News Stories of 2010", "Top Ten Stories", "The Year in Review".
const LIST_TITLE =
  /(?:[十百\d一二三四五六七八九]+大|年度)[\p{Script=Han}]{0,6}?(?:新闻|事件|大事|实事|人物|成果|进展|好事)|大新闻|大事记?|榜单|排行榜|\btop\s+(?:\d{1,3}|ten|five|twenty)\b|\btop (?:news )?(?:stories|news|events)\b|\byear in review\b/iu;
// A title that gives the count ("十大新闻", "10大新闻", "Top 10") beats a bare "大事" in the same lead.
const COUNTED_TITLE = /[十百\d一二三四五六七八九]+大|\btop\s+\d/i;

export function matchesListTitle(text: string): boolean {
  return LIST_TITLE.test(foldForMatch(text));
}

const QUOTED = /[“「『"《]([^“”「」『』"《》]{2,40})[”」』"》]/g;
const TITLE_LEFT_CUT = /.*(?:[的是为了将由对把在]|评选|票选|选出|评出|推选|进行|公布|发布|揭晓|名列|列入|入选)/u;
const TITLE_RIGHT_CUT = /(?:调查|评选|结果|揭晓|出炉|公布|如下|依序|依次|分别|是|为|榜首).*$/u;

/**
 * A list title named inside a sentence of prose: “2010年10大新闻” in quotes, or the noun phrase around
 * 十大新闻 in "本报评出的2023年国际十大新闻如下：". Null when the sentence names none.
 */
export function listTitleFromProse(text: string): string | null {
  for (const match of text.matchAll(QUOTED)) {
    const quoted = match[1]?.trim();
    if (quoted && matchesListTitle(quoted)) return quoted;
  }
  const folded = foldForMatch(text);
  const matches = [...folded.matchAll(new RegExp(LIST_TITLE.source, "giu"))];
  const found = matches.find((match) => COUNTED_TITLE.test(match[0])) ?? matches[0];
  if (!found) return null;
  // The clause holding the title, in the original text (same indexes as the folded copy).
  // A dateline in brackets ("（中央社记者台北29日电）") ends where the sentence begins.
  const clauseStart = Math.max(...[...folded.slice(0, found.index).matchAll(/[,，。；;:：！？!?、()]/g)].map((m) => m.index + 1), 0);
  const clauseEndMatch = /[,，。；;:：！？!?、]/.exec(folded.slice(found.index + found[0].length));
  const clauseEnd = clauseEndMatch ? found.index + found[0].length + clauseEndMatch.index : text.length;
  // Cut on the folded copy (so Traditional wording matches), keep the original characters.
  const leftCut = TITLE_LEFT_CUT.exec(folded.slice(clauseStart, found.index))?.[0].length ?? 0;
  const afterStart = found.index + found[0].length;
  const rightCut = TITLE_RIGHT_CUT.exec(folded.slice(afterStart, clauseEnd));
  const before = text.slice(clauseStart + leftCut, found.index);
  const after = text.slice(afterStart, rightCut ? afterStart + rightCut.index : clauseEnd);
  // "国际方面，本报选出的三大新闻是：" names its field at the start of the sentence.
  const field = before.trim() === "" ? (/^([\p{Script=Han}]{2,4})方面[,，]/u.exec(folded)?.[1] ?? "") : "";
  const title = `${field}${before}${text.slice(found.index, found.index + found[0].length)}${after}`.trim();
  return title.length >= 4 && title.length <= 40 ? title : null;
}

/** A line that is a list's title by its wording; "……如下：" introduces the list rather than naming it. */
export function looksLikeListTitle(line: string): boolean {
  // English words take more letters than Chinese characters do.
  const limit = /\p{Script=Han}/u.test(line) ? SHORT_LINE : SHORT_LINE * 2;
  return line.length <= limit && matchesListTitle(line) && !endsSentence(line) && !/[：:]$/.test(line);
}

/** A short line without closing punctuation, which in a preamble is more likely a heading than prose. */
export function looksLikeHeadingLine(line: string): boolean {
  return line.length <= 30 && !endsSentence(line) && !/[：:，,、；;]$/.test(line);
}

// Matched on the folded text, so "先後為序" reads as 先后为序.
const ORDER_BY_DATE =
  /[按以](?:照)?(?:新闻)?(?:事件)?(?:发生)?的?(?:时间|日期)(?:的)?(?:先后)?(?:顺序)?(?:排列|排序|编排|为序|顺序)|(?:以|按)?(?:时间)?先后为序|(?:排名|排序|排列)?不分先后|按时序排列|\bin (?:chronological|date) order\b|\bchronologically\b|\bin no particular order\b/i;

/** The phrase saying the list is in date order (or unranked), as written, if the text has one. */
export function dateOrderingPhrase(text: string): string | null {
  const found = ORDER_BY_DATE.exec(foldForMatch(text));
  return found ? text.slice(found.index, found.index + found[0].length) : null;
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
    `(${NAME}{2,20}?(?:日报社|晚报社|早报社|报社|日报|晚报|早报|报业集团|传媒集团|编辑部|电视台|广播电视台|融媒体中心|通讯社))[^。！？]{0,40}?(?:评选|选出|评出)`,
    "u",
  ),
];
// News agencies named in a lead ("中新社北京12月28日电", "美联社进行……调查", "AP's Top 10 …").
const AGENCY =
  /(新华社|中新社|中央社|美联社|路透社|法新社|共同社|韩联社|塔斯社|合众国际社|安莎社|德新社|埃菲社|\bAssociated Press\b|\bAP\b|\bReuters\b|\bAFP\b)/;
const LINE_DECORATION = /^[\s—–\-－~～(（【[]+|[\s)）】\]]+$/g;

// "本报编辑部" ("this paper's newsroom") names nobody once the text leaves the paper's own pages.
const SELF_REFERENCE = /^(?:本报|本刊|本台|本网|我报|我们)/;

function namedPublisher(name: string | undefined): string | null {
  return name && !SELF_REFERENCE.test(foldForMatch(name)) ? name : null;
}

/** "吉林日报社选出", "——由北湾晚报评选", "（青禾县融媒体中心选出）" → the selecting body. */
export function publisherFromLine(line: string): string | null {
  const bare = line.replace(LINE_DECORATION, "");
  if (bare.length > 30) return null;
  return namedPublisher(PUBLISHER_LINE.exec(bare)?.[1]);
}

/** The selecting body named inside a sentence of the introduction ("由北湾日报社组织评选……"). */
export function publisherFromSentence(text: string): string | null {
  const folded = foldForMatch(text);
  for (const pattern of PUBLISHER_IN_SENTENCE) {
    const found = pattern.exec(folded);
    const start = found?.[1] ? found.index + found[0].indexOf(found[1]) : -1;
    const name = namedPublisher(found?.[1] ? text.slice(start, start + found[1].length) : undefined);
    if (name) return name;
  }
  return null;
}

/** A news agency named in a lead, as written ("美联社", "AP"); a weaker sign than "由……评选". */
export function agencyIn(text: string): string | null {
  const found = AGENCY.exec(foldForMatch(text));
  return found?.[1] ? text.slice(found.index, found.index + found[1].length) : null;
}

// "文/中央社", "图/路透", "记者 王某", "来源：人民网": who wrote or supplied the page, not a title.
const BYLINE = /^(?:文|图|文图|图文|撰文|编译|记者|本报记者|来源|稿源|出处|Source|By)\s*[/:：|｜\s]\s*\S/i;

export function isBylineLine(line: string): boolean {
  return line.length <= 40 && BYLINE.test(foldForMatch(line)) && !/[。！？]$/.test(line);
}

const CHINESE_YEAR_DIGITS: Readonly<Record<string, string>> = {
  〇: "0",
  零: "0",
  "○": "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/**
 * The first 19xx/20xx year written in the text: in half- or full-width digits, or in Chinese numerals
 * read digit by digit ("二〇〇一年", and "二00一年" with zeros typed as digits).
 */
export function yearIn(text: string): number | null {
  const folded = foldForMatch(text);
  const arabic = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(folded);
  const chinese = /([一二三四五六七八九〇零○0-9]{4})\s*年/.exec(folded);
  const fromChinese = chinese?.[1] && /[^0-9]/.test(chinese[1])
    ? Number([...chinese[1]].map((ch) => CHINESE_YEAR_DIGITS[ch] ?? ch).join(""))
    : null;
  const candidates = [
    arabic?.[1] ? { index: arabic.index, year: Number(arabic[1]) } : null,
    fromChinese && fromChinese >= 1900 && fromChinese < 2100 && chinese ? { index: chinese.index, year: fromChinese } : null,
  ].filter((candidate) => candidate !== null);
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.year ?? null;
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
