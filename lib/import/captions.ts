// Photo captions end with the photographer's or agency's credit ("…… 本报记者 邹乃硕 张野 摄",
// "……（新华社记者 王某 摄）", "……（图/路透）", "……新华社发", "…… 受访者供图", "... (AP Photo/Jane Doe)"),
// or are marked as captions by an arrow pointing at the photo ("▲……" under it, "▼……" above it).
// They belong to a photo, not to the story text, so they are lifted out of the body paragraphs.

import { foldForMatch } from "./normalize";

export type CaptionParts = {
  caption: string | null;
  /** Null for a caption line marked only by an arrow. */
  credit: string | null;
  /** Which photo an arrow points at: "below" (▼) sits above its photo, so it belongs to what follows. */
  points: "above" | "below" | null;
};

const MAX_CREDIT_LENGTH = 40;
// Words that open a credit: the agency or paper, or the photographer's job title.
const CREDIT_OPENER = /^(?:本报|新华社|中新社|中央社|人民日报|人民网|特约|通讯员|实习生|记者|摄影|[\p{Script=Han}]{0,8}(?:记者|通讯员|摄影师?))/u;
// Bracketed credits, matched on the folded line: "(新华社记者 王某 摄)", "(图/路透)", "(受访者供图)",
// "(新华社发)", "(AP Photo/Jane Doe)".
const PARENTHESISED_CREDIT =
  /\(\s*([^()]{1,40}摄|图\s*[/:：]\s*[^()]{1,30}|[^()]{1,30}供图|[^()]{0,30}社发(?:\s*[^()]{0,20})?|(?:[A-Za-z]{2,12}\s+)?Photos?\s*\/\s*[^()]{1,60})\s*\)$/i;
// Unbracketed credits at the end of a line: "……。新华社发", "……。 受访者供图".
const TRAILING_CREDIT = /(?:^|[。！？!?.\s])((?:[\p{Script=Han}]{1,8}社|本报)发(?:\s*[\p{Script=Han}·]{2,8}\s*摄)?|[\p{Script=Han}A-Za-z·]{1,15}供图)$/u;
const ARROW = /^[▲▼△▽]\s*/;
const SENTENCE_END = /[。！？!?]/g;

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The credit at the start of `tokens` (split on whitespace), if the line's tail is one. */
function creditStart(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? "";
    const rest = tokens.slice(i).join(" ");
    if (rest.length <= MAX_CREDIT_LENGTH && CREDIT_OPENER.test(foldForMatch(token))) return i;
  }
  const last = foldForMatch(tokens.at(-1) ?? "");
  // No job title: "王某 摄" or "王某摄" still names a photographer when it stands apart from the text.
  if (last === "摄" && tokens.length >= 2) return tokens.length - 2;
  if (/^[\p{Script=Han}]{2,4}摄$/u.test(last) && tokens.length >= 2) return tokens.length - 1;
  return null;
}

function splitTail(text: string): { caption: string | null; credit: string } | null {
  const tokens = text.split(/\s+/).filter((token) => token !== "");
  const start = creditStart(tokens);
  if (start === null) return null;
  const caption = tidy(tokens.slice(0, start).join(" "));
  return { caption: caption || null, credit: tidy(tokens.slice(start).join(" ")) };
}

/** A caption and its credit when the line ends with one; null when it has no credit. */
function splitCredit(text: string): { caption: string | null; credit: string } | null {
  const folded = foldForMatch(text);

  const parenthesised = PARENTHESISED_CREDIT.exec(folded);
  if (parenthesised?.[1]) {
    const start = parenthesised.index + parenthesised[0].indexOf(parenthesised[1]);
    const caption = tidy(text.slice(0, parenthesised.index));
    return { caption: caption || null, credit: tidy(text.slice(start, start + parenthesised[1].length)) };
  }

  const trailing = TRAILING_CREDIT.exec(folded);
  if (trailing?.[1]) {
    const start = folded.length - trailing[1].length;
    const caption = tidy(text.slice(0, start));
    return { caption: caption || null, credit: tidy(text.slice(start)) };
  }

  // "拍摄" ends sentences about filming; a credit's 摄 follows a name.
  if (!folded.endsWith("摄") || folded.endsWith("拍摄")) return null;

  const lastSentenceEnd = Math.max(-1, ...Array.from(text.matchAll(SENTENCE_END), (m) => m.index));
  const head = text.slice(0, lastSentenceEnd + 1);
  const tail = splitTail(text.slice(lastSentenceEnd + 1));
  if (tail === null) return null;
  const caption = tidy(`${head}${tail.caption ?? ""}`);
  return { caption: caption || null, credit: tail.credit };
}

/** Splits a photo caption into its text and its credit; null when the paragraph is not a caption. */
export function splitCaption(paragraph: string): CaptionParts | null {
  const text = paragraph.trim();
  const arrow = ARROW.exec(text);
  if (arrow) {
    const points = /[▼▽]/.test(arrow[0]) ? "below" : "above";
    const rest = text.slice(arrow[0].length);
    const parts = splitCredit(rest);
    return parts ? { ...parts, points } : { caption: tidy(rest) || null, credit: null, points };
  }
  const parts = splitCredit(text);
  return parts ? { ...parts, points: null } : null;
}

function bigrams(text: string): Set<string> {
  const letters = Array.from(text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, ""));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i += 1) pairs.add(`${letters[i]}${letters[i + 1]}`);
  return pairs;
}

/**
 * The index of the item whose text the caption retells, if one clearly does: a lead photo placed above
 * the list often shows one item's event. Judged by how many of the caption's character pairs occur in
 * the item, which tolerates the caption shortening or rewording the item's sentence.
 */
export function findItemForCaption(caption: string, itemTexts: readonly string[]): number | null {
  const wanted = bigrams(caption);
  if (wanted.size < 8) return null;
  const scores = itemTexts.map((text) => {
    const present = bigrams(text);
    let shared = 0;
    for (const pair of wanted) if (present.has(pair)) shared += 1;
    return shared / wanted.size;
  });
  const ranked = scores.map((score, index) => ({ score, index })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const runnerUp = ranked[1]?.score ?? 0;
  return best && best.score >= 0.6 && best.score - runnerUp >= 0.2 ? best.index : null;
}
