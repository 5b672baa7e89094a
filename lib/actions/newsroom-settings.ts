"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import * as settings from "@/lib/data/newsroom-settings";

// Newsroom policy (admins only).

/** updateNewsroomSettings: journalistsSeeAllStories ("on" when ticked; absent when not). */
const newsroomSettingsSchema = z.object({ journalistsSeeAllStories: z.string().optional().transform((value) => value === "on") });

export const updateNewsroomSettings = defineAction({
  name: "updateNewsroomSettings",
  role: "ADMIN",
  schema: newsroomSettingsSchema,
  invalidMessage: "first-issue",
  handler: async (input, { actor }) => {
    await settings.updateNewsroomSettings(actor, input);
    return { ok: true, message: "设置已保存。" };
  },
});
