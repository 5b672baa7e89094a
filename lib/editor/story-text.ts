import { markdownToPlainText } from "@/lib/markdown";

// Chinese is written without spaces, so splitting on whitespace would count a whole paragraph as one
// word. Each Han character (and kana/hangul syllable) counts as one word, as Chinese newsrooms count
// 字数; runs of Latin letters or digits ("GDP", "837.3") count as one word each.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

/** Readers of Chinese take in about 400 characters a minute; English readers about 200 words. */
const CJK_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 200;

export type TextStats = { words: number; cjk: number; latinWords: number; readingMinutes: number };

export function textStats(markdown: string): TextStats {
  const plain = markdownToPlainText(markdown);
  const cjk = plain.match(CJK)?.length ?? 0;
  const latinWords = plain.replace(CJK, " ").match(LATIN_WORD)?.length ?? 0;
  const minutes = cjk / CJK_PER_MINUTE + latinWords / WORDS_PER_MINUTE;
  return { words: cjk + latinWords, cjk, latinWords, readingMinutes: cjk + latinWords === 0 ? 0 : Math.max(1, Math.ceil(minutes)) };
}
