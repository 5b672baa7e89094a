import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { PAGE_SIZE, pageWindow, type Page } from "@/lib/data/public-shared";
import { publishedStorySql } from "@/lib/data/visibility";
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

type Row = {
  slug: string;
  title: string;
  dek: string;
  body: string;
  publishedAt: Date;
  sectionSlug: string | null;
  sectionName: string | null;
  inTitle: boolean;
  total: bigint;
};

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Published stories containing every term, title matches first, then newest first. The bigram
 * index (migration story_search_bigrams) narrows the rows, ILIKE confirms the exact words, since
 * matching bigrams alone could come from different places in the text.
 */
export async function searchStories(terms: string[], page: number): Promise<Page<SearchHit>> {
  if (terms.length === 0) return { items: [], page: 1, pageCount: 1, total: 0 };
  const requested = pageWindow(page, Number.MAX_SAFE_INTEGER);
  const patterns = terms.map(likePattern);
  const contains = Prisma.join(
    patterns.map((p) => Prisma.sql`(s.title ILIKE ${p} OR s.dek ILIKE ${p} OR s.body ILIKE ${p})`),
    " AND ",
  );
  const inTitle = Prisma.join(patterns.map((p) => Prisma.sql`s.title ILIKE ${p}`), " AND ");
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT s.slug, s.title, s.dek, s.body, s."publishedAt", sec.slug AS "sectionSlug", sec.name AS "sectionName",
           (${inTitle}) AS "inTitle", count(*) OVER () AS total
    FROM "Story" s
    LEFT JOIN "Section" sec ON sec.id = s."sectionId"
    WHERE s."searchVector" @@ (SELECT string_agg(quote_literal(t), ' & ')::tsquery FROM unnest(roundup_search_tokens(${terms.join(" ")})) AS t)
      AND ${publishedStorySql()}
      AND ${contains}
    ORDER BY "inTitle" DESC, s."publishedAt" DESC, s.id
    LIMIT ${PAGE_SIZE} OFFSET ${requested.skip}`);
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
