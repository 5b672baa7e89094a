// Photo captions end with the photographer's credit ("…… 本报记者 邹乃硕 张野 摄", "……（新华社记者 王某 摄）").
// They belong to a photo, not to the story text, so they are lifted out of the body paragraphs.

export type CaptionParts = { caption: string | null; credit: string };

const MAX_CREDIT_LENGTH = 40;
// Words that open a credit: the agency or paper, or the photographer's job title.
const CREDIT_OPENER = /^(?:本报|新华社|中新社|人民日报|人民网|特约|通讯员|实习生|记者|摄影|[\p{Script=Han}]{0,8}(?:记者|通讯员|摄影师?))/u;
const PARENTHESISED_CREDIT = /[（(]([^（）()]{1,40}摄)\s*[）)]$/;
const SENTENCE_END = /[。！？!?]/g;

function tidy(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The credit at the start of `tokens` (split on whitespace), if the line's tail is one. */
function creditStart(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? "";
    const rest = tokens.slice(i).join(" ");
    if (rest.length <= MAX_CREDIT_LENGTH && CREDIT_OPENER.test(token)) return i;
  }
  const last = tokens.at(-1) ?? "";
  // No job title: "王某 摄" or "王某摄" still names a photographer when it stands apart from the text.
  if (last === "摄" && tokens.length >= 2) return tokens.length - 2;
  if (/^[\p{Script=Han}]{2,4}摄$/u.test(last) && tokens.length >= 2) return tokens.length - 1;
  return null;
}

function splitTail(text: string): CaptionParts | null {
  const tokens = text.split(/\s+/).filter((token) => token !== "");
  const start = creditStart(tokens);
  if (start === null) return null;
  const caption = tidy(tokens.slice(0, start).join(" "));
  return { caption: caption || null, credit: tidy(tokens.slice(start).join(" ")) };
}

/** Splits a photo caption into its text and its credit; null when the paragraph is not a caption. */
export function splitCaption(paragraph: string): CaptionParts | null {
  const text = paragraph.trim();

  const parenthesised = PARENTHESISED_CREDIT.exec(text);
  if (parenthesised?.[1]) {
    const caption = tidy(text.slice(0, parenthesised.index));
    return { caption: caption || null, credit: tidy(parenthesised[1]) };
  }

  // "拍摄" ends sentences about filming; a credit's 摄 follows a name.
  if (!text.endsWith("摄") || text.endsWith("拍摄")) return null;

  const lastSentenceEnd = Math.max(-1, ...Array.from(text.matchAll(SENTENCE_END), (m) => m.index));
  const head = text.slice(0, lastSentenceEnd + 1);
  const tail = splitTail(text.slice(lastSentenceEnd + 1));
  if (tail === null) return null;
  const caption = tidy(`${head}${tail.caption ?? ""}`);
  return { caption: caption || null, credit: tail.credit };
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
