"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { requireActor } from "@/lib/auth/session";
import { type ActionResult, failure, fieldErrorsOf } from "@/lib/actions/result";
import { acceptInvite, changeOwnPassword, setPasswordAfterReset, updateOwnName } from "@/lib/data/own-account";
import { getEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { acceptInviteSchema, changePasswordSchema, setNewPasswordSchema, updateProfileSchema } from "@/lib/validation/accounts";

// A user's own account (name, password) and the invite acceptance. Nothing here shows on public pages.

const CHECK_FIELDS = "请检查标出的项目。";

export async function updateProfileAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor();
    const parsed = updateProfileSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) };
    await updateOwnName(actor, parsed.data.name);
    refresh();
    return { ok: true, message: "姓名已保存。" };
  } catch (error) {
    return failure(error, "updateProfileAction");
  }
}

export async function changePasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor();
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) };
    await changeOwnPassword(actor, parsed.data.currentPassword, parsed.data.newPassword, clientAddress(await headers(), getEnv().TRUST_PROXY));
  } catch (error) {
    return failure(error, "changePasswordAction");
  }
  // Every session of the account ended with the change; sign in again with the new password.
  redirect("/login?notice=password-changed&callbackUrl=%2Feditor%2Faccount");
}

export async function setNewPasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const destination = safeCallbackPath(String(formData.get("callbackUrl") ?? ""));
  try {
    const actor = await requireActor("JOURNALIST", { allowPendingPassword: true });
    const parsed = setNewPasswordSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) };
    await setPasswordAfterReset(actor, parsed.data.newPassword);
  } catch (error) {
    return failure(error, "setNewPasswordAction");
  }
  redirect(destination);
}

/** Open to signed-out visitors by design: holding the unexpired, unused link is the authorization. */
export async function acceptInviteAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  let email: string;
  try {
    const parsed = acceptInviteSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: CHECK_FIELDS, fieldErrors: fieldErrorsOf(parsed.error) };
    email = await acceptInvite(parsed.data.token, parsed.data.newPassword);
  } catch (error) {
    return failure(error, "acceptInviteAction");
  }
  redirect(`/login?notice=invite-accepted&email=${encodeURIComponent(email)}`);
}
