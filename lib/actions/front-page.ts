"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { cacheTags, expireTags } from "@/lib/cache/tags";
import * as frontPage from "@/lib/data/front-page";
import { frontPageSchema } from "@/lib/validation/front-page";

// The home page's featured roundup and pinned stories (editors and admins).

export const updateFrontPage = defineAction({
  name: "updateFrontPage",
  role: "EDITOR",
  schema: frontPageSchema,
  input: (formData) => ({ featuredRoundupId: formData.get("featuredRoundupId") ?? "", pinnedStoryIds: formData.getAll("pinnedStoryIds").map(String) }),
  invalidMessage: "first-issue",
  handler: async (input, { actor }) => {
    await frontPage.updateFrontPage(actor, input);
    expireTags([cacheTags.home]);
    return { ok: true, message: "首页编排已保存，读者马上就能看到。" };
  },
});
