import { Prisma } from "@/generated/prisma/client";
import { publishedStorySql } from "@/lib/data/visibility";

// The search query on its own (no database client here), so scripts/bench-search.ts measures
// exactly what readers run.

/** Counts are exact up to this many hits; past it a search says "超过 1000 篇" and lists the first 1000. */
export const SEARCH_COUNT_LIMIT = 1000;

export type SearchRow = {
  // Null on the one row a search with no hit on this page still returns, carrying the counts.
  slug: string | null;
  title: string;
  dek: string;
  body: string;
  publishedAt: Date;
  sectionSlug: string | null;
  sectionName: string | null;
  inTitle: boolean;
  /** Title matches, counted up to SEARCH_COUNT_LIMIT + 1. */
  titleCount: number;
  /** Matches outside the title, counted up to SEARCH_COUNT_LIMIT + 1 − titleCount. */
  bodyCount: number;
};

export type SearchSqlOptions = { skip: number; take: number; titleOnly: boolean; now?: Date };

// LIKE when the word has no letter case (Chinese, digits): ILIKE lower-cases every body it tests.
function contains(column: Prisma.Sql, term: string): Prisma.Sql {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return term.toLowerCase() === term.toUpperCase() ? Prisma.sql`${column} LIKE ${pattern}` : Prisma.sql`${column} ILIKE ${pattern}`;
}

/**
 * The walks' filters, hidden from the planner's estimates. A walk runs only when its pass has more
 * than SEARCH_COUNT_LIMIT hits, but PostgreSQL guesses a LIKE's hits from a 100-row sample and, for a
 * word in 1–3 % of stories (or two words that go together), guesses so few that it would rather read
 * and sort the whole table than walk the date index. An expression it knows nothing about gets its
 * fixed guess for "> 0" (a third of the rows), so the walk always wins.
 */
function walkFilter(condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${condition} THEN 1 ELSE 0 END) > 0`;
}

/**
 * One statement, two passes: title matches (newest first), then the other matches (newest first).
 * Each pass first collects its hits through a GIN index (titles: roundup_title_tokens, everything:
 * the bigram searchVector), confirming every exact word with LIKE, and stops at the count bound.
 * - a pass with at most SEARCH_COUNT_LIMIT hits has them all in hand: they are sorted by date;
 * - a pass with more holds at least 1 % of 100 000 stories, so the page's hits are met soon by
 *   walking Story_publishedAt_id_idx newest first and testing each story: no sort of every match.
 * Sorting tens of thousands of matches for a common word like 吉林 is what this avoids.
 */
export function searchSql(terms: string[], options: SearchSqlOptions): Prisma.Sql {
  const { skip, take, titleOnly, now = new Date() } = options;
  const bound = SEARCH_COUNT_LIMIT + 1;
  const published = publishedStorySql(now);
  const inTitle = Prisma.join(terms.map((term) => contains(Prisma.sql`s.title`, term)), " AND ");
  const elsewhere = Prisma.join(
    terms.map((term) => Prisma.sql`(${contains(Prisma.sql`s.title`, term)} OR ${contains(Prisma.sql`s.dek`, term)} OR ${contains(Prisma.sql`s.body`, term)})`),
    " AND ",
  );
  // Rows of the other pass are needed only for what the title pass leaves of the page.
  const otherTake = Prisma.sql`greatest(0, ${take} - (SELECT count(*) FROM title_page))`;
  const otherSkip = Prisma.sql`greatest(0, ${skip} - (SELECT n FROM title_count))`;
  return Prisma.sql`
    WITH query AS (
      SELECT string_agg(quote_literal(token), ' & ')::tsquery AS tokens FROM unnest(roundup_search_tokens(${terms.join(" ")})) AS token
    ), title_hits AS MATERIALIZED (
      SELECT s.id, s."publishedAt" FROM "Story" s
      WHERE array_to_tsvector(roundup_title_tokens(s.title)) @@ (SELECT tokens FROM query) AND ${published} AND ${inTitle}
      LIMIT ${bound}
    ), title_count AS (
      SELECT count(*)::int AS n FROM title_hits
    ), other_hits AS MATERIALIZED (
      SELECT s.id, s."publishedAt" FROM "Story" s
      WHERE ${titleOnly ? Prisma.sql`false` : Prisma.sql`true`}
        AND s."searchVector" @@ (SELECT tokens FROM query) AND ${published} AND NOT (${inTitle}) AND ${elsewhere}
      LIMIT greatest(0, ${bound} - (SELECT n FROM title_count))
    ), other_count AS (
      SELECT count(*)::int AS n FROM other_hits
    ), title_page AS (
      (SELECT id, "publishedAt" FROM title_hits
       WHERE (SELECT n FROM title_count) < ${bound}
       ORDER BY "publishedAt" DESC, id LIMIT ${take} OFFSET ${skip})
      UNION ALL
      (SELECT s.id, s."publishedAt" FROM "Story" s
       WHERE (SELECT n FROM title_count) = ${bound} AND ${published} AND ${walkFilter(inTitle)}
       ORDER BY s."publishedAt" DESC, s.id LIMIT ${take} OFFSET ${skip})
    ), other_page AS (
      (SELECT id, "publishedAt" FROM other_hits
       WHERE (SELECT n FROM other_count) < ${bound} - (SELECT n FROM title_count)
       ORDER BY "publishedAt" DESC, id LIMIT ${otherTake} OFFSET ${otherSkip})
      UNION ALL
      (SELECT s.id, s."publishedAt" FROM "Story" s
       WHERE (SELECT n FROM other_count) > 0 AND (SELECT n FROM other_count) = ${bound} - (SELECT n FROM title_count)
         AND ${published} AND ${walkFilter(Prisma.sql`NOT (${inTitle}) AND ${elsewhere}`)}
       ORDER BY s."publishedAt" DESC, s.id LIMIT ${otherTake} OFFSET ${otherSkip})
    ), hits AS (
      SELECT id, "publishedAt", true AS "inTitle" FROM title_page
      UNION ALL
      SELECT id, "publishedAt", false AS "inTitle" FROM other_page
    )
    SELECT s.slug, s.title, s.dek, s.body, hits."publishedAt", sec.slug AS "sectionSlug", sec.name AS "sectionName",
           coalesce(hits."inTitle", false) AS "inTitle", counts."titleCount", counts."bodyCount"
    FROM (SELECT (SELECT n FROM title_count) AS "titleCount", (SELECT n FROM other_count) AS "bodyCount") AS counts
    LEFT JOIN hits ON true
    LEFT JOIN "Story" s ON s.id = hits.id
    LEFT JOIN "Section" sec ON sec.id = s."sectionId"
    ORDER BY hits."inTitle" DESC, hits."publishedAt" DESC, hits.id`;
}
