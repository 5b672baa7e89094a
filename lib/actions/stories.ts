"use server";

import { redirect } from "next/navigation";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { expireTags, tagsForStory } from "@/lib/cache/tags";
import * as history from "@/lib/data/story-history";
import * as stories from "@/lib/data/stories";
import * as workflow from "@/lib/data/story-workflow";
import {
  bulkSchema,
  correctionSchema,
  createStorySchema,
  lockSchema,
  restoreSchema,
  storyInputSchema,
  transitionSchema,
} from "@/lib/validation/story";

// Story Server Actions: guard → zod → lib/data (which checks the role again) → expire the public
// pages that show the story → result. Field names are documented on each schema.

export type SaveData = { version: number; slug: string; conflict?: stories.ConflictInfo };

const INVALID = "请检查标出的字段。";

export async function createStory(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  let id: string;
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = createStorySchema.safeParse({ title: formData.get("title") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    id = (await stories.createStory(actor, parsed.data)).id;
  } catch (error) {
    return failure(error, "createStory");
  }
  redirect(`/editor/stories/${id}`);
}

function storyFields(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "");
  return {
    id: text("id"),
    baseVersion: text("baseVersion"),
    title: text("title"),
    dek: text("dek"),
    body: text("body"),
    byline: text("byline"),
    slug: text("slug"),
    sectionId: text("sectionId"),
    tags: text("tags"),
    leadMediaId: text("leadMediaId"),
  };
}

async function save(formData: FormData, revision: boolean): Promise<ActionResult<SaveData>> {
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = storyInputSchema.safeParse(storyFields(formData));
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await stories.saveStory(actor, parsed.data, { revision });
    if (result.cacheRef) expireTags(tagsForStory(result.cacheRef));
    return { ok: true, message: revision ? `已保存为第 ${result.version} 版。` : "已自动保存。", data: { version: result.version, slug: result.slug } };
  } catch (error) {
    if (error instanceof stories.StoryConflictError) {
      return { ok: false, message: error.message, data: { version: error.current.version, slug: "", conflict: error.current } };
    }
    return failure(error, revision ? "saveStory" : "autosaveStory");
  }
}

/** Explicit save: stores a revision. */
export async function saveStory(_prev: ActionResult<SaveData>, formData: FormData): Promise<ActionResult<SaveData>> {
  return save(formData, true);
}

/** Autosave of the working copy: same fields, no revision; refused for released stories. */
export async function autosaveStory(_prev: ActionResult<SaveData>, formData: FormData): Promise<ActionResult<SaveData>> {
  return save(formData, false);
}

export async function changeStoryStatus(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = transitionSchema.safeParse({ id: formData.get("id") ?? "", action: formData.get("action") ?? "", publishAt: formData.get("publishAt") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const { cacheRef } = await workflow.transitionStory(actor, parsed.data);
    expireTags(tagsForStory(cacheRef));
    const messages = { submit: "已提交审核。", return: "已退回修改。", publish: "已发布。", schedule: "已设置定时发布。", unpublish: "已撤下。" } as const;
    return { ok: true, message: messages[parsed.data.action] };
  } catch (error) {
    return failure(error, "changeStoryStatus");
  }
}

export async function correctStory(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = correctionSchema.safeParse({ id: formData.get("id") ?? "", correction: formData.get("correction") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const { cacheRef } = await workflow.correctStory(actor, parsed.data);
    expireTags(tagsForStory(cacheRef));
    return { ok: true, message: "更正已发布。" };
  } catch (error) {
    return failure(error, "correctStory");
  }
}

export async function claimStoryLock(_prev: ActionResult<history.LockState>, formData: FormData): Promise<ActionResult<history.LockState>> {
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = lockSchema.safeParse({ id: formData.get("id") ?? "", takeover: formData.get("takeover") ?? undefined });
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    return { ok: true, data: await history.claimStoryLock(actor, parsed.data) };
  } catch (error) {
    return failure(error, "claimStoryLock");
  }
}

export async function releaseStoryLock(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = lockSchema.safeParse({ id: formData.get("id") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID };
    await history.releaseStoryLock(actor, parsed.data.id);
    return { ok: true };
  } catch (error) {
    return failure(error, "releaseStoryLock");
  }
}

export async function restoreStoryRevision(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  let target: string;
  try {
    const actor = await requireActor("JOURNALIST");
    const parsed = restoreSchema.safeParse({ id: formData.get("id") ?? "", revisionId: formData.get("revisionId") ?? "", baseVersion: formData.get("baseVersion") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await history.restoreRevision(actor, parsed.data);
    if (result.cacheRef) expireTags(tagsForStory(result.cacheRef));
    target = `/editor/stories/${parsed.data.id}?restored=${result.version}`;
  } catch (error) {
    if (error instanceof stories.StoryConflictError) return { ok: false, message: "恢复失败：这篇报道刚被别人修改过，请刷新页面后再试。" };
    return failure(error, "restoreStoryRevision");
  }
  redirect(target);
}

export async function bulkUpdateStories(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = bulkSchema.safeParse({ ids: formData.getAll("ids").map(String), action: formData.get("action") ?? "", sectionId: formData.get("sectionId") ?? "" });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const result = await workflow.bulkUpdateStories(actor, parsed.data);
    for (const ref of result.cacheRefs) expireTags(tagsForStory(ref));
    return { ok: true, message: `已处理 ${result.count} 篇报道。` };
  } catch (error) {
    return failure(error, "bulkUpdateStories");
  }
}
