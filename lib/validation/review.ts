import { z } from "zod";

// The review loop's fields: the reason of a return or rejection, notes on a story, following a story.

export const REVIEW_REASON_MAX = 1000;
export const NOTE_MAX = 1000;

/** addStoryNote: id (the story), body (plain text, 1–1000 characters after trimming). */
export const storyNoteSchema = z.object({
  id: z.string().min(1, "缺少报道编号。"),
  body: z.string().trim().min(1, "留言不能为空。").max(NOTE_MAX, `留言最多 ${NOTE_MAX} 个字，请精简。`),
});

/** setStoryFollow: id (the story), follow ("true" to follow, "false" to stop). */
export const storyFollowSchema = z.object({
  id: z.string().min(1, "缺少报道编号。"),
  follow: z.enum(["true", "false"], { error: "未知的操作。" }).transform((value) => value === "true"),
});
