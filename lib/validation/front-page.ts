import { z } from "zod";

/** The most stories editors can pin above the latest stories on the home page. */
export const MAX_PINNED = 5;

/**
 * updateFrontPage: featuredRoundupId ("" = the newest published roundup), pinnedStoryIds (repeated,
 * in the order they should appear).
 */
export const frontPageSchema = z.object({
  featuredRoundupId: z
    .string()
    .trim()
    .default("")
    .transform((value) => (value === "" ? null : value)),
  pinnedStoryIds: z.array(z.string().min(1)).max(MAX_PINNED, `首页最多置顶 ${MAX_PINNED} 篇报道。`).default([]),
});

export type FrontPageInput = z.infer<typeof frontPageSchema>;
