"use server";

import { refresh } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { type ActionResult, failure, fieldErrorsOf } from "@/lib/actions/result";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, resetTwoFactor } from "@/lib/data/two-factor";
import { userTargetSchema } from "@/lib/validation/accounts";
import { twoFactorCodeSchema } from "@/lib/validation/auth";

// Two-factor sign-in: a user enrols their own authenticator app (also while enrolment is being
// forced on them); an admin resets someone else's.

export type EnrolmentData = { secret: string; qrDataUrl: string };

export async function beginTwoFactorAction(_prev: ActionResult<EnrolmentData>, _formData: FormData): Promise<ActionResult<EnrolmentData>> {
  try {
    const actor = await requireActor("JOURNALIST", { allowPendingTwoFactor: true });
    const data = await beginTwoFactorEnrolment(actor);
    return { ok: true, message: "请用身份验证器扫描二维码，然后输入它显示的 6 位验证码。", data };
  } catch (error) {
    return failure(error, "beginTwoFactorAction");
  }
}

export async function confirmTwoFactorAction(_prev: ActionResult<{ recoveryCodes: string[] }>, formData: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  try {
    const actor = await requireActor("JOURNALIST", { allowPendingTwoFactor: true });
    const parsed = twoFactorCodeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "请检查标出的项目。", fieldErrors: fieldErrorsOf(parsed.error) };
    const recoveryCodes = await confirmTwoFactorEnrolment(actor, parsed.data.code);
    return { ok: true, message: "两步验证已开启。", data: { recoveryCodes } };
  } catch (error) {
    return failure(error, "confirmTwoFactorAction");
  }
}

export async function resetTwoFactorAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  try {
    const actor = await requireActor("ADMIN");
    const parsed = userTargetSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "请求无效，请刷新页面后重试。", fieldErrors: fieldErrorsOf(parsed.error) };
    const { email } = await resetTwoFactor(actor, parsed.data.userId);
    refresh();
    return { ok: true, message: `已重置 ${email} 的两步验证，其登录立即失效。` };
  } catch (error) {
    return failure(error, "resetTwoFactorAction");
  }
}
