import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { StoryStatus } from "@/generated/prisma/enums";
import { storyReadAuthor } from "@/lib/data/newsroom-settings";
import type { StoryRow } from "@/lib/data/story-lists";
import { INBOX_COUNT_CAP } from "@/lib/editor/inbox-count";
import { effectiveStatus } from "@/lib/editor/workflow";

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
 * The header's counts in one query, each part a bounded count served by an index: Story(status,
 * publishedAt), Story(authorId, status, reviewedAt), StoryFollow's partial index of unread follows.
 * At most once per request: the layout and the page share it through React's cache.
 */
const countInbox = cache(async (userId: string, isEditor: boolean, nowMs: number): Promise<InboxCounts> => {
  const now = new Date(nowMs);
  const until = new Date(nowMs + SCHEDULED_WINDOW_HOURS * 3_600_000);
  // Who may open a story: editors any, journalists their own, or all when the setting says so.
  const readable = Prisma.sql`(${isEditor} OR s."authorId" = ${userId} OR coalesce((SELECT "journalistsSeeAllStories" FROM "SiteSettings" WHERE id = 1), false))`;
  const bounded = (rows: Prisma.Sql) => Prisma.sql`(SELECT count(*)::int FROM (${rows} LIMIT ${INBOX_COUNT_CAP}) AS counted)`;
  const [row] = await db.$queryRaw<{ review: number; returned: number; scheduled: number; unread: number }[]>`
    SELECT
      CASE WHEN ${isEditor} THEN ${bounded(Prisma.sql`SELECT 1 FROM "Story" WHERE status = 'IN_REVIEW'`)} ELSE 0 END AS review,
      ${bounded(Prisma.sql`SELECT 1 FROM "Story" WHERE "authorId" = ${userId} AND status = 'DRAFT' AND "reviewedAt" IS NOT NULL AND "reviewReason" IS NOT NULL`)} AS returned,
      ${bounded(Prisma.sql`SELECT 1 FROM "Story" s WHERE s.status = 'SCHEDULED' AND s."publishedAt" > ${now} AND s."publishedAt" <= ${until} AND ${readable}`)} AS scheduled,
      ${bounded(Prisma.sql`SELECT 1 FROM "StoryFollow" f JOIN "Story" s ON s.id = f."storyId" WHERE f."userId" = ${userId} AND f."storyActivityAt" > f."seenAt" AND ${readable}`)} AS unread`;
  return row ?? { review: 0, returned: 0, scheduled: 0, unread: 0 };
});

/** Counts for the staff header (each at most INBOX_COUNT_CAP); `now` rounded to the minute so the layout and the page share one query. */
export async function getInboxCounts(actor: Actor | null, now: Date = new Date()): Promise<InboxCounts> {
  const staff = requireStaff(actor);
  return countInbox(staff.id, hasRole(staff, "EDITOR"), Math.floor(now.getTime() / 60_000) * 60_000);
}

type InboxList = "review" | "returned" | "scheduled" | "followed";
type InboxSqlRow = Omit<StoryRow, "status"> & {
  list: InboxList;
  status: StoryStatus;
  reason: string | null;
  returnedAt: Date | null;
  activityAt: Date | null;
  seenAt: Date | null;
};

/**
 * The dashboard's four lists in one statement, each a UNION ALL branch walking its own index
 * (Story(status, updatedAt), Story(authorId, status, reviewedAt), Story(status, publishedAt),
 * StoryFollow(userId, storyActivityAt, storyId)) with author and section joined in: through findMany they took
 * eleven queries (one per list and relation), and the followed list sorted every follow.
 */
export async function getInbox(actor: Actor | null, now: Date = new Date()): Promise<Inbox> {
  const staff = requireStaff(actor);
  const staffId = staff.id;
  const isEditor = hasRole(staff, "EDITOR");
  const onlyAuthor = await storyReadAuthor(staff);
  const scope = onlyAuthor ? Prisma.sql`AND s."authorId" = ${onlyAuthor}` : Prisma.empty;
  const until = new Date(now.getTime() + SCHEDULED_WINDOW_HOURS * 3_600_000);
  const list = (name: InboxList, extra: Prisma.Sql, from: Prisma.Sql, where: Prisma.Sql, orderBy: Prisma.Sql) => Prisma.sql`(
    SELECT ${name} AS list, s.id, s.title, s.slug, s.status::text AS status, s."updatedAt", s."publishedAt",
           u.name AS "authorName", sec.name AS "sectionName", ${extra}
    FROM ${from}
    JOIN "User" u ON u.id = s."authorId"
    LEFT JOIN "Section" sec ON sec.id = s."sectionId"
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${LIST_SIZE})`;
  const none = Prisma.sql`NULL::text AS reason, NULL::timestamp(3) AS "returnedAt", NULL::timestamp(3) AS "activityAt", NULL::timestamp(3) AS "seenAt"`;
  const story = Prisma.sql`"Story" s`;
  const branches = [
    ...(isEditor ? [list("review", none, story, Prisma.sql`s.status = 'IN_REVIEW'`, Prisma.sql`s."updatedAt" ASC, s.id`)] : []),
    list(
      "returned",
      Prisma.sql`s."reviewReason" AS reason, s."reviewedAt" AS "returnedAt", NULL::timestamp(3) AS "activityAt", NULL::timestamp(3) AS "seenAt"`,
      story,
      // A returned draft always has both; reviewedAt IS NOT NULL lets the index skip never-reviewed drafts.
      Prisma.sql`s."authorId" = ${staffId} AND s.status = 'DRAFT' AND s."reviewedAt" IS NOT NULL AND s."reviewReason" IS NOT NULL`,
      Prisma.sql`s."reviewedAt" DESC, s.id`,
    ),
    list("scheduled", none, story, Prisma.sql`s.status = 'SCHEDULED' AND s."publishedAt" > ${now} AND s."publishedAt" <= ${until} ${scope}`, Prisma.sql`s."publishedAt" ASC, s.id`),
    list(
      "followed",
      Prisma.sql`NULL::text AS reason, NULL::timestamp(3) AS "returnedAt", f."storyActivityAt" AS "activityAt", f."seenAt"`,
      Prisma.sql`"StoryFollow" f JOIN "Story" s ON s.id = f."storyId"`,
      Prisma.sql`f."userId" = ${staffId} ${scope}`,
      Prisma.sql`f."storyActivityAt" DESC, f."storyId"`,
    ),
  ];
  const rows = await db.$queryRaw<InboxSqlRow[]>(Prisma.join(branches, " UNION ALL "));
  const inbox: Inbox = { review: isEditor ? [] : null, returned: [], scheduled: [], followed: [] };
  for (const { list: name, reason, returnedAt, activityAt, seenAt, ...raw } of rows) {
    const row: StoryRow = { ...raw, status: effectiveStatus(raw.status, raw.publishedAt, now) };
    if (name === "review") inbox.review?.push(row);
    else if (name === "returned") inbox.returned.push({ ...row, reason: reason ?? "", returnedAt });
    else if (name === "scheduled") inbox.scheduled.push(row);
    else if (activityAt && seenAt) inbox.followed.push({ ...row, activityAt, unread: activityAt > seenAt });
  }
  return inbox;
}
