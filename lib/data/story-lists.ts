import "server-only";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import { Prisma } from "@/generated/prisma/client";
import type { StoryStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { storyReadAuthor, storyReadScope } from "@/lib/data/newsroom-settings";
import { storyStatusWhere } from "@/lib/data/visibility";
import { decodeCursor, encodeCursor } from "@/lib/editor/cursor";
import { effectiveStatus } from "@/lib/editor/workflow";

// The staff story list and dashboard. Pages use keyset pagination over (updatedAt, id), which the
// Story_updatedAt_id / Story_status_updatedAt_id indexes serve, so page 500 costs what page 1 costs.

export type StoryRow = {
  id: string;
  title: string;
  slug: string;
  status: StoryStatus;
  updatedAt: Date;
  publishedAt: Date | null;
  authorName: string;
  sectionName: string | null;
};

export type StoryFilters = { status?: StoryStatus; sectionId?: string; authorId?: string; q?: string; after?: string };

export const rowSelect = {
  id: true,
  title: true,
  slug: true,
  status: true,
  updatedAt: true,
  publishedAt: true,
  author: { select: { name: true } },
  section: { select: { name: true } },
} as const;

export type RawRow = Prisma.StoryGetPayload<{ select: typeof rowSelect }>;

/** A row as staff see it: the status it has at `now` (a scheduled story past its time reads 已发布). */
export function toRow(row: RawRow, now: Date): StoryRow {
  const { author, section, ...rest } = row;
  return { ...rest, status: effectiveStatus(row.status, row.publishedAt, now), authorName: author.name, sectionName: section?.name ?? null };
}

export async function listStories(
  actor: Actor | null,
  filters: StoryFilters,
  options: { pageSize?: number; now?: Date } = {},
): Promise<{ rows: StoryRow[]; next: string | null }> {
  const staff = requireStaff(actor);
  const { pageSize = 30, now = new Date() } = options;
  const cursor = decodeCursor(filters.after);
  const scope = await storyReadScope(staff);
  const where: Prisma.StoryWhereInput = {
    AND: [scope, ...(filters.status ? [storyStatusWhere(filters.status, now)] : [])],
    ...(filters.sectionId ? { sectionId: filters.sectionId } : {}),
    ...(filters.authorId ? { authorId: filters.authorId } : {}),
    ...(filters.q ? { title: { contains: filters.q, mode: "insensitive" } } : {}),
    // "(updatedAt, id) after the cursor", written so the first condition bounds the index range
    // (a bare OR would make PostgreSQL walk the index from the top and filter).
    ...(cursor
      ? { updatedAt: { lte: cursor.updatedAt }, OR: [{ updatedAt: { lt: cursor.updatedAt } }, { id: { lt: cursor.id } }] }
      : {}),
  };
  const found = await db.story.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: pageSize + 1, select: rowSelect });
  const rows = found.slice(0, pageSize).map((row) => toRow(row, now));
  const last = rows[rows.length - 1];
  return { rows, next: found.length > pageSize && last ? encodeCursor(last) : null };
}

export async function listAuthors(actor: Actor | null): Promise<{ id: string; name: string }[]> {
  const staff = requireStaff(actor);
  // Only the authors of stories this person may list: with "own stories only" a journalist's filter
  // would otherwise name colleagues whose stories it can never show.
  const scope = await storyReadScope(staff);
  return db.user.findMany({ where: { stories: { some: scope } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Own drafts, own submissions waiting for review (journalists; editors see every one in the inbox), recent publications. */
export type Dashboard = { drafts: StoryRow[]; inReview: StoryRow[] | null; published: StoryRow[] };

type DashboardRow = Omit<StoryRow, "status"> & { list: keyof Dashboard; status: StoryStatus };

const DASHBOARD_ROWS = 8;

/** Newest publication first (a story without a date first, as PostgreSQL sorts NULL in DESC), then by id. */
function newestPublishedFirst(a: StoryRow, b: StoryRow): number {
  const at = (row: StoryRow) => row.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return at(b) - at(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The dashboard lists in one statement: each a UNION ALL branch served by its own index
 * (author/updatedAt, status/updatedAt, publishedAt), with author and section joined in. Through
 * findMany they took a query per list and relation; the dashboard is the most visited staff page.
 */
export async function getDashboard(actor: Actor | null, now: Date = new Date()): Promise<Dashboard> {
  const staff = requireStaff(actor);
  const staffId = staff.id; // hasRole narrows `staff` to never in the journalist branch
  const onlyAuthor = await storyReadAuthor(staff);
  const scope = onlyAuthor ? Prisma.sql`AND s."authorId" = ${onlyAuthor}` : Prisma.empty;
  // Editors find waiting stories in the inbox's "待我审核"; a journalist's own submissions show here.
  const isEditor = hasRole(staff, "EDITOR");
  const list = (name: keyof Dashboard, where: Prisma.Sql, orderBy: Prisma.Sql) => Prisma.sql`(
    SELECT ${name} AS list, s.id, s.title, s.slug, s.status::text AS status, s."updatedAt", s."publishedAt",
           u.name AS "authorName", sec.name AS "sectionName"
    FROM "Story" s
    JOIN "User" u ON u.id = s."authorId"
    LEFT JOIN "Section" sec ON sec.id = s."sectionId"
    WHERE ${where}
    ORDER BY ${orderBy}, s.id
    LIMIT ${DASHBOARD_ROWS})`;
  const branches = [
    list("drafts", Prisma.sql`s."authorId" = ${staffId} AND s.status IN ('DRAFT', 'UNPUBLISHED') ${scope}`, Prisma.sql`s."updatedAt" DESC`),
    ...(isEditor ? [] : [list("inReview", Prisma.sql`s.status = 'IN_REVIEW' AND s."authorId" = ${staffId}`, Prisma.sql`s."updatedAt" ASC`)]),
    // Published in two branches, each walking Story(status, publishedAt) backwards from its newest
    // row: one OR condition made PostgreSQL walk the publishedAt index past every unpublished story
    // (NULL publishedAt sorts first in DESC) and every future schedule, 16 000 rows at 20 000 stories.
    list("published", Prisma.sql`s.status = 'PUBLISHED' ${scope}`, Prisma.sql`s."publishedAt" DESC`),
    list("published", Prisma.sql`s.status = 'SCHEDULED' AND s."publishedAt" <= ${now} ${scope}`, Prisma.sql`s."publishedAt" DESC`),
  ];
  const rows = await db.$queryRaw<DashboardRow[]>(Prisma.join(branches, " UNION ALL "));
  const dashboard = { drafts: [] as StoryRow[], inReview: isEditor ? null : ([] as StoryRow[]), published: [] as StoryRow[] };
  for (const { list: name, ...row } of rows) dashboard[name]?.push({ ...row, status: effectiveStatus(row.status, row.publishedAt, now) });
  // The two published branches merge here, newest first, as one list of DASHBOARD_ROWS.
  dashboard.published = dashboard.published.sort(newestPublishedFirst).slice(0, DASHBOARD_ROWS);
  return dashboard;
}
