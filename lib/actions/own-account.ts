"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { defineAction } from "@/lib/actions/safe-action";
import { clientAddress } from "@/lib/auth/client-address";
import { acceptInvite, changeOwnPassword, setPasswordAfterReset, updateOwnName } from "@/lib/data/own-account";
import { getEnv } from "@/lib/env";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { acceptInviteSchema, changePasswordSchema, setNewPasswordSchema, updateProfileSchema } from "@/lib/validation/accounts";

// A user's own account (name, password) and the invite acceptance. Nothing here shows on public pages.

export const updateProfileAction = defineAction({
  name: "updateProfileAction",
  role: "JOURNALIST",
  schema: updateProfileSchema,
  handler: async ({ name }, { actor }) => {
    await updateOwnName(actor, name);
    refresh();
    return { ok: true, message: "姓名已保存。" };
  },
});

export const changePasswordAction = defineAction({
  name: "changePasswordAction",
  role: "JOURNALIST",
  schema: changePasswordSchema,
  handler: async ({ currentPassword, newPassword }, { actor }) => {
    await changeOwnPassword(actor, currentPassword, newPassword, clientAddress(await headers(), getEnv().TRUST_PROXY));
    // Every session of the account ended with the change; sign in again with the new password.
    return { ok: true, redirectTo: "/login?notice=password-changed&callbackUrl=%2Feditor%2Faccount" };
  },
});

export const setNewPasswordAction = defineAction({
  name: "setNewPasswordAction",
  role: "JOURNALIST",
  allowPendingPassword: true,
  schema: setNewPasswordSchema,
  handler: async ({ newPassword, callbackUrl }, { actor }) => {
    await setPasswordAfterReset(actor, newPassword);
    return { ok: true, redirectTo: safeCallbackPath(callbackUrl) };
  },
});

/** Open to signed-out visitors by design: holding the unexpired, unused link is the authorization. */
export const acceptInviteAction = defineAction({
  name: "acceptInviteAction",
  role: "public",
  schema: acceptInviteSchema,
  handler: async ({ token, newPassword }) => {
    const email = await acceptInvite(token, newPassword);
    return { ok: true, redirectTo: `/login?notice=invite-accepted&email=${encodeURIComponent(email)}` };
  },
});
