// The dek (summary line) of an imported story: the first sentence of its body, or, when that
// sentence is long, its first DEK_MAX_CHARS characters with an ellipsis. Characters are counted as
// user-perceived characters (grapheme clusters), so a cut never splits a surrogate pair, an emoji
// sequence or a character and its combining mark.

export const DEK_MAX_CHARS = 120;

// A sentence ends at 。！？ (or ! ? ; a full stop only when a space or the end follows, so 6.3% and
// 837.3亿斤 don't end one), with any closing quotes or brackets that follow it.
const SENTENCE_END = /(?:[。！？!?]+|\.(?=\s|$))[”’」』）)"']*/u;

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "grapheme" });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** The first sentence of the first non-empty paragraph, at most DEK_MAX_CHARS characters (then "…"). */
export function dekFromParagraphs(paragraphs: readonly string[]): string {
  const first = paragraphs.map((paragraph) => paragraph.replace(/\s+/g, " ").trim()).find((paragraph) => paragraph !== "");
  if (!first) return "";
  const end = SENTENCE_END.exec(first);
  const sentence = end ? first.slice(0, end.index + end[0].length) : first;
  const chars = graphemes(sentence);
  if (chars.length <= DEK_MAX_CHARS) return sentence;
  return `${chars.slice(0, DEK_MAX_CHARS).join("").trimEnd()}…`;
}
