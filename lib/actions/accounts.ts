"use server";

import { refresh } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { type ActionResult, failure, fieldErrorsOf } from "@/lib/actions/result";
import { changeRole, createAccount, resetPassword, setAccountActive } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import { changeRoleSchema, createAccountSchema, userTargetSchema } from "@/lib/validation/accounts";

// Admin account management. Account changes show on no public page, so no cache tag is expired;
// refresh() re-renders the admin page the form sits on, so it shows the new state.

export type CreatedAccountData = { email: string; temporaryPassword?: string; inviteUrl?: string; expiresInDays?: number };

export async function createAccountAction(_prev: ActionResult<CreatedAccountData>, formData: FormData): Promise<ActionResult<CreatedAccountData>> {
  try {
    const actor = await requireActor("ADMIN");
    const parsed = createAccountSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "请检查标出的项目。", fieldErrors: fieldErrorsOf(parsed.error) };
    const created = await createAccount(actor, parsed.data);
    const data: CreatedAccountData = { email: created.user.email };
    if (created.temporaryPassword) data.temporaryPassword = created.temporaryPassword;
    if (created.inviteToken) {
      data.inviteUrl = `${getEnv().SITE_URL.replace(/\/+$/, "")}/invite/${created.inviteToken}`;
      data.expiresInDays = 7;
    }
    return { ok: true, message: `已创建账号 ${created.user.email}（${ROLE_LABELS[created.user.role]}）。`, data };
  } catch (error) {
    return failure(error, "createAccountAction");
  }
}

export async function changeRoleAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("ADMIN");
    const parsed = changeRoleSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "请检查标出的项目。", fieldErrors: fieldErrorsOf(parsed.error) };
    const user = await changeRole(actor, parsed.data.userId, parsed.data.role);
    refresh();
    return { ok: true, message: `${user.email} 现在是${ROLE_LABELS[user.role]}。` };
  } catch (error) {
    return failure(error, "changeRoleAction");
  }
}

async function setActive(formData: FormData, active: boolean, context: string): Promise<ActionResult> {
  try {
    const actor = await requireActor("ADMIN");
    const parsed = userTargetSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "请求无效，请刷新页面后重试。", fieldErrors: fieldErrorsOf(parsed.error) };
    const user = await setAccountActive(actor, parsed.data.userId, active);
    refresh();
    return { ok: true, message: active ? `已重新启用 ${user.email}。` : `已停用 ${user.email}，其登录立即失效。` };
  } catch (error) {
    return failure(error, context);
  }
}

export async function deactivateAccountAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  return setActive(formData, false, "deactivateAccountAction");
}

export async function reactivateAccountAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  return setActive(formData, true, "reactivateAccountAction");
}

export async function resetPasswordAction(_prev: ActionResult<{ temporaryPassword: string }>, formData: FormData): Promise<ActionResult<{ temporaryPassword: string }>> {
  try {
    const actor = await requireActor("ADMIN");
    const parsed = userTargetSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "请求无效，请刷新页面后重试。", fieldErrors: fieldErrorsOf(parsed.error) };
    const { user, temporaryPassword } = await resetPassword(actor, parsed.data.userId);
    refresh();
    return { ok: true, message: `已重置 ${user.email} 的密码，其登录立即失效。`, data: { temporaryPassword } };
  } catch (error) {
    return failure(error, "resetPasswordAction");
  }
}
