"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, resetTwoFactor } from "@/lib/data/two-factor";
import { userTargetSchema } from "@/lib/validation/accounts";
import { twoFactorCodeSchema } from "@/lib/validation/auth";

// Two-factor sign-in: a user enrols their own authenticator app (also while enrolment is being
// forced on them); an admin resets someone else's.

export type EnrolmentData = { secret: string; qrDataUrl: string };

const noInput = z.object({});

export const beginTwoFactorAction = defineAction<typeof noInput, EnrolmentData>({
  name: "beginTwoFactorAction",
  role: "JOURNALIST",
  allowPendingTwoFactor: true,
  schema: noInput,
  handler: async (_input, { actor }) => {
    const data = await beginTwoFactorEnrolment(actor);
    return { ok: true, message: "请用身份验证器扫描二维码，然后输入它显示的 6 位验证码。", data };
  },
});

export const confirmTwoFactorAction = defineAction<typeof twoFactorCodeSchema, { recoveryCodes: string[] }>({
  name: "confirmTwoFactorAction",
  role: "JOURNALIST",
  allowPendingTwoFactor: true,
  schema: twoFactorCodeSchema,
  handler: async ({ code }, { actor }) => {
    const recoveryCodes = await confirmTwoFactorEnrolment(actor, code);
    return { ok: true, message: "两步验证已开启。", data: { recoveryCodes } };
  },
});

export const resetTwoFactorAction = defineAction({
  name: "resetTwoFactorAction",
  role: "ADMIN",
  schema: userTargetSchema,
  invalidMessage: "请求无效，请刷新页面后重试。",
  handler: async ({ userId }, { actor }) => {
    const { email } = await resetTwoFactor(actor, userId);
    refresh();
    return { ok: true, message: `已重置 ${email} 的两步验证，其登录立即失效。` };
  },
});
