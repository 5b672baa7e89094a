import { Prisma } from "@/generated/prisma/client";
import type { StoryStatus } from "@/generated/prisma/enums";

// "Published" is a query rule, applied here and nowhere else. A scheduled story carries its go-live
// time in publishedAt, so it becomes visible by itself when that time passes.
export function publishedStoryWhere(now: Date = new Date()): Prisma.StoryWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

/**
 * Staff filters by the status people see (lib/editor/workflow.ts effectiveStatus): 已发布 includes
 * scheduled stories whose time has passed, 定时发布 only those still waiting.
 */
export function storyStatusWhere(status: StoryStatus, now: Date = new Date()): Prisma.StoryWhereInput {
  if (status === "PUBLISHED") return { OR: [{ status: "PUBLISHED" }, { status: "SCHEDULED", publishedAt: { lte: now } }] };
  if (status === "SCHEDULED") return { status: "SCHEDULED", OR: [{ publishedAt: { gt: now } }, { publishedAt: null }] };
  return { status };
}

export function publishedRoundupWhere(now: Date = new Date()): Prisma.RoundupWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now } };
}

/** The same rule as publishedStoryWhere for raw SQL over "Story" aliased as s (search). */
export function publishedStorySql(now: Date = new Date()): Prisma.Sql {
  return Prisma.sql`s.status IN ('PUBLISHED', 'SCHEDULED') AND s."publishedAt" <= ${now}`;
}

/** storyStatusWhere for raw SQL over "Story" aliased as s (the editor dashboard's single query). */
export function storyStatusSql(status: StoryStatus, now: Date = new Date()): Prisma.Sql {
  if (status === "PUBLISHED") return Prisma.sql`(s.status = 'PUBLISHED' OR (s.status = 'SCHEDULED' AND s."publishedAt" <= ${now}))`;
  if (status === "SCHEDULED") return Prisma.sql`(s.status = 'SCHEDULED' AND (s."publishedAt" > ${now} OR s."publishedAt" IS NULL))`;
  return Prisma.sql`s.status = ${status}::"StoryStatus"`;
}
