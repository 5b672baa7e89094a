import "server-only";
import { db } from "@/lib/db";
import { PAGE_SIZE, pageWindow, type Page } from "@/lib/data/public-shared";
import { searchSql, type SearchRow } from "@/lib/data/search-sql";
import { markdownToPlainText } from "@/lib/markdown";
import { buildSnippet, markMatches, type SnippetPart } from "@/lib/search-snippet";

export type SearchHit = {
  slug: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
  publishedAt: string;
  section: { slug: string; name: string } | null;
  inTitle: boolean;
};

/** Published stories containing every term, title matches first, then newest first. */
export async function searchStories(terms: string[], page: number): Promise<Page<SearchHit>> {
  if (terms.length === 0) return { items: [], page: 1, pageCount: 1, total: 0 };
  const requested = pageWindow(page, Number.MAX_SAFE_INTEGER);
  const rows = await db.$queryRaw<SearchRow[]>(searchSql(terms, requested.skip, PAGE_SIZE));
  const total = Number(rows[0]?.total ?? 0);
  const window = pageWindow(page, total);
  return {
    items: rows.map((row) => ({
      slug: row.slug,
      title: markMatches(row.title, terms),
      snippet: buildSnippet(markdownToPlainText(`${row.dek} ${row.body}`), terms),
      publishedAt: row.publishedAt.toISOString(),
      section: row.sectionSlug && row.sectionName ? { slug: row.sectionSlug, name: row.sectionName } : null,
      inTitle: row.inTitle,
    })),
    page: window.page,
    pageCount: window.pageCount,
    total,
  };
}
