import "server-only";
import { requireEditor, requireStaff } from "@/lib/auth/guards";
import type { Prisma } from "@/generated/prisma/client";
import type { RoundupStatus, StoryStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { cacheRefOf } from "@/lib/data/story-access";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { tagsForRoundupChange, type StoryCacheRef } from "@/lib/cache/tags";
import { AppError, conflict, invalid, isRecordMissing, notFound } from "@/lib/errors";
import { stampOf } from "@/lib/data/stamp";
import { retryOnUniqueViolation } from "@/lib/data/unique-retry";
import { effectiveStatus } from "@/lib/editor/workflow";
import { slugify } from "@/lib/slug";

// The roundup composer. Ranks stay 1..N, unique and without gaps: every change rewrites them in one
// transaction, in two phases (negative first) because the (roundupId, rank) index is not deferrable.
// Each change bumps the roundup's version first, which locks its row, so concurrent edits queue up.

type Tx = Prisma.TransactionClient;

export type RoundupLead = { leadMediaId: string | null; leadAlt: string; leadCaption: string; leadCredit: string };
export type RoundupInput = { title: string; year: number; publisher: string; intro: string; outro?: string } & Partial<RoundupLead>;
export type ComposerItem = { id: string; rank: number; storyId: string; title: string; slug: string; status: StoryStatus };
export type ComposerRoundup = RoundupInput &
  RoundupLead & { id: string; slug: string; status: RoundupStatus; version: number; infoStamp: string; showSelectionScores: boolean; items: ComposerItem[] };
/** The details the roundup's form edits, as stored (not its items, status or scores setting). */
export type RoundupInfo = { title: string; year: number; publisher: string; intro: string; outro: string } & RoundupLead;

const INFO_SELECT = { title: true, year: true, publisher: true, intro: true, outro: true, leadMediaId: true, leadAlt: true, leadCaption: true, leadCredit: true } as const;

/** The details' digest (lib/data/stamp.ts): adding, removing and reordering items leave it alone. */
function infoStamp(info: RoundupInfo): string {
  return stampOf([info.title, info.year, info.publisher, info.intro, info.outro, info.leadMediaId, info.leadAlt, info.leadCaption, info.leadCredit]);
}

/** A save of the details based on an older copy: what is stored now, for the form to show. */
export class RoundupInfoConflictError extends AppError {
  constructor(
    readonly current: RoundupInfo,
    readonly stamp: string,
  ) {
    super("CONFLICT", "保存失败：榜单信息在你打开页面之后被别人修改过。你填写的内容仍在表单中，下面列出对方保存的不同之处；合并后再点「保存榜单信息」，将以表单中的内容为准。");
  }
}
/** What a change touched, for the cache tags of the public pages. */
export type RoundupChange = { slug: string; published: boolean; storySlugs: string[]; publishedStories: StoryCacheRef[] };

export async function listRoundups(actor: Actor | null) {
  requireStaff(actor);
  return db.roundup.findMany({
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, title: true, year: true, status: true, _count: { select: { items: true } } },
  });
}

export async function getRoundupForEdit(actor: Actor | null, id: string, now: Date = new Date()): Promise<ComposerRoundup | null> {
  requireStaff(actor);
  const roundup = await db.roundup.findUnique({
    where: { id },
    include: { items: { orderBy: { rank: "asc" }, include: { story: { select: { title: true, slug: true, status: true, publishedAt: true } } } } },
  });
  if (!roundup) return null;
  return {
    id: roundup.id,
    slug: roundup.slug,
    title: roundup.title,
    year: roundup.year,
    publisher: roundup.publisher,
    intro: roundup.intro,
    outro: roundup.outro,
    leadMediaId: roundup.leadMediaId,
    leadAlt: roundup.leadAlt,
    leadCaption: roundup.leadCaption,
    leadCredit: roundup.leadCredit,
    status: roundup.status,
    version: roundup.version,
    infoStamp: infoStamp(roundup),
    showSelectionScores: roundup.showSelectionScores,
    items: roundup.items.map(({ story, ...item }) => ({
      id: item.id,
      rank: item.rank,
      storyId: item.storyId,
      title: story.title,
      slug: story.slug,
      status: effectiveStatus(story.status, story.publishedAt, now),
    })),
  };
}

/** Published and draft stories an editor can add, found by title. */
export async function findStoriesForRoundup(actor: Actor | null, q: string, now: Date = new Date()): Promise<{ id: string; title: string; status: StoryStatus }[]> {
  requireEditor(actor);
  if (!q.trim()) return [];
  const found = await db.story.findMany({
    where: { title: { contains: q.trim(), mode: "insensitive" }, status: { notIn: ["ARCHIVED"] } },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, title: true, status: true, publishedAt: true },
  });
  return found.map((story) => ({ id: story.id, title: story.title, status: effectiveStatus(story.status, story.publishedAt, now) }));
}

async function uniqueRoundupSlug(tx: Tx, title: string, year: number): Promise<string> {
  const base = slugify(title) || `roundup-${year}`;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.roundup.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

/** The lead photo must be an image of the media library with a file: a caption-only row has nothing to show. */
async function checkLeadMedia(tx: Tx, input: RoundupInput): Promise<void> {
  if (!input.leadMediaId) return;
  const media = await tx.media.findUnique({ where: { id: input.leadMediaId }, select: { storageKey: true } });
  if (!media) throw invalid("所选题图不存在，可能已被删除，请重新选择。", { field: "leadMediaId" });
  if (!media.storageKey) throw invalid("所选题图没有图片文件，请选择媒体库里上传过的图片。", { field: "leadMediaId" });
}

export async function createRoundup(actor: Actor | null, input: RoundupInput): Promise<{ id: string }> {
  const editor = requireEditor(actor);
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      await checkLeadMedia(tx, input);
      const slug = await uniqueRoundupSlug(tx, input.title, input.year);
      const roundup = await tx.roundup.create({ data: { ...input, slug, createdById: editor.id }, select: { id: true } });
      await recordAudit(tx, { actorId: editor.id, action: "roundup.create", entityType: "roundup", entityId: roundup.id, summary: `新建榜单《${input.title}》` });
      return roundup;
    }),
  );
}

/** Locks the roundup's row for this transaction and returns what the cache needs. */
async function lockRoundup(tx: Tx, id: string) {
  // Only a missing row means "not found"; a dropped connection or a timeout must surface as what it is.
  return tx.roundup.update({ where: { id }, data: { version: { increment: 1 } }, select: { id: true, slug: true, title: true, status: true, publishedAt: true } }).catch((error: unknown) => {
    throw isRecordMissing(error) ? notFound("找不到这个榜单。") : error;
  });
}

async function changeOf(tx: Tx, roundup: { id: string; slug: string; status: RoundupStatus }, publishedStories: StoryCacheRef[] = []): Promise<RoundupChange> {
  const items = await tx.roundupItem.findMany({ where: { roundupId: roundup.id }, select: { story: { select: { slug: true } } } });
  return { slug: roundup.slug, published: roundup.status === "PUBLISHED", storySlugs: items.map((i) => i.story.slug), publishedStories };
}

/** Announces the change's cache tags in its own transaction (lib/data/cache-announce.ts) and returns it. */
async function announced(tx: Tx, change: RoundupChange): Promise<RoundupChange> {
  await announceExpiredTags(tx, tagsForRoundupChange(change));
  return change;
}

/** Writes ranks 1..N in the given order; the two phases keep the unique index satisfied throughout. */
async function writeRanks(tx: Tx, roundupId: string, orderedIds: string[]): Promise<void> {
  for (const [index, id] of orderedIds.entries()) await tx.roundupItem.update({ where: { id, roundupId }, data: { rank: -(index + 1) } });
  for (const [index, id] of orderedIds.entries()) await tx.roundupItem.update({ where: { id, roundupId }, data: { rank: index + 1 } });
}

/**
 * Saves the details. With baseStamp (the infoStamp the form loaded), refuses with
 * RoundupInfoConflictError when they changed since; returns the new stamp for the next save.
 */
export async function updateRoundup(actor: Actor | null, id: string, input: RoundupInput, baseStamp?: string): Promise<{ change: RoundupChange; infoStamp: string }> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await lockRoundup(tx, id);
    if (baseStamp) {
      // Read under the row lock just taken, so a save landing meanwhile is seen.
      const current = await tx.roundup.findUniqueOrThrow({ where: { id }, select: INFO_SELECT });
      const stamp = infoStamp(current);
      if (stamp !== baseStamp) throw new RoundupInfoConflictError(current, stamp);
    }
    await checkLeadMedia(tx, input);
    const saved = await tx.roundup.update({ where: { id }, data: input, select: INFO_SELECT });
    await recordAudit(tx, { actorId: editor.id, action: "roundup.update", entityType: "roundup", entityId: id, summary: `修改榜单《${input.title}》` });
    return { change: await announced(tx, await changeOf(tx, roundup)), infoStamp: infoStamp(saved) };
  });
}

export async function addRoundupItem(actor: Actor | null, input: { id: string; storyId: string }): Promise<RoundupChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await lockRoundup(tx, input.id);
    const story = await tx.story.findUnique({ where: { id: input.storyId }, select: { title: true } });
    if (!story) throw notFound("找不到这篇报道。");
    if (await tx.roundupItem.findUnique({ where: { roundupId_storyId: { roundupId: input.id, storyId: input.storyId } } })) {
      throw conflict(`《${story.title}》已经在榜单里了。`);
    }
    const count = await tx.roundupItem.count({ where: { roundupId: input.id } });
    await tx.roundupItem.create({ data: { roundupId: input.id, storyId: input.storyId, rank: count + 1 } });
    await recordAudit(tx, { actorId: editor.id, action: "roundup.add_item", entityType: "roundup", entityId: input.id, summary: `《${roundup.title}》加入第 ${count + 1} 名：《${story.title}》` });
    return announced(tx, await changeOf(tx, roundup));
  });
}

export async function removeRoundupItem(actor: Actor | null, input: { id: string; itemId: string }): Promise<RoundupChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await lockRoundup(tx, input.id);
    const before = await changeOf(tx, roundup);
    const removed = await tx.roundupItem.deleteMany({ where: { id: input.itemId, roundupId: input.id } });
    if (removed.count === 0) throw notFound("这个条目已不在榜单中。");
    const rest = await tx.roundupItem.findMany({ where: { roundupId: input.id }, orderBy: { rank: "asc" }, select: { id: true } });
    await writeRanks(tx, input.id, rest.map((r) => r.id));
    await recordAudit(tx, { actorId: editor.id, action: "roundup.remove_item", entityType: "roundup", entityId: input.id, summary: `《${roundup.title}》移除一条` });
    // Taken before the removal, so the removed story's page (which loses its rank badge) is expired too.
    return announced(tx, before);
  });
}

/** Sets the order to exactly the given items; refused when the list changed since the page loaded. */
export async function reorderRoundup(actor: Actor | null, input: { id: string; itemIds: string[] }): Promise<RoundupChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await lockRoundup(tx, input.id);
    const current = await tx.roundupItem.findMany({ where: { roundupId: input.id }, select: { id: true } });
    const same = current.length === input.itemIds.length && new Set(input.itemIds).size === input.itemIds.length && current.every((c) => input.itemIds.includes(c.id));
    if (!same) throw conflict("榜单条目刚被别人修改过，请刷新页面后再排序。");
    await writeRanks(tx, input.id, input.itemIds);
    await recordAudit(tx, { actorId: editor.id, action: "roundup.reorder", entityType: "roundup", entityId: input.id, summary: `《${roundup.title}》调整排名` });
    return announced(tx, await changeOf(tx, roundup));
  });
}

export type PublishOutcome = { kind: "published"; change: RoundupChange } | { kind: "needs_confirmation"; unpublished: string[] };

/**
 * A published roundup must show only published stories. With stories still unpublished the caller
 * gets their titles back to confirm, and only with publishStories does it publish them together.
 */
export async function publishRoundup(actor: Actor | null, input: { id: string; publishStories: boolean }): Promise<PublishOutcome> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await lockRoundup(tx, input.id);
    const now = new Date();
    const items = await tx.roundupItem.findMany({ where: { roundupId: input.id }, select: { story: { select: { id: true, title: true, slug: true, status: true, publishedAt: true } } } });
    if (items.length === 0) throw invalid("榜单还没有条目，不能发布。");
    const pending = items.map((i) => i.story).filter((s) => !((s.status === "PUBLISHED" || s.status === "SCHEDULED") && s.publishedAt && s.publishedAt <= now));
    if (pending.length > 0 && !input.publishStories) return { kind: "needs_confirmation", unpublished: pending.map((s) => s.title) };
    for (const story of pending) {
      const publishedAt = story.publishedAt && story.publishedAt <= now ? story.publishedAt : now;
      const moved = await tx.story.updateMany({ where: { id: story.id, status: story.status }, data: { status: "PUBLISHED", publishedAt } });
      if (moved.count === 0) throw conflict(`《${story.title}》的状态刚被别人改变了，请刷新后再发布。`);
      await recordAudit(tx, { actorId: editor.id, action: "story.publish", entityType: "story", entityId: story.id, summary: `随榜单《${roundup.title}》发布《${story.title}》` });
    }
    // A re-published roundup keeps its first publication time.
    const published = await tx.roundup.update({ where: { id: input.id }, data: { status: "PUBLISHED", publishedAt: roundup.publishedAt ?? now }, select: { id: true, slug: true, status: true } });
    await recordAudit(tx, { actorId: editor.id, action: "roundup.publish", entityType: "roundup", entityId: input.id, summary: `发布榜单《${roundup.title}》` });
    const storyRefs: StoryCacheRef[] = [];
    for (const story of pending) storyRefs.push(await cacheRefOf(tx, story.id));
    return { kind: "published", change: await announced(tx, await changeOf(tx, published, storyRefs)) };
  });
}

export async function unpublishRoundup(actor: Actor | null, id: string): Promise<RoundupChange> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const roundup = await lockRoundup(tx, id);
    if (roundup.status !== "PUBLISHED") throw conflict("这个榜单还没有发布。");
    await tx.roundup.update({ where: { id }, data: { status: "UNPUBLISHED" } });
    await recordAudit(tx, { actorId: editor.id, action: "roundup.unpublish", entityType: "roundup", entityId: id, summary: `撤下榜单《${roundup.title}》` });
    // Report it as published so the pages that showed it are expired.
    return announced(tx, { ...(await changeOf(tx, roundup)), published: true });
  });
}
