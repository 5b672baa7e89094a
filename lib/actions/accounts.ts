"use server";

import { refresh } from "next/cache";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { defineAction } from "@/lib/actions/safe-action";
import { changeRole, createAccount, resetPassword, setAccountActive } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import { changeRoleSchema, createAccountSchema, userTargetSchema } from "@/lib/validation/accounts";

// Admin account management. Account changes show on no public page, so no cache tag is expired;
// refresh() re-renders the admin page the form sits on, so it shows the new state.

export type CreatedAccountData = { email: string; temporaryPassword?: string; inviteUrl?: string; expiresInDays?: number };

const BAD_TARGET = "请求无效，请刷新页面后重试。";

export const createAccountAction = defineAction<typeof createAccountSchema, CreatedAccountData>({
  name: "createAccountAction",
  role: "ADMIN",
  schema: createAccountSchema,
  handler: async (input, { actor }) => {
    const created = await createAccount(actor, input);
    const data: CreatedAccountData = { email: created.user.email };
    if (created.temporaryPassword) data.temporaryPassword = created.temporaryPassword;
    if (created.inviteToken) {
      data.inviteUrl = `${getEnv().SITE_URL.replace(/\/+$/, "")}/invite/${created.inviteToken}`;
      data.expiresInDays = 7;
    }
    return { ok: true, message: `已创建账号 ${created.user.email}（${ROLE_LABELS[created.user.role]}）。`, data };
  },
});

export const changeRoleAction = defineAction({
  name: "changeRoleAction",
  role: "ADMIN",
  schema: changeRoleSchema,
  handler: async ({ userId, role }, { actor }) => {
    const user = await changeRole(actor, userId, role);
    refresh();
    return { ok: true, message: `${user.email} 现在是${ROLE_LABELS[user.role]}。` };
  },
});

export const deactivateAccountAction = defineAction({
  name: "deactivateAccountAction",
  role: "ADMIN",
  schema: userTargetSchema,
  invalidMessage: BAD_TARGET,
  handler: async ({ userId }, { actor }) => {
    const user = await setAccountActive(actor, userId, false);
    refresh();
    return { ok: true, message: `已停用 ${user.email}，其登录立即失效。` };
  },
});

export const reactivateAccountAction = defineAction({
  name: "reactivateAccountAction",
  role: "ADMIN",
  schema: userTargetSchema,
  invalidMessage: BAD_TARGET,
  handler: async ({ userId }, { actor }) => {
    const user = await setAccountActive(actor, userId, true);
    refresh();
    return { ok: true, message: `已重新启用 ${user.email}。` };
  },
});

export const resetPasswordAction = defineAction<typeof userTargetSchema, { temporaryPassword: string }>({
  name: "resetPasswordAction",
  role: "ADMIN",
  schema: userTargetSchema,
  invalidMessage: BAD_TARGET,
  handler: async ({ userId }, { actor }) => {
    const { user, temporaryPassword } = await resetPassword(actor, userId);
    refresh();
    return { ok: true, message: `已重置 ${user.email} 的密码，其登录立即失效。`, data: { temporaryPassword } };
  },
});
