import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { hasRole, requireAdmin } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";

// Newsroom policy an admin sets. Who may read whose stories in the editor: editors and admins read
// every story; journalists read only their own unless journalistsSeeAllStories is on. (Editing is a
// separate rule: journalists only ever edit their own unreleased stories, lib/auth/guards.ts.)

export type NewsroomSettings = { journalistsSeeAllStories: boolean };

async function readSettings(): Promise<NewsroomSettings> {
  const row = await db.siteSettings.findUnique({ where: { id: 1 }, select: { journalistsSeeAllStories: true } });
  return { journalistsSeeAllStories: row?.journalistsSeeAllStories ?? false };
}

/** The one author whose stories this person may read (their own id), or null for every story. */
export async function storyReadAuthor(actor: Actor): Promise<string | null> {
  const actorId = actor.id; // hasRole narrows `actor` to never in the journalist branch
  if (hasRole(actor, "EDITOR")) return null;
  return (await readSettings()).journalistsSeeAllStories ? null : actorId;
}

/** A where-clause limiting staff story reads to what this person may see. */
export async function storyReadScope(actor: Actor): Promise<Prisma.StoryWhereInput> {
  const author = await storyReadAuthor(actor);
  return author ? { authorId: author } : {};
}

/** Whether this person may open this story in the editor, its preview and its history. */
export async function canReadStory(actor: Actor, story: { authorId: string }): Promise<boolean> {
  if (story.authorId === actor.id || hasRole(actor, "EDITOR")) return true;
  return (await readSettings()).journalistsSeeAllStories;
}

export async function getNewsroomSettings(actor: Actor | null): Promise<NewsroomSettings> {
  requireAdmin(actor);
  return readSettings();
}

export async function updateNewsroomSettings(actor: Actor | null, input: NewsroomSettings): Promise<void> {
  const admin = requireAdmin(actor);
  await db.$transaction(async (tx) => {
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordAudit(tx, {
      actorId: admin.id,
      action: "site.settings",
      entityType: "site",
      entityId: null,
      summary: input.journalistsSeeAllStories ? "记者可以查看所有记者的报道" : "记者只能查看自己的报道",
    });
  });
}
