import { Prisma } from "@/generated/prisma/client";

// "Published" is a query rule, applied here and nowhere else. A scheduled story carries its go-live
// time in publishedAt, so it becomes visible by itself when that time passes.
export function publishedStoryWhere(now: Date = new Date()): Prisma.StoryWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

export function publishedRoundupWhere(now: Date = new Date()): Prisma.RoundupWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now } };
}

/** The same rule as publishedStoryWhere for raw SQL over "Story" aliased as s (search). */
export function publishedStorySql(now: Date = new Date()): Prisma.Sql {
  return Prisma.sql`s.status IN ('PUBLISHED', 'SCHEDULED') AND s."publishedAt" <= ${now}`;
}
