import { z } from "zod";

export const SEARCH_MAX_LENGTH = 100;

// A search word must contain something the index knows: Chinese characters, letters or digits.
const SEARCHABLE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]/;

const LONE_CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;

// Control characters (NUL above all: PostgreSQL text cannot hold it) and halves of broken
// surrogate pairs (garbled input) count as spaces.
const UNSEARCHABLE = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/gu;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .transform((value) => value.normalize("NFKC").replace(UNSEARCHABLE, " ").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "请输入要搜索的词，例如“粮食”。")
        .max(SEARCH_MAX_LENGTH, `搜索词太长：最多 ${SEARCH_MAX_LENGTH} 个字，请缩短后再试。`)
        .regex(SEARCHABLE, "搜索词需要包含汉字、字母或数字。"),
    ),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The words of a query: each must appear in a result (title, summary or body). */
export function searchTerms(q: string): string[] {
  return [...new Set(q.split(" ").filter((term) => SEARCHABLE.test(term)))].slice(0, 8);
}

/**
 * A query with a single Chinese character (冰) is looked up in titles only, where a character stands
 * for a topic; titles have a single-character index (migration search_walk_and_title_index). In
 * bodies a character is mostly part of other words (的 is in 69 % of the benchmark's bodies, 冰 in
 * 冰箱 and 溜冰 alike) and bodies are indexed by character pairs only: without a further index, a rare
 * character would be looked for by reading every body (0.7 s at 100 000 stories, README).
 */
export function isTitleOnlySearch(terms: string[]): boolean {
  return terms.some((term) => LONE_CJK.test(term));
}

export const TITLE_ONLY_NOTE = "单个汉字只在标题中查找；要查找正文，请输入至少两个字的词，例如“冰雪”。";
