// Assembles each segment into a roundup: title, year, selector, introduction, lead photo and items,
// with a warning for every guess an editor should check before publishing.

import { findItemForCaption } from "./captions";
import { ImportError } from "./errors";
import { lastTitleIndex, pickListTitle, readFrame, sectionName, type Frame, type TitleCandidate } from "./frame";
import { buildItem, quote, type Warn } from "./item";
import { dateOrderingPhrase, listTitleFromProse, matchesListTitle, restoreMissingCount, stripOrderingNote, yearIn } from "./meta";
import type { Segment } from "./segments";
import type { ParsedRoundup } from "./types";
import { checkRanks } from "./validate";

/** "strict" refuses ranks that do not run 1..N; "lenient" keeps the items as found and warns. */
export type RankPolicy = "strict" | "lenient";

const UNTITLED = "未命名榜单";

type ChosenTitle = { text: string; candidate: TitleCandidate | null; introIndex: number | null; fromProse?: boolean };

/** Preference: a list title before the items, then after them (the seed), then any heading, then a short line. */
function chooseTitle(own: Frame, trailer: Frame, documentTitle: string | null, severalLists: boolean): ChosenTitle | null {
  // In a document of several lists, "本市十大新闻依序是：" right above the items names this list, while a
  // heading above it names the whole document.
  const leadLine = own.intro.at(-1);
  const leadSentence = leadLine?.text.split(/[。！？]/).at(-1) ?? "";
  const proseTitle = severalLists && /[:：]$/.test(leadSentence) ? listTitleFromProse(leadSentence) : null;
  if (proseTitle) return { text: proseTitle, candidate: null, introIndex: null, fromProse: true };
  const candidate =
    pickListTitle(own.candidates, true) ??
    pickListTitle(trailer.candidates, false) ??
    own.candidates[0] ??
    trailer.candidates[0];
  if (candidate) {
    if (candidate.kind !== "section") return { text: candidate.text, candidate, introIndex: null };
    const name = sectionName(candidate.text);
    // "一、国内" names a part of the document, so it is read together with the document's title.
    const text = !matchesListTitle(name) && documentTitle ? `${documentTitle}（${name}）` : name;
    return { text, candidate, introIndex: null };
  }
  const introIndex = own.intro.findIndex((line) => line.headingLike);
  const line = own.intro[introIndex];
  if (line) return { text: line.text, candidate: null, introIndex };
  // No heading at all: the lead may name the list ("美联社进行“2010年10大新闻”调查", "国际10大新闻如下：").
  const named = own.intro.map((entry) => listTitleFromProse(entry.text)).find((found) => found !== null);
  return named ? { text: named, candidate: null, introIndex: null, fromProse: true } : null;
}

function documentTitleOf(frame: Frame | null): string | null {
  if (!frame) return null;
  return (pickListTitle(frame.candidates, false) ?? frame.candidates[0])?.text ?? null;
}

type DocumentContext = {
  /** The header above the first list when a document holds several lists; shared by all of them. */
  header: Frame | null;
  /** A selector named after the last list presumably speaks for every list in the document. */
  closingPublisher: string | null;
  severalLists: boolean;
};

/** Ranks must run 1..N; a lenient reading keeps what it found, in document order, and says what is wrong. */
function applyRankPolicy(title: string, segment: Segment, policy: RankPolicy, warnings: string[]): boolean {
  try {
    checkRanks(title, segment.items.map((item) => item.heading));
    return true;
  } catch (error) {
    if (policy === "strict" || !(error instanceof ImportError)) throw error;
    warnings.push(`${error.message.replace(/后重新上传。$/, "。")}（可在预览中改正序号，或点“重新编号”。）`);
    return false;
  }
}

function buildRoundup(
  segment: Segment,
  pre: Segment["pre"],
  isFirst: boolean,
  context: DocumentContext,
  warnings: string[],
  policy: RankPolicy,
): ParsedRoundup {
  const own = readFrame(pre);
  const trailer = readFrame(segment.post);
  const header = context.header;
  const chosen = chooseTitle(own, trailer, documentTitleOf(header), context.severalLists);

  const rawTitle = chosen?.text ?? UNTITLED;
  const titleOrdering = dateOrderingPhrase(rawTitle);
  const strippedTitle = stripOrderingNote(rawTitle);
  const restored = restoreMissingCount(strippedTitle, segment.items.length);
  const title = restored?.title ?? strippedTitle;
  const warn: Warn = (message) => warnings.push(`“${title}”${message}`);

  const ranksValid = applyRankPolicy(title, segment, policy, warnings);

  if (!chosen) warn("：没有找到榜单标题，暂以此名称导入，请在导入后补上标题。");
  if (chosen?.fromProse) warn("：标题取自导语中的说法，请核对。");
  const fragments = chosen?.candidate?.fragments ?? [];
  if (fragments.length > 1 || restored) {
    const joined =
      fragments.length > 1 ? `由分散在${fragments.length}行的${fragments.map(quote).join("")}拼合而成` : "";
    const count = restored
      ? `按条目数（${segment.items.length}条）补上了排版中缺失的“${restored.inserted}”`
      : "";
    warn(`的标题${[joined, count].filter(Boolean).join("，并")}，请核对。`);
  }
  for (const candidate of trailer.candidates) {
    if (candidate !== chosen?.candidate) warn(`：末尾的标题行${quote(candidate.text)}未使用。`);
  }

  const headings = [...own.candidates, ...trailer.candidates, ...(header?.candidates ?? [])].map(
    (candidate) => candidate.text,
  );
  const year =
    yearIn(title) ??
    [...headings, ...own.intro.map((line) => line.text), ...(header?.intro ?? []).map((line) => line.text)]
      .map(yearIn)
      .find((found) => found !== null) ??
    null;

  const publisher =
    own.publisher ??
    trailer.publisher ??
    own.namedPublisher ??
    header?.publisher ??
    header?.namedPublisher ??
    context.closingPublisher ??
    own.agency ??
    header?.agency ??
    null;

  const introLines = [...(header?.intro ?? []), ...own.intro.filter((_, index) => index !== chosen?.introIndex)];
  for (const line of introLines) {
    for (const join of line.joins) warn(`导语：${join}在分页处断开，已合并为一段，请核对。`);
  }
  const intro = introLines.map((line) => line.text).join("\n\n") || null;

  let items = segment.items.map((raw) => buildItem(raw, warn));
  if (segment.items.some((raw) => raw.heading.origin === "unnumbered")) {
    warn(`的${items.length}条原文没有编号，是从一句话里按“；”或“、”分开的，已按文中先后编号，请核对。`);
  }
  // Commentary after a titles-only list closes the list; it is not the last item's story.
  const outroLines = trailer.intro.map((line) => line.text);
  const last = items.at(-1);
  if (last && items.length >= 3 && last.paragraphs.length > 0 && items.slice(0, -1).every((item) => item.paragraphs.length === 0)) {
    outroLines.unshift(...last.paragraphs);
    items = [...items.slice(0, -1), { ...last, paragraphs: [] }];
  }
  const outro = outroLines.join("\n\n") || null;
  if (outro) warn(`：列表之后的文字${quote(outro)}作为结语导入，请核对。`);
  const orderingPhrase =
    titleOrdering ?? own.orderingPhrase ?? trailer.orderingPhrase ?? header?.orderingPhrase ?? null;
  if (orderingPhrase) {
    warn(`注明“${orderingPhrase}”：各条不分名次。已保持文档中的顺序，序号只表示先后。`);
    const renumbered = items.some((item, index) => item.rank !== index + 1);
    items = items.map((item, index) => ({ ...item, rank: index + 1 }));
    if (renumbered) warn("的序号与文档中的先后顺序不一致，已按文档顺序重新编号，请核对。");
  } else if (ranksValid && items.some((item, index) => item.rank !== index + 1)) {
    items = [...items].sort((a, b) => a.rank - b.rank);
    warn("的序号没有按从小到大排列，已按序号重新排序，请核对。");
  }

  const withoutBody = items.filter((item) => item.paragraphs.length === 0).map((item) => item.rank);
  if (withoutBody.length === items.length) warn("的条目只有标题、没有正文：导入后可在编辑页补写正文。");
  else if (withoutBody.length > 0) warn(`第${withoutBody.join("、")}条没有正文。`);

  const captions = [...own.captions, ...(isFirst ? (header?.captions ?? []) : []), ...trailer.captions];
  const lead = captions[0] ?? null;
  for (const extra of captions.slice(1)) {
    warn(`：另一张图片的说明${quote(extra.parts.caption ?? extra.parts.credit ?? "")}未导入。`);
  }
  if (lead) {
    const photo = lead.photoTitle ? `图片${quote(lead.photoTitle)}` : "图片";
    const related =
      lead.parts.caption === null
        ? null
        : findItemForCaption(lead.parts.caption, items.map((item) => [item.title, ...item.paragraphs].join("")));
    const relatedItem = related === null ? undefined : items[related];
    const hint = relatedItem
      ? `；从图注看，图片拍的是第${relatedItem.rank}条${quote(relatedItem.title)}的内容，` +
        "如需改作该条的配图，请在导入后调整"
      : "";
    warn(`：位于条目之外的${photo}，其图注和署名已作为整份榜单的导语图片保留${hint}。`);
  }

  return {
    title,
    year,
    publisher,
    intro,
    outro,
    caption: lead?.parts.caption ?? null,
    credit: lead?.parts.credit ?? null,
    ordering: orderingPhrase ? "date" : "rank",
    items,
    unassigned: [],
  };
}

export function buildRoundups(
  segments: readonly Segment[],
  policy: RankPolicy = "strict",
): { roundups: ParsedRoundup[]; warnings: string[] } {
  const warnings: string[] = [];
  const pres = segments.map((segment) => segment.pre);
  let header: Frame | null = null;
  const firstPre = pres[0];
  if (segments.length > 1 && firstPre) {
    const split = lastTitleIndex(firstPre);
    if (split > 0) {
      header = readFrame(firstPre.slice(0, split));
      pres[0] = firstPre.slice(split);
    }
  }
  const closingPublisher = readFrame(segments.at(-1)?.post ?? []).publisher;
  const context: DocumentContext = { header, closingPublisher, severalLists: segments.length > 1 };
  const roundups = segments.map((segment, index) =>
    buildRoundup(segment, pres[index] ?? segment.pre, index === 0, context, warnings, policy),
  );
  // Lists in one document cover the same year even when only one of them says so.
  const documentYear = roundups.find((roundup) => roundup.year !== null)?.year ?? null;
  return { roundups: roundups.map((roundup) => ({ ...roundup, year: roundup.year ?? documentYear })), warnings };
}
