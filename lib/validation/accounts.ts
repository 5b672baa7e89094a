import { z } from "zod";
import { queryText } from "@/lib/validation/text";

const ROLES = ["JOURNALIST", "EDITOR", "ADMIN"] as const;

export const emailSchema = z.string().trim().toLowerCase().min(1, "请输入邮箱。").max(200, "邮箱过长。").pipe(z.email("邮箱格式不正确。"));
export const nameSchema = z.string().trim().min(1, "请输入姓名。").max(60, "姓名不能超过 60 个字。");
export const roleSchema = z.enum(ROLES, { error: "请选择有效的角色。" });
// Length over composition rules (NIST SP 800-63B): at least 10 characters, at most 200.
export const newPasswordSchema = z.string().min(10, "密码至少需要 10 个字符。").max(200, "密码不能超过 200 个字符。");
export const userIdSchema = z.string().trim().min(1, "缺少账号编号。").max(40, "账号编号无效。");

function confirmed<T extends { newPassword: string; confirmPassword: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.newPassword !== value.confirmPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "两次输入的新密码不一致。" });
  }
}

export const createAccountSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  method: z.enum(["password", "invite"], { error: "请选择开通方式。" }),
});

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const userTargetSchema = z.object({ userId: userIdSchema });

export const updateProfileSchema = z.object({ name: nameSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码。").max(200, "密码过长。"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .superRefine(confirmed);

/** The forced change after a reset: the temporary password was just typed at sign-in, so only the new one is asked. */
export const setNewPasswordSchema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string(), callbackUrl: z.string().max(2000).catch("").default("") })
  .superRefine(confirmed);

export const acceptInviteSchema = z
  .object({ token: z.string().min(20, "邀请链接无效。").max(100, "邀请链接无效。"), newPassword: newPasswordSchema, confirmPassword: z.string() })
  .superRefine(confirmed);

const optionalText = queryText(200);

export const accountFilterSchema = z.object({
  q: optionalText,
  role: z.enum(ROLES).optional().catch(undefined),
  active: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

// Data functions take any subset of the filters; only the page number is always known.
type Filter<T extends { page: number }> = { [K in Exclude<keyof T, "page">]?: T[K] } & { page: number };
export type AccountFilter = Filter<z.infer<typeof accountFilterSchema>>;
