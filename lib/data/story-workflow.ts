import "server-only";
import { assertCanEdit, hasRole, requireEditor, requireStaff } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { tagsForStory, type StoryCacheRef } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { cacheRefOf, mergeRefs } from "@/lib/data/story-access";
import type { Prisma } from "@/generated/prisma/client";
import { markSeenBy } from "@/lib/data/story-notes";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { mailEnabled, queueMail, type Mail } from "@/lib/mail/outbox";
import { reviewMail } from "@/lib/mail/review-mail";
import { settlePlacements, type RankChoice } from "@/lib/data/roundup-integrity";
import { ACTION_LABELS, STATUS_LABELS, effectiveStatus, isEditorOnly, isLive, needsReason, nextStatus, type WorkflowAction } from "@/lib/editor/workflow";

// Status moves, corrections and bulk actions. The allowed moves live in lib/editor/workflow.ts; the
// move is written with the status it was checked against, so two editors racing can't both apply one.

type Tx = Prisma.TransactionClient;

export async function transitionStory(
  actor: Actor | null,
  input: { id: string; action: WorkflowAction; publishAt: Date | null; reason?: string | null; rankChoice?: RankChoice | null },
): Promise<{ cacheRef: StoryCacheRef }> {
  const staff = requireStaff(actor);
  const reason = needsReason(input.action) ? (input.reason?.trim() ?? "") : null;
  // The action's schema says so next to the field; this is the data layer's own check.
  if (reason === "") throw invalid("请写明原因，作者会看到它。", { field: "reason" });
  const result = await db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({ where: { id: input.id }, select: { id: true, title: true, authorId: true, status: true, publishedAt: true, editorOfRecordId: true } });
    assertCanEdit(staff, story);
    const isEditor = hasRole(staff, "EDITOR");
    if (!isEditor && isEditorOnly(input.action)) throw forbidden();
    const now = new Date();
    // Checked against the status people see: a scheduled story past its time is published.
    const current = effectiveStatus(story.status, story.publishedAt, now);
    const to = nextStatus(current, input.action, isEditor);
    if (!to) throw conflict(`「${STATUS_LABELS[current]}」状态的报道不能执行「${ACTION_LABELS[input.action]}」。`);

    let publishedAt = story.publishedAt;
    // Publishing keeps the first publication time; a story still waiting for its slot goes live now.
    if (input.action === "publish" && (!publishedAt || publishedAt > now)) publishedAt = now;
    if (input.action === "schedule") publishedAt = input.publishAt;

    const before = await cacheRefOf(tx, story.id);
    // Leaving the public site while ranked in a published roundup (today only unpublish does that).
    if (isLive(story.status, story.publishedAt, now) && !isLive(to, publishedAt, now)) {
      await settlePlacements(tx, { actorId: staff.id, storyIds: [story.id], choice: input.rankChoice ?? null, reason: "被撤下" });
    }
    // The editor who first releases the story becomes its editor of record (责任编辑) unless one is named.
    const editorOfRecordId = story.editorOfRecordId ?? (input.action === "publish" || input.action === "schedule" ? staff.id : null);
    // A return or rejection keeps its reason on the story (for the author's inbox and editor) until
    // the story moves on; every move is activity its followers haven't seen yet.
    const moved = await tx.story.updateMany({
      where: { id: story.id, status: story.status },
      data: { status: to, publishedAt, editorOfRecordId, reviewReason: reason, reviewedAt: reason === null ? null : now, activityAt: now },
    });
    if (moved.count === 0) throw conflict("这篇报道的状态刚被别人改变了，请刷新后再试。");
    if (reason !== null) await tx.storyNote.create({ data: { storyId: story.id, authorId: staff.id, kind: input.action === "reject" ? "REJECT" : "RETURN", body: reason } });
    await markSeenBy(tx, staff.id, story.id, now);
    await recordAudit(tx, {
      actorId: staff.id,
      action: `story.${input.action}`,
      entityType: "story",
      entityId: story.id,
      summary: `《${story.title}》${STATUS_LABELS[story.status]} → ${STATUS_LABELS[to]}${input.action === "schedule" && publishedAt ? `（${publishedAt.toISOString()}）` : ""}${reason ? `；原因：${reason.slice(0, 200)}` : ""}`,
    });
    const cacheRef = mergeRefs(before, await cacheRefOf(tx, story.id));
    await announceExpiredTags(tx, tagsForStory(cacheRef));
    const mail = await transitionMail(tx, { actor: staff, story, action: input.action, reason });
    return { cacheRef, mail };
  });
  // Only once the change has committed; never awaited.
  queueMail(result.mail);
  return { cacheRef: result.cacheRef };
}

/** Who is told by e-mail (nobody when mail is off): editors of a submission; the author of a return, rejection or publication. */
async function transitionMail(
  tx: Tx,
  input: { actor: Actor; story: { id: string; title: string; authorId: string }; action: WorkflowAction; reason: string | null },
): Promise<Mail[]> {
  if (!mailEnabled()) return [];
  const { actor, story, action } = input;
  const event = action === "submit" || action === "return" || action === "reject" || action === "publish" ? action : null;
  if (!event) return [];
  const where: Prisma.UserWhereInput =
    event === "submit" ? { role: { in: ["EDITOR", "ADMIN"] }, active: true, id: { not: actor.id } } : { id: story.authorId, active: true, NOT: { id: actor.id } };
  const to = (await tx.user.findMany({ where, select: { email: true } })).map((user) => user.email);
  return to.length ? [reviewMail({ event, to, storyId: story.id, title: story.title, actorName: actor.name, text: input.reason })] : [];
}

export async function correctStory(actor: Actor | null, input: { id: string; correction: string }): Promise<{ cacheRef: StoryCacheRef }> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({ where: { id: input.id }, select: { id: true, title: true, status: true } });
    if (!story) throw notFound("找不到这篇报道。");
    if (story.status !== "PUBLISHED" && story.status !== "SCHEDULED") throw conflict("只能给已发布的报道添加更正。");
    // Still live when written: an unpublish racing this correction wins, and the correction says so.
    const written = await tx.story.updateMany({ where: { id: story.id, status: story.status }, data: { correction: input.correction, correctedAt: new Date() } });
    if (written.count === 0) throw conflict("这篇报道的状态刚被别人改变了，请刷新后再试。");
    await recordAudit(tx, { actorId: editor.id, action: "story.correct", entityType: "story", entityId: story.id, summary: `更正《${story.title}》：${input.correction.slice(0, 80)}` });
    const cacheRef = await cacheRefOf(tx, story.id);
    await announceExpiredTags(tx, tagsForStory(cacheRef));
    return { cacheRef };
  });
}

/** Editors' bulk actions on the story list; each story is audited, all in one transaction. */
export async function bulkUpdateStories(
  actor: Actor | null,
  input: { ids: string[]; action: "unpublish" | "move"; sectionId: string; rankChoice?: RankChoice | null },
): Promise<{ count: number; cacheRefs: StoryCacheRef[] }> {
  const editor = requireEditor(actor);
  return db.$transaction(async (tx) => {
    const section = input.action === "move" ? await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, name: true } }) : null;
    if (input.action === "move" && !section) throw notFound("找不到目标栏目。");
    const stories = await tx.story.findMany({ where: { id: { in: input.ids } }, select: { id: true, title: true, status: true, publishedAt: true } });
    // Where each story shows before the change, so pages it leaves (a roundup it is removed from) expire too.
    const befores = new Map<string, Awaited<ReturnType<typeof cacheRefOf>>>();
    for (const story of stories) befores.set(story.id, await cacheRefOf(tx, story.id));
    if (input.action === "unpublish") {
      const live = stories.filter((story) => isLive(story.status, story.publishedAt)).map((story) => story.id);
      await settlePlacements(tx, { actorId: editor.id, storyIds: live, choice: input.rankChoice ?? null, reason: "被批量撤下" });
    }
    const cacheRefs: StoryCacheRef[] = [];
    let count = 0;
    for (const story of stories) {
      const before = befores.get(story.id);
      if (input.action === "unpublish") {
        if (story.status !== "PUBLISHED" && story.status !== "SCHEDULED") continue;
        // Only if it is still in the status just checked (another editor may have moved it meanwhile).
        const moved = await tx.story.updateMany({ where: { id: story.id, status: story.status }, data: { status: "UNPUBLISHED" } });
        if (moved.count === 0) continue;
        await recordAudit(tx, { actorId: editor.id, action: "story.unpublish", entityType: "story", entityId: story.id, summary: `批量撤下《${story.title}》` });
      } else if (section) {
        await tx.story.update({ where: { id: story.id }, data: { sectionId: section.id } });
        await recordAudit(tx, { actorId: editor.id, action: "story.move", entityType: "story", entityId: story.id, summary: `《${story.title}》移到栏目「${section.name}」` });
      }
      count++;
      if (before?.released) cacheRefs.push(mergeRefs(before, await cacheRefOf(tx, story.id)));
    }
    await announceExpiredTags(tx, cacheRefs.flatMap(tagsForStory));
    return { count, cacheRefs };
  });
}
