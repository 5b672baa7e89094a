import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { StoryNoteKind } from "@/generated/prisma/enums";
import { hasRole, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { recordAudit } from "@/lib/data/audit";
import { canReadStory } from "@/lib/data/newsroom-settings";
import { db } from "@/lib/db";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { mailEnabled, queueMail, type Mail } from "@/lib/mail/outbox";
import { reviewMail } from "@/lib/mail/review-mail";
import { NOTE_MAX } from "@/lib/validation/review";

// The thread on a story (notes, and the reasons of returns and rejections) and who follows it.
// Whoever may open the story may read its thread and follow it; editors and the story's author may
// write in it. A story this person may not open answers like a missing one.

type Tx = Prisma.TransactionClient;

export type StoryNoteView = { id: string; kind: StoryNoteKind; body: string; createdAt: Date; authorName: string };
/** wasUnread: this opening marked it read, so counts rendered alongside (the header) are one behind. */
export type StoryThread = { notes: StoryNoteView[]; following: boolean; wasUnread: boolean };

/** The reader's marker moves to `now`: what they did themselves is never unread for them. */
export async function markSeenBy(tx: Tx, userId: string, storyId: string, now: Date): Promise<void> {
  await tx.storyFollow.updateMany({ where: { userId, storyId }, data: { seenAt: now } });
}

async function readableStory(actor: Actor, storyId: string) {
  const story = await db.story.findUnique({ where: { id: storyId }, select: { id: true, title: true, authorId: true, activityAt: true } });
  if (!story || !(await canReadStory(actor, story))) throw notFound("找不到这篇报道。");
  return story;
}

/**
 * The thread for the editor, oldest first, and whether this person follows the story. Opening it
 * counts as reading it: the story stops being unread in their "我关注的报道".
 */
export async function openStoryThread(actor: Actor | null, storyId: string, now: Date = new Date()): Promise<StoryThread> {
  const staff = requireStaff(actor);
  const story = await readableStory(staff, storyId);
  const [notes, follow] = await Promise.all([
    db.storyNote.findMany({
      where: { storyId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
    }),
    db.storyFollow.findUnique({ where: { userId_storyId: { userId: staff.id, storyId } }, select: { seenAt: true } }),
  ]);
  // Written only when there is something new, so opening a story usually costs no write.
  const wasUnread = follow !== null && follow.seenAt < story.activityAt;
  if (wasUnread) await db.storyFollow.updateMany({ where: { userId: staff.id, storyId }, data: { seenAt: now } });
  return { notes: notes.map(({ author, ...note }) => ({ ...note, authorName: author.name })), following: follow !== null, wasUnread };
}

/** Review decisions only (returns and rejections with their reasons), newest first, for the history page. */
export async function listReviewDecisions(actor: Actor | null, storyId: string): Promise<StoryNoteView[]> {
  const staff = requireStaff(actor);
  await readableStory(staff, storyId);
  const notes = await db.storyNote.findMany({
    where: { storyId, kind: { in: ["RETURN", "REJECT"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return notes.map(({ author, ...note }) => ({ ...note, authorName: author.name }));
}

export async function addStoryNote(actor: Actor | null, input: { id: string; body: string }, now: Date = new Date()): Promise<{ id: string }> {
  const staff = requireStaff(actor);
  const body = input.body.trim();
  if (body === "" || body.length > NOTE_MAX) throw invalid(`留言须为 1–${NOTE_MAX} 个字。`, { field: "body" });
  const staffId = staff.id; // hasRole narrows `staff` to never in the journalist branch
  const story = await readableStory(staff, input.id);
  if (!hasRole(staff, "EDITOR") && story.authorId !== staffId) throw forbidden("只有编辑和这篇报道的作者可以留言。");
  const result = await db.$transaction(async (tx) => {
    const note = await tx.storyNote.create({ data: { storyId: story.id, authorId: staff.id, body, createdAt: now }, select: { id: true } });
    // Raw, so that Prisma's @updatedAt doesn't move: a note is not a change of the story's content.
    await tx.$executeRaw`UPDATE "Story" SET "activityAt" = ${now} WHERE id = ${story.id}`;
    await markSeenBy(tx, staff.id, story.id, now);
    await recordAudit(tx, { actorId: staff.id, action: "story.note", entityType: "story", entityId: story.id, summary: `在《${story.title}》留言：${body.slice(0, 80)}` });
    return { id: note.id, mail: await noteMail(tx, staff, story, body) };
  });
  // Only once the note has committed; never awaited.
  queueMail(result.mail);
  return { id: result.id };
}

/** Followers other than the writer who may still open the story (the access setting may have changed). */
async function noteMail(tx: Tx, writer: Actor, story: { id: string; title: string; authorId: string }, body: string): Promise<Mail[]> {
  if (!mailEnabled()) return [];
  const followers = await tx.user.findMany({
    where: { active: true, id: { not: writer.id }, storyFollows: { some: { storyId: story.id } } },
    select: { id: true, email: true, role: true },
  });
  const settings = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { journalistsSeeAllStories: true } });
  const to = followers
    .filter((user) => user.role !== "JOURNALIST" || user.id === story.authorId || settings?.journalistsSeeAllStories === true)
    .map((user) => user.email);
  return to.length ? [reviewMail({ event: "note", to, storyId: story.id, title: story.title, actorName: writer.name, text: body })] : [];
}

/** Follow or stop following a story this person may open. */
export async function setStoryFollow(actor: Actor | null, input: { id: string; follow: boolean }, now: Date = new Date()): Promise<void> {
  const staff = requireStaff(actor);
  const story = await readableStory(staff, input.id);
  const key = { userId: staff.id, storyId: story.id };
  if (input.follow) await db.storyFollow.upsert({ where: { userId_storyId: key }, create: { ...key, seenAt: now }, update: {} });
  else await db.storyFollow.deleteMany({ where: key });
}
