"use server";

import { redirect } from "next/navigation";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { expireTags, tagsForRoundupChange } from "@/lib/cache/tags";
import * as roundups from "@/lib/data/roundups";
import { addItemSchema, publishRoundupSchema, removeItemSchema, reorderSchema, roundupIdSchema, roundupInputSchema } from "@/lib/validation/roundup";

// Roundup composer actions (editors and admins). Field names are documented on each schema. All
// take (previous result, form data), the useActionState shape, even when called directly.

const INVALID = "请检查标出的字段。";

/** Public pages change only while the roundup is published; stories published with it expire their own pages. */
function expire(change: roundups.RoundupChange): void {
  expireTags(tagsForRoundupChange(change));
}

function roundupFields(formData: FormData) {
  return { id: formData.get("id") ?? "", title: formData.get("title") ?? "", year: formData.get("year") ?? "", publisher: formData.get("publisher") ?? "", intro: formData.get("intro") ?? "" };
}

export async function createRoundup(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  let id: string;
  try {
    const actor = await requireActor("EDITOR");
    const parsed = roundupInputSchema.safeParse(roundupFields(formData));
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const { id: _ignored, ...input } = parsed.data;
    id = (await roundups.createRoundup(actor, input)).id;
  } catch (error) {
    return failure(error, "createRoundup");
  }
  redirect(`/editor/roundups/${id}`);
}

export async function updateRoundup(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = roundupInputSchema.safeParse(roundupFields(formData));
    if (!parsed.success) return { ok: false, message: INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    const { id, ...input } = parsed.data;
    expire(await roundups.updateRoundup(actor, id, input));
    return { ok: true, message: "榜单信息已保存。" };
  } catch (error) {
    return failure(error, "updateRoundup");
  }
}

export async function addRoundupItem(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = addItemSchema.safeParse({ id: formData.get("id") ?? "", storyId: formData.get("storyId") ?? "" });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? INVALID, fieldErrors: fieldErrorsOf(parsed.error) };
    expire(await roundups.addRoundupItem(actor, parsed.data));
    return { ok: true, message: "已加入榜单。" };
  } catch (error) {
    return failure(error, "addRoundupItem");
  }
}

export async function removeRoundupItem(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = removeItemSchema.safeParse({ id: formData.get("id") ?? "", itemId: formData.get("itemId") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID };
    expire(await roundups.removeRoundupItem(actor, parsed.data));
    return { ok: true, message: "已从榜单移除。" };
  } catch (error) {
    return failure(error, "removeRoundupItem");
  }
}

export async function reorderRoundup(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = reorderSchema.safeParse({ id: formData.get("id") ?? "", itemIds: formData.getAll("itemIds").map(String) });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? INVALID };
    expire(await roundups.reorderRoundup(actor, parsed.data));
    return { ok: true };
  } catch (error) {
    return failure(error, "reorderRoundup");
  }
}

export async function publishRoundup(_prev: ActionResult<{ unpublished: string[] }>, formData: FormData): Promise<ActionResult<{ unpublished: string[] }>> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = publishRoundupSchema.safeParse({ id: formData.get("id") ?? "", publishStories: formData.get("publishStories") ?? undefined });
    if (!parsed.success) return { ok: false, message: INVALID };
    const outcome = await roundups.publishRoundup(actor, parsed.data);
    if (outcome.kind === "needs_confirmation") {
      return { ok: false, message: `榜单中有 ${outcome.unpublished.length} 篇报道尚未发布。确认后将与榜单一起发布：`, data: { unpublished: outcome.unpublished } };
    }
    expire(outcome.change);
    return { ok: true, message: "榜单已发布。" };
  } catch (error) {
    return failure(error, "publishRoundup");
  }
}

export async function unpublishRoundup(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("EDITOR");
    const parsed = roundupIdSchema.safeParse({ id: formData.get("id") ?? "" });
    if (!parsed.success) return { ok: false, message: INVALID };
    expire(await roundups.unpublishRoundup(actor, parsed.data.id));
    return { ok: true, message: "榜单已撤下。" };
  } catch (error) {
    return failure(error, "unpublishRoundup");
  }
}
