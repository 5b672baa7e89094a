import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { storyReadScope } from "@/lib/data/newsroom-settings";
import { rowSelect, toRow, type StoryRow } from "@/lib/data/story-lists";

// The in-app inbox: what waits for this person. Four lists on the dashboard and their counts in the
// staff header. Everything is limited to the stories this person may open (the access setting).
//   待我审核    editors: stories submitted for review
//   退回给我    the author: own stories returned for changes, with the reason
//   即将定时发布 scheduled to go live within the next 24 hours
//   我关注的报道 followed stories; unread when a note or status change came after the reader last opened it

export const SCHEDULED_WINDOW_HOURS = 24;

export type InboxCounts = { review: number; returned: number; scheduled: number; unread: number };
export type ReturnedRow = StoryRow & { reason: string; returnedAt: Date | null };
export type FollowedRow = StoryRow & { unread: boolean; activityAt: Date };
export type Inbox = { review: StoryRow[] | null; returned: ReturnedRow[]; scheduled: StoryRow[]; followed: FollowedRow[] };

const LIST_SIZE = 10;

/**
 * The header's counts in one query (each part served by an index: Story(status, publishedAt),
 * Story(authorId, …), StoryFollow's primary key), at most once per request: the layout and the page
 * share it through React's cache.
 */
const countInbox = cache(async (userId: string, isEditor: boolean, nowMs: number): Promise<InboxCounts> => {
  const now = new Date(nowMs);
  const until = new Date(nowMs + SCHEDULED_WINDOW_HOURS * 3_600_000);
  // Who may open a story: editors any, journalists their own, or all when the setting says so.
  const readable = Prisma.sql`(${isEditor} OR s."authorId" = ${userId} OR coalesce((SELECT "journalistsSeeAllStories" FROM "SiteSettings" WHERE id = 1), false))`;
  const [row] = await db.$queryRaw<{ review: number; returned: number; scheduled: number; unread: number }[]>`
    SELECT
      CASE WHEN ${isEditor} THEN (SELECT count(*)::int FROM "Story" WHERE status = 'IN_REVIEW') ELSE 0 END AS review,
      (SELECT count(*)::int FROM "Story" WHERE "authorId" = ${userId} AND status = 'DRAFT' AND "reviewReason" IS NOT NULL) AS returned,
      (SELECT count(*)::int FROM "Story" s WHERE s.status = 'SCHEDULED' AND s."publishedAt" > ${now} AND s."publishedAt" <= ${until} AND ${readable}) AS scheduled,
      (SELECT count(*)::int FROM "StoryFollow" f JOIN "Story" s ON s.id = f."storyId" WHERE f."userId" = ${userId} AND s."activityAt" > f."seenAt" AND ${readable}) AS unread`;
  return row ?? { review: 0, returned: 0, scheduled: 0, unread: 0 };
});

/** Counts for the staff header; `now` rounded to the minute so the layout and the page share one query. */
export async function getInboxCounts(actor: Actor | null, now: Date = new Date()): Promise<InboxCounts> {
  const staff = requireStaff(actor);
  return countInbox(staff.id, hasRole(staff, "EDITOR"), Math.floor(now.getTime() / 60_000) * 60_000);
}

/** The dashboard's four lists. */
export async function getInbox(actor: Actor | null, now: Date = new Date()): Promise<Inbox> {
  const staff = requireStaff(actor);
  const staffId = staff.id;
  const isEditor = hasRole(staff, "EDITOR");
  const scope = await storyReadScope(staff);
  const until = new Date(now.getTime() + SCHEDULED_WINDOW_HOURS * 3_600_000);
  const [review, returned, scheduled, follows] = await Promise.all([
    isEditor ? db.story.findMany({ where: { status: "IN_REVIEW" }, orderBy: [{ updatedAt: "asc" }], take: LIST_SIZE, select: rowSelect }) : null,
    db.story.findMany({
      where: { authorId: staffId, status: "DRAFT", reviewReason: { not: null } },
      orderBy: [{ reviewedAt: "desc" }],
      take: LIST_SIZE,
      select: { ...rowSelect, reviewReason: true, reviewedAt: true },
    }),
    db.story.findMany({ where: { AND: [scope, { status: "SCHEDULED", publishedAt: { gt: now, lte: until } }] }, orderBy: [{ publishedAt: "asc" }], take: LIST_SIZE, select: rowSelect }),
    db.storyFollow.findMany({
      where: { userId: staffId, story: scope },
      orderBy: { story: { activityAt: "desc" } },
      take: LIST_SIZE,
      select: { seenAt: true, story: { select: { ...rowSelect, activityAt: true } } },
    }),
  ]);
  return {
    review: review?.map((row) => toRow(row, now)) ?? null,
    returned: returned.map(({ reviewReason, reviewedAt, ...row }) => ({ ...toRow(row, now), reason: reviewReason ?? "", returnedAt: reviewedAt })),
    scheduled: scheduled.map((row) => toRow(row, now)),
    followed: follows.map(({ seenAt, story: { activityAt, ...row } }) => ({ ...toRow(row, now), activityAt, unread: activityAt > seenAt })),
  };
}
