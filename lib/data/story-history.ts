import "server-only";
import { assertCanEdit, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { canReadStory } from "@/lib/data/newsroom-settings";
import { saveStory, type SaveResult } from "@/lib/data/stories";
import { notFound } from "@/lib/errors";

// Soft locks and revisions. The lock only warns ("某某 正在编辑"); the version check on save is what
// actually protects the text, so a forgotten lock can never block anyone for longer than two minutes.

export const LOCK_TTL_MS = 2 * 60 * 1000;

export type LockState = { mine: boolean; holderName: string | null; lockedAt: string | null };

/**
 * Takes the lock when it is free, expired, already ours, or when takeover is asked for explicitly;
 * otherwise reports who holds it. Calling it again while typing keeps the lock alive.
 */
export async function claimStoryLock(actor: Actor | null, input: { id: string; takeover: boolean }): Promise<LockState> {
  const staff = requireStaff(actor);
  const story = await db.story.findUnique({ where: { id: input.id }, select: { authorId: true, status: true } });
  assertCanEdit(staff, story);
  const now = new Date();
  const expiry = new Date(now.getTime() - LOCK_TTL_MS);
  // One conditional update, so two people opening the story at once can't both believe they hold it.
  const claimed = await db.story.updateMany({
    where: {
      id: input.id,
      ...(input.takeover ? {} : { OR: [{ lockedById: null }, { lockedById: staff.id }, { lockedAt: { lt: expiry } }] }),
    },
    data: { lockedById: staff.id, lockedAt: now },
  });
  if (claimed.count > 0) {
    if (input.takeover) {
      await db.$transaction((tx) => recordAudit(tx, { actorId: staff.id, action: "story.lock_takeover", entityType: "story", entityId: input.id, summary: "接管了编辑锁" }));
    }
    return { mine: true, holderName: staff.name, lockedAt: now.toISOString() };
  }
  const holder = await db.story.findUnique({ where: { id: input.id }, select: { lockedAt: true, lockedBy: { select: { name: true } } } });
  return { mine: false, holderName: holder?.lockedBy?.name ?? null, lockedAt: holder?.lockedAt?.toISOString() ?? null };
}

export async function releaseStoryLock(actor: Actor | null, id: string): Promise<void> {
  const staff = requireStaff(actor);
  await db.story.updateMany({ where: { id, lockedById: staff.id }, data: { lockedById: null, lockedAt: null } });
}

export type RevisionSummary = { id: string; version: number; title: string; editorName: string; restoredFromVersion: number | null; createdAt: Date };
export type RevisionDetail = RevisionSummary & { dek: string; body: string; byline: string; tagNames: string[] };

export async function listRevisions(actor: Actor | null, storyId: string): Promise<RevisionDetail[]> {
  const staff = requireStaff(actor);
  const story = await db.story.findUnique({ where: { id: storyId }, select: { authorId: true } });
  if (!story || !(await canReadStory(staff, story))) return [];
  const rows = await db.storyRevision.findMany({
    where: { storyId },
    orderBy: { version: "desc" },
    include: { editor: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: row.title,
    dek: row.dek,
    body: row.body,
    byline: row.byline,
    tagNames: row.tagNames,
    editorName: row.editor.name,
    restoredFromVersion: row.restoredFromVersion,
    createdAt: row.createdAt,
  }));
}

/** Restoring writes the old snapshot as a new revision on top, so the history itself is never rewritten. */
export async function restoreRevision(actor: Actor | null, input: { id: string; revisionId: string; baseVersion: number }): Promise<SaveResult> {
  const staff = requireStaff(actor);
  const revision = await db.storyRevision.findFirst({ where: { id: input.revisionId, storyId: input.id } });
  if (!revision) throw notFound("找不到这个修订版本。");
  const current = await db.story.findUnique({ where: { id: input.id }, select: { slug: true } });
  if (!current) throw notFound("找不到这篇报道。");
  // A snapshot may name a section or image deleted since; restore the text without them.
  const section = revision.sectionId ? await db.section.findUnique({ where: { id: revision.sectionId }, select: { id: true } }) : null;
  const media = revision.leadMediaId ? await db.media.findUnique({ where: { id: revision.leadMediaId }, select: { id: true } }) : null;
  return saveStory(
    staff,
    {
      id: input.id,
      baseVersion: input.baseVersion,
      title: revision.title,
      dek: revision.dek,
      body: revision.body,
      byline: revision.byline,
      slug: current.slug,
      sectionId: section?.id ?? null,
      tags: revision.tagNames,
      leadMediaId: media?.id ?? null,
    },
    { revision: true, restoredFromVersion: revision.version },
  );
}
