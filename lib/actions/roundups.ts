"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { expireTags, tagsForRoundupChange } from "@/lib/cache/tags";
import * as roundups from "@/lib/data/roundups";
import { addItemSchema, publishRoundupSchema, removeItemSchema, reorderSchema, roundupIdSchema, roundupInputSchema, roundupUpdateSchema } from "@/lib/validation/roundup";

// Roundup composer actions (editors and admins). Field names are documented on each schema. All
// take (previous result, form data), the useActionState shape, even when called directly.

const INVALID = "请检查标出的字段。";

/** Public pages change only while the roundup is published; stories published with it expire their own pages. */
function expire(change: roundups.RoundupChange): void {
  expireTags(tagsForRoundupChange(change));
}

/** Repeated fields (reorder's itemIds) as arrays; everything else as one value. */
function withItemIds(formData: FormData) {
  return { ...Object.fromEntries(formData), itemIds: formData.getAll("itemIds").map(String) };
}

/** infoStamp: what the next save names as its base; theirs: the details as stored, after a conflict. */
export type RoundupSaveData = { infoStamp: string; theirs?: roundups.RoundupInfo };

// Typed like updateRoundup's result (it never carries data): one form calls either.
export const createRoundup = defineAction<typeof roundupInputSchema, RoundupSaveData>({
  name: "createRoundup",
  role: "EDITOR",
  schema: roundupInputSchema,
  invalidMessage: INVALID,
  handler: async ({ id: _ignored, ...input }, { actor }) => {
    const { id } = await roundups.createRoundup(actor, input);
    return { ok: true, redirectTo: `/editor/roundups/${id}` };
  },
});

export const updateRoundup = defineAction<typeof roundupUpdateSchema, RoundupSaveData>({
  name: "updateRoundup",
  role: "EDITOR",
  schema: roundupUpdateSchema,
  invalidMessage: INVALID,
  handler: async ({ id, baseStamp, ...input }, { actor }) => {
    try {
      const saved = await roundups.updateRoundup(actor, id, input, baseStamp);
      expire(saved.change);
      return { ok: true, message: "榜单信息已保存。", data: { infoStamp: saved.infoStamp } };
    } catch (error) {
      // The form keeps what was typed and shows what the other person saved; its next save overrides knowingly.
      if (error instanceof roundups.RoundupInfoConflictError) return { ok: false, code: "CONFLICT", message: error.message, data: { infoStamp: error.stamp, theirs: error.current } };
      throw error;
    }
  },
});

export const addRoundupItem = defineAction({
  name: "addRoundupItem",
  role: "EDITOR",
  schema: addItemSchema,
  invalidMessage: "first-issue",
  handler: async (input, { actor }) => {
    expire(await roundups.addRoundupItem(actor, input));
    return { ok: true, message: "已加入榜单。" };
  },
});

export const removeRoundupItem = defineAction({
  name: "removeRoundupItem",
  role: "EDITOR",
  schema: removeItemSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    expire(await roundups.removeRoundupItem(actor, input));
    return { ok: true, message: "已从榜单移除。" };
  },
});

export const reorderRoundup = defineAction({
  name: "reorderRoundup",
  role: "EDITOR",
  schema: reorderSchema,
  input: withItemIds,
  invalidMessage: "first-issue",
  handler: async (input, { actor }) => {
    expire(await roundups.reorderRoundup(actor, input));
    return { ok: true };
  },
});

export const publishRoundup = defineAction<typeof publishRoundupSchema, { unpublished: string[] }>({
  name: "publishRoundup",
  role: "EDITOR",
  schema: publishRoundupSchema,
  invalidMessage: INVALID,
  handler: async (input, { actor }) => {
    const outcome = await roundups.publishRoundup(actor, input);
    if (outcome.kind === "needs_confirmation") {
      // Not an error: the form asks the editor to confirm publishing these stories too.
      return { ok: false, code: "CONFLICT", message: `榜单中有 ${outcome.unpublished.length} 篇报道尚未发布。确认后将与榜单一起发布：`, data: { unpublished: outcome.unpublished } };
    }
    expire(outcome.change);
    return { ok: true, message: "榜单已发布。" };
  },
});

export const unpublishRoundup = defineAction({
  name: "unpublishRoundup",
  role: "EDITOR",
  schema: roundupIdSchema,
  invalidMessage: INVALID,
  handler: async ({ id }, { actor }) => {
    expire(await roundups.unpublishRoundup(actor, id));
    return { ok: true, message: "榜单已撤下。" };
  },
});
