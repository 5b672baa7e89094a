import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "请输入邮箱。").pipe(z.email("邮箱格式不正确。")),
  password: z.string().min(1, "请输入密码。").max(200, "密码过长。"),
});

export type SignInInput = z.infer<typeof signInSchema>;
