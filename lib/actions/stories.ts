"use server";

import { defineAction, type Outcome } from "@/lib/actions/safe-action";
import { expireTags, tagsForStory } from "@/lib/cache/tags";
import * as history from "@/lib/data/story-history";
import * as stories from "@/lib/data/stories";
import { RankedStoryError, type RankedPlacement } from "@/lib/data/roundup-integrity";
import * as workflow from "@/lib/data/story-workflow";
import type { StoryInput } from "@/lib/validation/story";
import {
  bulkSchema,
  correctionSchema,
  createStorySchema,
  lockSchema,
  restoreSchema,
  storyInputSchema,
  transitionSchema,
} from "@/lib/validation/story";
import type { Actor } from "@/lib/auth/roles";

// Story Server Actions: the wrapper guards and parses; lib/data checks the role again; the action
// expires the public pages that show the story. Field names are documented on each schema.

/** version: the lock version the next save must name; revision: the visible 第 N 版. */
export type SaveData = { version: number; revision: number; slug: string; conflict?: stories.ConflictInfo };

const INVALID = "请检查标出的字段。";

export const createStory = defineAction({
  name: "createStory",
  role: "JOURNALIST",
  schema: createStorySchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    const { id } = await stories.createStory(actor, input);
    return { ok: true, redirectTo: `/editor/stories/${id}` };
  },
});

async function save(actor: Actor, input: StoryInput, revision: boolean): Promise<Outcome<SaveData>> {
  try {
    const result = await stories.saveStory(actor, input, { revision });
    if (result.cacheRef) expireTags(tagsForStory(result.cacheRef));
    return { ok: true, message: revision ? `已保存为第 ${result.revision} 版。` : "已自动保存。", data: { version: result.version, revision: result.revision, slug: result.slug } };
  } catch (error) {
    // The other person's text goes back to the editor, which shows the differences to merge.
    if (error instanceof stories.StoryConflictError) {
      return { ok: false, code: "CONFLICT", message: error.message, data: { version: error.current.version, revision: error.current.revision, slug: "", conflict: error.current } };
    }
    throw error;
  }
}

/** Explicit save: stores a revision. */
export const saveStory = defineAction<typeof storyInputSchema, SaveData>({
  name: "saveStory",
  role: "JOURNALIST",
  schema: storyInputSchema,
  invalidMessage: INVALID,
  handler: (input, { actor }) => save(actor, input, true),
});

/** Autosave of the working copy: same fields, no revision; refused for released stories. */
export const autosaveStory = defineAction<typeof storyInputSchema, SaveData>({
  name: "autosaveStory",
  role: "JOURNALIST",
  schema: storyInputSchema,
  invalidMessage: INVALID,
  handler: (input, { actor }) => save(actor, input, false),
});

const TRANSITION_MESSAGES = { submit: "已提交审核，编辑会收到通知。", return: "已退回修改，作者会看到原因。", reject: "已标记为不予采用，作者会看到原因。", publish: "已发布。", schedule: "已设置定时发布。", unpublish: "已撤下。" } as const;

/** Set when a change needs the editor to choose what the published roundups ranking the story do. */
export type RankedData = { placements: RankedPlacement[] };

/** The roundups to name in the confirmation, instead of an error, when the choice is missing. */
function askAboutRanks(error: unknown): Outcome<RankedData> {
  if (error instanceof RankedStoryError) return { ok: false, code: "CONFLICT", message: error.message, data: { placements: error.placements } };
  throw error;
}

export const changeStoryStatus = defineAction<typeof transitionSchema, RankedData>({
  name: "changeStoryStatus",
  role: "JOURNALIST",
  schema: transitionSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    try {
      const { cacheRef } = await workflow.transitionStory(actor, input);
      expireTags(tagsForStory(cacheRef));
      return { ok: true, message: TRANSITION_MESSAGES[input.action] };
    } catch (error) {
      return askAboutRanks(error);
    }
  },
});

export const correctStory = defineAction({
  name: "correctStory",
  role: "EDITOR",
  schema: correctionSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    const { cacheRef } = await workflow.correctStory(actor, input);
    expireTags(tagsForStory(cacheRef));
    return { ok: true, message: "更正已发布。" };
  },
});

export const claimStoryLock = defineAction<typeof lockSchema, history.LockState>({
  name: "claimStoryLock",
  role: "JOURNALIST",
  schema: lockSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => ({ ok: true, data: await history.claimStoryLock(actor, input) }),
});

export const releaseStoryLock = defineAction({
  name: "releaseStoryLock",
  role: "JOURNALIST",
  schema: lockSchema,
  invalidMessage: INVALID,
  handler: async ({ id }, { actor }) => {
    await history.releaseStoryLock(actor, id);
    return { ok: true };
  },
});

export const restoreStoryRevision = defineAction({
  name: "restoreStoryRevision",
  role: "JOURNALIST",
  schema: restoreSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    try {
      const result = await history.restoreRevision(actor, input);
      if (result.cacheRef) expireTags(tagsForStory(result.cacheRef));
      return { ok: true, redirectTo: `/editor/stories/${input.id}?restored=${result.revision}` };
    } catch (error) {
      if (error instanceof stories.StoryConflictError) return { ok: false, code: "CONFLICT", message: "恢复失败：这篇报道刚被别人修改过，请刷新页面后再试。" };
      throw error;
    }
  },
});

export const bulkUpdateStories = defineAction<typeof bulkSchema, RankedData>({
  name: "bulkUpdateStories",
  role: "EDITOR",
  schema: bulkSchema,
  input: (formData) => ({ ...Object.fromEntries(formData), ids: formData.getAll("ids").map(String) }),
  invalidMessage: "first-issue",
  handler: async (input, { actor }) => {
    try {
      const result = await workflow.bulkUpdateStories(actor, input);
      for (const ref of result.cacheRefs) expireTags(tagsForStory(ref));
      return { ok: true, message: `已处理 ${result.count} 篇报道。` };
    } catch (error) {
      return askAboutRanks(error);
    }
  },
});
