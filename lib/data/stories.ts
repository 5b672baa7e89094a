import "server-only";
import { assertCanEdit, canEditStory, requireEditor, requireStaff } from "@/lib/auth/guards";
import type { StoryStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { announceExpiredTags } from "@/lib/data/cache-announce";
import { tagsForStory, type StoryCacheRef } from "@/lib/cache/tags";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { canReadStory } from "@/lib/data/newsroom-settings";
import { cacheRefOf, mergeRefs, tagIdsFor, uniqueStorySlug } from "@/lib/data/story-access";
import { retryOnUniqueViolation } from "@/lib/data/unique-retry";
import { AppError, conflict, forbidden, invalid } from "@/lib/errors";
import { STATUS_LABELS, effectiveStatus, isReleased } from "@/lib/editor/workflow";
import type { StoryInput } from "@/lib/validation/story";

// Staff side of stories: the editor's reads and the saves, each checking the actor itself. Every save
// names the version it started from; the update only matches that version, so of two saves based on
// the same version exactly one wins, and the other gets the winner's text back to compare.
// Two numbers: `version` is the optimistic lock, bumped by every write of the text (autosaves too, so
// two tabs still notice each other); `revision` is what people see (第 N 版), bumped only by explicit
// saves and restores, each of which stores a StoryRevision with that number.

export type StoryContent = { title: string; dek: string; body: string; byline: string };

export type StoryEditView = StoryContent & {
  id: string;
  slug: string;
  status: StoryStatus;
  version: number;
  revision: number;
  publishedAt: Date | null;
  correction: string | null;
  sectionId: string | null;
  tags: string[];
  leadMediaId: string | null;
  source: string;
  editorOfRecordId: string | null;
  editorOfRecordName: string | null;
  authorId: string;
  authorName: string;
  updatedAt: Date;
  canEdit: boolean;
  /** The editor's reason when the story was last returned or rejected (cleared when it moves on). */
  reviewReason: string | null;
  reviewedAt: Date | null;
  slugLocked: boolean;
};

/** The settings around a story's text, as the editor's form holds them. */
export type StorySettings = { slug: string; sectionId: string | null; tags: string[]; leadMediaId: string | null; source: string; editorOfRecordId: string | null };

/**
 * The other person's save, returned to a writer whose save was based on an older version: text and
 * settings, so that taking their version takes all of it (a later save must not put old settings
 * back), with the names the panel shows for the section and editor of record.
 */
export type ConflictInfo = StoryContent & {
  settings: StorySettings;
  sectionName: string | null;
  editorOfRecordName: string | null;
  version: number;
  revision: number;
  editorName: string;
  updatedAt: string;
};

type SettingsRow = Omit<StorySettings, "tags"> & { tags: { tag: { name: string } }[] };

/** A story's settings as the editor's form holds them; the editor page and a conflict read them alike, so unchanged settings compare equal. */
function settingsOf(story: SettingsRow): StorySettings {
  return { slug: story.slug, sectionId: story.sectionId, tags: story.tags.map((t) => t.tag.name), leadMediaId: story.leadMediaId, source: story.source, editorOfRecordId: story.editorOfRecordId };
}

export class StoryConflictError extends AppError {
  constructor(readonly current: ConflictInfo) {
    super("CONFLICT", `保存失败：${current.editorName} 已在你打开之后修改了这篇报道（现为第 ${current.revision} 版）。你的文字仍在编辑器中，请对照下方的改动合并后再保存，或选择覆盖。`);
  }
}

export async function getStoryForEdit(actor: Actor | null, id: string): Promise<StoryEditView | null> {
  const staff = requireStaff(actor);
  const story = await db.story.findUnique({
    where: { id },
    include: { author: { select: { name: true } }, editorOfRecord: { select: { name: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  // A story this person may not read answers like a missing one, so its existence isn't given away.
  if (!story || !(await canReadStory(staff, story))) return null;
  return {
    id: story.id,
    ...settingsOf(story),
    title: story.title,
    dek: story.dek,
    body: story.body,
    byline: story.byline,
    // What people mean by it now: a scheduled story past its time reads 已发布.
    status: effectiveStatus(story.status, story.publishedAt),
    version: story.version,
    revision: story.revision,
    publishedAt: story.publishedAt,
    correction: story.correction,
    editorOfRecordName: story.editorOfRecord?.name ?? null,
    authorId: story.authorId,
    authorName: story.author.name,
    updatedAt: story.updatedAt,
    canEdit: canEditStory(staff, story),
    reviewReason: story.reviewReason,
    reviewedAt: story.reviewedAt,
    // Readers may have linked the address: after release only an editor may change it, leaving a redirect.
    slugLocked: story.publishedAt !== null || isReleased(story.status),
  };
}

export async function listSections(actor: Actor | null): Promise<{ id: string; name: string; slug: string }[]> {
  requireStaff(actor);
  return db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, slug: true } });
}

export async function createStory(actor: Actor | null, input: { title: string }): Promise<{ id: string }> {
  const staff = requireStaff(actor);
  return retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    const slug = await uniqueStorySlug(tx, input.title, null);
    const story = await tx.story.create({
      data: { title: input.title, slug, authorId: staff.id, byline: staff.name, updatedById: staff.id },
      select: { id: true, version: true },
    });
    await tx.storyRevision.create({
      data: { storyId: story.id, version: story.version, title: input.title, dek: "", body: "", byline: staff.name, tagNames: [], editorId: staff.id },
    });
    await recordAudit(tx, { actorId: staff.id, action: "story.create", entityType: "story", entityId: story.id, summary: `新建报道《${input.title}》` });
    return { id: story.id };
  }));
}

/** version: the new lock version for the next save; revision: the visible number (unchanged by an autosave). */
export type SaveResult = { version: number; revision: number; slug: string; cacheRef: StoryCacheRef | null };

/**
 * Saves the editor's fields. With revision: true (an explicit save or a restore) a full snapshot is
 * stored; autosave (revision: false) only updates the working copy, and never of a released story,
 * whose text readers see.
 */
export async function saveStory(actor: Actor | null, input: StoryInput, options: { revision: boolean; restoredFromVersion?: number }): Promise<SaveResult> {
  const staff = requireStaff(actor);
  return retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    const story = await tx.story.findUnique({
      where: { id: input.id },
      select: { id: true, authorId: true, status: true, slug: true, publishedAt: true, source: true, editorOfRecordId: true, editorOfRecord: { select: { name: true } } },
    });
    assertCanEdit(staff, story);
    const released = isReleased(story.status);
    if (!options.revision && released) throw invalid("已发布或定时发布的报道不自动保存，请手动保存。");

    let slug = story.slug;
    const slugLocked = story.publishedAt !== null || released;
    const wanted = input.slug || (slugLocked ? story.slug : input.title);
    if (wanted !== story.slug && !(slugLocked && input.slug === "")) {
      if (slugLocked) requireEditor(staff);
      slug = await uniqueStorySlug(tx, wanted, story.id);
    }

    // Chosen from lists that may have changed since the page loaded: say so next to the field.
    if (input.sectionId && !(await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) {
      throw invalid("这个栏目不存在或已被删除，请重新选择。", { field: "sectionId" });
    }
    if (input.leadMediaId && !(await tx.media.findUnique({ where: { id: input.leadMediaId }, select: { id: true } }))) {
      throw invalid("这张图片不存在或已被删除，请重新选择。", { field: "leadMediaId" });
    }
    const source = input.source ?? story.source;
    const editorOfRecord = await chosenEditorOfRecord(tx, staff, story.editorOfRecordId, input.editorOfRecordId);

    const before = await cacheRefOf(tx, story.id);
    // The status checked above is part of the write's condition: a publish landing between the check
    // and this update (which doesn't change the version) must not let a journalist's text go live,
    // nor skip the redirect and cache expiry a released story needs.
    const updated = await tx.story.updateMany({
      where: { id: story.id, version: input.baseVersion, status: story.status },
      data: {
        title: input.title,
        dek: input.dek,
        body: input.body,
        byline: input.byline,
        slug,
        sectionId: input.sectionId,
        leadMediaId: input.leadMediaId,
        source,
        editorOfRecordId: editorOfRecord.id,
        updatedById: staff.id,
        version: { increment: 1 },
        ...(options.revision ? { revision: { increment: 1 } } : {}),
      },
    });
    if (updated.count === 0) throw await conflictFor(tx, story.id, story.status);
    // Read under the row lock the update holds, so two explicit saves can't both take one number.
    const { revision } = await tx.story.findUniqueOrThrow({ where: { id: story.id }, select: { revision: true } });

    const tagIds = await tagIdsFor(tx, input.tags);
    await tx.storyTag.deleteMany({ where: { storyId: story.id } });
    if (tagIds.length > 0) await tx.storyTag.createMany({ data: tagIds.map((tagId) => ({ storyId: story.id, tagId })) });
    if (slug !== story.slug && slugLocked) {
      await tx.slugRedirect.upsert({ where: { slug: story.slug }, create: { slug: story.slug, storyId: story.id }, update: { storyId: story.id } });
      await tx.slugRedirect.deleteMany({ where: { slug } });
    }

    const version = input.baseVersion + 1;
    if (options.revision) {
      await tx.storyRevision.create({
        data: {
          storyId: story.id,
          version: revision,
          title: input.title,
          dek: input.dek,
          body: input.body,
          byline: input.byline,
          sectionId: input.sectionId,
          tagNames: input.tags,
          leadMediaId: input.leadMediaId,
          restoredFromVersion: options.restoredFromVersion ?? null,
          editorId: staff.id,
        },
      });
      const restored = options.restoredFromVersion;
      await recordAudit(tx, {
        actorId: staff.id,
        action: restored ? "story.restore" : "story.save",
        entityType: "story",
        entityId: story.id,
        summary: restored ? `《${input.title}》恢复第 ${restored} 版，保存为第 ${revision} 版` : `保存《${input.title}》第 ${revision} 版`,
      });
    }
    // Printed under the story, so who changed them is kept even when the change came with an autosave.
    if (source !== story.source) {
      await recordAudit(tx, { actorId: staff.id, action: "story.source", entityType: "story", entityId: story.id, summary: `《${input.title}》来源：「${story.source || "（无）"}」→「${source || "（无）"}」` });
    }
    if (editorOfRecord.id !== story.editorOfRecordId) {
      await recordAudit(tx, {
        actorId: staff.id,
        action: "story.editor_of_record",
        entityType: "story",
        entityId: story.id,
        summary: `《${input.title}》责任编辑：${story.editorOfRecord?.name ?? "（无）"} → ${editorOfRecord.name ?? "（无）"}`,
      });
    }
    const cacheRef = released ? mergeRefs(before, await cacheRefOf(tx, story.id)) : null;
    if (cacheRef) await announceExpiredTags(tx, tagsForStory(cacheRef));
    return { version, revision, slug, cacheRef };
  }));
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * The editor of record after this save: unchanged when the form didn't send one (journalists' forms
 * don't); otherwise only an editor may change it, and only to an active editor or admin.
 */
async function chosenEditorOfRecord(tx: Tx, staff: Actor, current: string | null, wanted: string | null | undefined): Promise<{ id: string | null; name: string | null }> {
  if (wanted === undefined || wanted === current) {
    const user = current ? await tx.user.findUnique({ where: { id: current }, select: { name: true } }) : null;
    return { id: current, name: user?.name ?? null };
  }
  requireEditor(staff);
  if (wanted === null) return { id: null, name: null };
  const user = await tx.user.findFirst({ where: { id: wanted, active: true, role: { in: ["EDITOR", "ADMIN"] } }, select: { id: true, name: true } });
  if (!user) throw invalid("请选择一位在职的编辑作为责任编辑。", { field: "editorOfRecordId" });
  return user;
}

/** Editors and admins who may be named 责任编辑, for the editor's choice. */
export async function listEditorsOfRecord(actor: Actor | null): Promise<{ id: string; name: string }[]> {
  requireStaff(actor);
  return db.user.findMany({ where: { active: true, role: { in: ["EDITOR", "ADMIN"] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

async function conflictFor(tx: Tx, id: string, checkedStatus: StoryStatus): Promise<AppError> {
  const current = await tx.story.findUnique({
    where: { id },
    select: {
      title: true,
      dek: true,
      body: true,
      byline: true,
      slug: true,
      sectionId: true,
      leadMediaId: true,
      source: true,
      editorOfRecordId: true,
      section: { select: { name: true } },
      editorOfRecord: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } } },
      version: true,
      revision: true,
      status: true,
      updatedAt: true,
      updatedById: true,
    },
  });
  if (!current) return forbidden("这篇报道已被删除。");
  if (current.status !== checkedStatus) {
    return conflict(`保存失败：这篇报道刚被改为「${STATUS_LABELS[current.status]}」，你的修改没有保存。你的文字仍在编辑器中，请复制后刷新页面再试。`);
  }
  const editor = current.updatedById ? await tx.user.findUnique({ where: { id: current.updatedById }, select: { name: true } }) : null;
  return new StoryConflictError({
    title: current.title,
    dek: current.dek,
    body: current.body,
    byline: current.byline,
    settings: settingsOf(current),
    sectionName: current.section?.name ?? null,
    editorOfRecordName: current.editorOfRecord?.name ?? null,
    version: current.version,
    revision: current.revision,
    editorName: editor?.name ?? "另一位同事",
    updatedAt: current.updatedAt.toISOString(),
  });
}
