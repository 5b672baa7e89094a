import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "请输入邮箱。").pipe(z.email("邮箱格式不正确。")),
  password: z.string().min(1, "请输入密码。").max(200, "密码过长。"),
  // Asked for only when the account has two-factor sign-in: a 6-digit code or a recovery code.
  code: z.string().trim().max(32, "验证码过长。").optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const twoFactorCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "请输入身份验证器显示的 6 位数字验证码。"),
});
