import { z } from "zod";

export const SEARCH_MAX_LENGTH = 100;

// A search word must contain something the index knows: Chinese characters, letters or digits.
const SEARCHABLE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]/;

const LONE_CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;

export const searchQuerySchema = z.object({
  q: z
    .string()
    .transform((value) => value.normalize("NFKC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "请输入要搜索的词，例如“粮食”。")
        .max(SEARCH_MAX_LENGTH, `搜索词太长：最多 ${SEARCH_MAX_LENGTH} 个字，请缩短后再试。`)
        .regex(SEARCHABLE, "搜索词需要包含汉字、字母或数字。")
        // The index knows Chinese text by pairs of characters, so a lone character cannot be looked up.
        .refine((q) => !q.split(" ").some((term) => LONE_CJK.test(term)), "单个汉字无法搜索：请输入至少两个字的词，例如“粮食”。"),
    ),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The words of a query: each must appear in a result (title, summary or body). */
export function searchTerms(q: string): string[] {
  return [...new Set(q.split(" ").filter((term) => SEARCHABLE.test(term)))].slice(0, 8);
}
