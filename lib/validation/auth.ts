import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "请输入邮箱。").pipe(z.email("邮箱格式不正确。")),
  password: z.string().min(1, "请输入密码。").max(200, "密码过长。"),
  // Asked for only when the account has two-factor sign-in: a 6-digit code or a recovery code.
  code: z.string().trim().max(32, "验证码过长。").optional(),
});

/** The sign-in check's answer when the account has two-factor sign-in and no code came; the form then asks for one. */
export const SECOND_FACTOR_REQUIRED = "请输入身份验证器中的 6 位验证码，或一个恢复码。";

export type SignInInput = z.infer<typeof signInSchema>;

export const twoFactorCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "请输入身份验证器显示的 6 位数字验证码。"),
});
