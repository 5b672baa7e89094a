import "server-only";
import { db } from "@/lib/db";
import { PAGE_SIZE, pageWindow, type Page } from "@/lib/data/public-shared";
import { SEARCH_COUNT_LIMIT, searchSql, type SearchRow } from "@/lib/data/search-sql";
import { markdownToPlainText } from "@/lib/markdown";
import { buildSnippet, markMatches, type SnippetPart } from "@/lib/search-snippet";
import { isTitleOnlySearch } from "@/lib/validation/search";

export type SearchHit = {
  slug: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
  publishedAt: string;
  section: { slug: string; name: string } | null;
  inTitle: boolean;
};

/**
 * total is exact up to SEARCH_COUNT_LIMIT; past it, total is the limit, moreThanLimit is set and
 * only the first SEARCH_COUNT_LIMIT hits can be paged to. titleOnly: a single-character word is
 * looked up in titles only (lib/validation/search.ts says why).
 */
export type SearchResults = Page<SearchHit> & { moreThanLimit: boolean; titleOnly: boolean };

export const NO_SEARCH_RESULTS: SearchResults = { items: [], page: 1, pageCount: 1, total: 0, moreThanLimit: false, titleOnly: false };

/** Published stories containing every term, title matches first, then newest first. Public: no actor needed. */
export async function searchStories(terms: string[], page: number): Promise<SearchResults> {
  if (terms.length === 0) return NO_SEARCH_RESULTS;
  const titleOnly = isTitleOnlySearch(terms);
  const requested = pageWindow(page, SEARCH_COUNT_LIMIT);
  const found = requested.page <= requested.pageCount;
  // A page past the listed hits still needs the counts, so it asks for zero rows.
  const rows = await db.$queryRaw<SearchRow[]>(searchSql(terms, { skip: found ? requested.skip : 0, take: found ? PAGE_SIZE : 0, titleOnly }));
  const counted = (rows[0]?.titleCount ?? 0) + (rows[0]?.bodyCount ?? 0);
  const moreThanLimit = counted > SEARCH_COUNT_LIMIT;
  const total = Math.min(counted, SEARCH_COUNT_LIMIT);
  const window = pageWindow(page, total);
  return {
    items: rows.flatMap((row) =>
      row.slug === null
        ? []
        : [
            {
              slug: row.slug,
              title: markMatches(row.title, terms),
              snippet: buildSnippet(markdownToPlainText(`${row.dek} ${row.body}`), terms),
              publishedAt: row.publishedAt.toISOString(),
              section: row.sectionSlug && row.sectionName ? { slug: row.sectionSlug, name: row.sectionName } : null,
              inTitle: row.inTitle,
            },
          ],
    ),
    page: window.page,
    pageCount: window.pageCount,
    total,
    moreThanLimit,
    titleOnly,
  };
}
