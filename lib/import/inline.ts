// Lists that are not laid out one item per line: items run on inside a paragraph ("其余名列十大的新闻
// 依序是：2.……；3.……"), two items share a line ("3、……。4、……。"), or a sentence lists them without
// numbers ("十大新闻依次是：甲；乙；丙。"). Each is rewritten as separate numbered lines, so the rest of
// the parser reads them like any block list.

import { matchesListTitle } from "./meta";
import { foldForMatch, parseRankNumber, toChineseNumeral } from "./normalize";

/** Extra facts about a line the rewriting produced, turned into warnings when the items are built. */
export type LineOrigin = "inline" | "lead" | "unnumbered";

export type ExpandedLine = { text: string; origin: LineOrigin | null };

type Marker = { index: number; end: number; rank: number; kind: string; separator: string };

// A number before the separator, not part of a figure ("3.7万") nor of a date ("12、13日").
const MARKER =
  /(?<![\d.])(\d{1,2})\s*([.、)])(?![\d.])|(?<![\p{Script=Han}])([一二三四五六七八九十]{1,3})\s*(、)|\((\d{1,2}|[一二三四五六七八九十]{1,3})\)()|([\u2460-\u2473])()/gu;
// What may stand right before an item that is not the first on its line.
const BETWEEN_ITEMS = /[;；。.!！?？,，\s]$/;
const LIST_COLON = /[:：]\s*$/;

function markersIn(folded: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of folded.matchAll(MARKER)) {
    const [whole, arabic, arabicSep, chinese, chineseSep, paren, , circled] = match;
    let rank: number | null = null;
    let kind = "";
    let separator = "";
    if (arabic) {
      rank = parseRankNumber(arabic);
      kind = `arabic${arabicSep}`;
      separator = arabicSep ?? ".";
    } else if (chinese) {
      rank = parseRankNumber(chinese);
      kind = "chinese";
      separator = chineseSep ?? "、";
    } else if (paren) {
      rank = parseRankNumber(paren);
      kind = "paren";
    } else if (circled) {
      rank = circled.charCodeAt(0) - 0x2460 + 1;
      kind = "circled";
    }
    if (rank !== null) markers.push({ index: match.index, end: match.index + whole.length, rank, kind, separator });
  }
  return markers;
}

/** The longest run of markers of one kind numbered N, N+1, N+2…, each standing where an item may start. */
function longestRun(folded: string, markers: readonly Marker[]): Marker[] {
  let best: Marker[] = [];
  for (let start = 0; start < markers.length; start += 1) {
    const first = markers[start];
    if (!first) continue;
    const run = [first];
    for (const next of markers.slice(start + 1)) {
      const last = run.at(-1);
      if (!last || next.kind !== first.kind || next.rank !== last.rank + 1) continue;
      // A bracketed or circled number marks itself off; "2." needs punctuation or a space before it.
      const selfDelimited = next.kind === "paren" || next.kind === "circled";
      if (!selfDelimited && !BETWEEN_ITEMS.test(folded.slice(0, next.index))) continue;
      run.push(next);
    }
    if (run.length > best.length) best = run;
  }
  return best;
}

/** An item's text between two markers, without the separator that led to the next one. */
function itemText(text: string): string {
  const trimmed = text.trim().replace(/[;；,，、\s]+$/, "");
  // A single sentence is a title; its full stop goes. Several sentences keep theirs (title and body).
  const stops = trimmed.match(/[。！？]/g)?.length ?? 0;
  return stops === 1 && /[。]$/.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
}

function numberedLine(marker: Pick<Marker, "kind" | "separator">, rank: number, text: string): string {
  if (marker.kind === "paren") return `（${rank}）${text}`;
  if (marker.kind === "circled") return `${String.fromCharCode(0x2460 + rank - 1)}${text}`;
  if (marker.kind === "chinese") return `${toChineseNumeral(rank)}、${text}`;
  return `${rank}${marker.separator === ")" ? ")" : marker.separator} ${text}`;
}

// "台湾高铁通车获选为十大新闻榜首": the verb that says an item came first.
const FIRST_PLACE = /(?:榜首|之首|居首|排名第一|名列第一|位列第一|第一名|第1名)/;
const FIRST_PLACE_VERB = /(?:获选为|获选|被选为|被评为|当选为|当选|名列|位列|荣登|高居|位居|列为|成为|排名|夺得|摘得|居)/;

/** The item ranked first, when a lead names it instead of the list ("……获选为十大新闻榜首"). */
export function rankOneFromLead(lead: string): string | null {
  const folded = foldForMatch(lead);
  const found = FIRST_PLACE.exec(folded);
  if (!found) return null;
  const clauseStart = Math.max(0, ...[...folded.slice(0, found.index).matchAll(/[,，。；;:：！？!?]/g)].map((m) => m.index + 1));
  const clause = folded.slice(clauseStart, found.index);
  const verb = FIRST_PLACE_VERB.exec(clause);
  if (!verb) return null;
  const title = lead
    .slice(clauseStart, clauseStart + verb.index)
    .trim()
    .replace(/^[“「『"]|[”」』"]$/g, "")
    .trim();
  return title.length >= 2 && title.length <= 60 ? title : null;
}

/**
 * Splits a line holding several numbered items. `allowProseLead` lets a prose line end its sentence
 * with "……依序是：" before the items; without it only a line that starts with its first item is split,
 * so numbered sub-points inside an item's text stay where they are.
 */
export function splitNumberedRun(line: string, allowProseLead: boolean, earlierText: readonly string[]): ExpandedLine[] | null {
  const folded = foldForMatch(line);
  const run = longestRun(folded, markersIn(folded));
  const first = run[0];
  if (!first || run.length < 2) return null;
  const atStart = first.index === 0;
  if (!atStart && !(allowProseLead && LIST_COLON.test(folded.slice(0, first.index)))) return null;

  const out: ExpandedLine[] = [];
  const lead = line.slice(0, first.index).trim();
  if (lead) out.push({ text: lead, origin: null });
  if (!atStart && first.rank === 2) {
    const named = [lead, ...[...earlierText].reverse()].map(rankOneFromLead).find((title) => title !== null);
    if (named) out.push({ text: numberedLine(first, 1, named), origin: "lead" });
  }
  run.forEach((marker, index) => {
    const next = run[index + 1];
    // The item keeps its own number as written, so it reads in the same style as the document's others.
    const text = itemText(line.slice(marker.end, next ? next.index : line.length));
    out.push({ text: `${line.slice(marker.index, marker.end).trim()}${text}`, origin: "inline" });
  });
  return out;
}

const UNNUMBERED_LEAD = /(?:是|为|如下|依次|依序|分别|包括|有)\s*[:：]\s*$|[:：]\s*$/;
const LIST_WORDS = /新闻|事件|大事|入选|当选|评选|榜|如下|依次|依序|stories|events/i;

/** "今年的十大新闻依次是：甲；乙；丙。" → a lead line and one unnumbered item per part, in order. */
export function splitUnnumberedList(line: string): ExpandedLine[] | null {
  const folded = foldForMatch(line);
  const colon = folded.search(/[:：](?=[^:：]*$)/);
  if (colon < 0) return null;
  const lead = line.slice(0, colon + 1).trim();
  if (!UNNUMBERED_LEAD.test(foldForMatch(lead)) || !(matchesListTitle(lead) || LIST_WORDS.test(foldForMatch(lead)))) return null;
  const rest = line.slice(colon + 1).trim().replace(/[。.!！]$/, "");
  const bySemicolon = rest.split(/[；;]/);
  const parts = (bySemicolon.length >= 3 ? bySemicolon : rest.split("、")).map((part) => part.trim());
  if (parts.length < 3 || parts.some((part) => part === "" || part.length > 80)) return null;
  return [
    { text: lead, origin: null },
    ...parts.map((part, index) => ({ text: `${index + 1}、${part}`, origin: "unnumbered" as const })),
  ];
}
