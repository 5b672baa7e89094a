import "server-only";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import type { Prisma } from "@/generated/prisma/client";
import type { StoryStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { storyReadScope } from "@/lib/data/newsroom-settings";
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

export async function getDashboard(actor: Actor | null, now: Date = new Date()): Promise<Dashboard> {
  const staff = requireStaff(actor);
  const scope = await storyReadScope(staff);
  const recent = (where: Prisma.StoryWhereInput, orderBy: Prisma.StoryOrderByWithRelationInput[]) =>
    db.story.findMany({ where: { AND: [scope, where] }, orderBy, take: 8, select: rowSelect }).then((rows) => rows.map((row) => toRow(row, now)));
  const staffId = staff.id;
  const isEditor = hasRole(staff, "EDITOR");
  const [drafts, inReview, published] = await Promise.all([
    recent({ authorId: staffId, status: { in: ["DRAFT", "UNPUBLISHED"] } }, [{ updatedAt: "desc" }]),
    isEditor ? null : recent({ status: "IN_REVIEW", authorId: staffId }, [{ updatedAt: "asc" }]),
    recent(storyStatusWhere("PUBLISHED", now), [{ publishedAt: "desc" }]),
  ]);
  return { drafts, inReview, published };
}
