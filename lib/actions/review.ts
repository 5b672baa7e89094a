"use server";

import { defineAction } from "@/lib/actions/safe-action";
import * as notes from "@/lib/data/story-notes";
import { storyFollowSchema, storyNoteSchema } from "@/lib/validation/review";

// The review loop's own actions: notes on a story and following it. Returns and rejections with
// their reasons are status moves (changeStoryStatus in lib/actions/stories.ts).

export const addStoryNote = defineAction({
  name: "addStoryNote",
  role: "JOURNALIST",
  schema: storyNoteSchema,
  handler: async (input, { actor }) => {
    await notes.addStoryNote(actor, input);
    return { ok: true, message: "留言已发布。" };
  },
});

export const setStoryFollow = defineAction({
  name: "setStoryFollow",
  role: "JOURNALIST",
  schema: storyFollowSchema,
  handler: async (input, { actor }) => {
    await notes.setStoryFollow(actor, input);
    return { ok: true, message: input.follow ? "已关注这篇报道。" : "已取消关注。" };
  },
});
