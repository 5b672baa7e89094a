import { Prisma } from "@/generated/prisma/client";
import { publishedStorySql } from "@/lib/data/visibility";

// The search query on its own (no database client here), so scripts/bench-search.ts measures
// exactly what readers run.

export type SearchRow = {
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
 * The bigram index (migration story_search_bigrams) narrows the rows to those holding every bigram
 * of the query; ILIKE then confirms each exact word, since matching bigrams alone could come from
 * different places in the text. Title matches sort first, then the newest.
 */
export function searchSql(terms: string[], skip: number, take: number, now: Date = new Date()): Prisma.Sql {
  const patterns = terms.map(likePattern);
  const contains = Prisma.join(
    patterns.map((p) => Prisma.sql`(s.title ILIKE ${p} OR s.dek ILIKE ${p} OR s.body ILIKE ${p})`),
    " AND ",
  );
  const inTitle = Prisma.join(
    patterns.map((p) => Prisma.sql`s.title ILIKE ${p}`),
    " AND ",
  );
  // The matches are collected narrow (id, order keys) so counting and sorting thousands of them
  // never carries their bodies; only the page of results is joined back to full rows.
  return Prisma.sql`
    WITH matches AS (
      SELECT s.id, s."publishedAt", (${inTitle}) AS "inTitle"
      FROM "Story" s
      WHERE s."searchVector" @@ (SELECT string_agg(quote_literal(t), ' & ')::tsquery FROM unnest(roundup_search_tokens(${terms.join(" ")})) AS t)
        AND ${publishedStorySql(now)}
        AND ${contains}
    ), page AS (
      SELECT * FROM matches ORDER BY "inTitle" DESC, "publishedAt" DESC, id LIMIT ${take} OFFSET ${skip}
    )
    SELECT s.slug, s.title, s.dek, s.body, s."publishedAt", sec.slug AS "sectionSlug", sec.name AS "sectionName",
           page."inTitle", (SELECT count(*) FROM matches) AS total
    FROM page
    JOIN "Story" s ON s.id = page.id
    LEFT JOIN "Section" sec ON sec.id = s."sectionId"
    ORDER BY page."inTitle" DESC, page."publishedAt" DESC, page.id`;
}
