import { describe, expect, it } from "vitest";
import { acceptInviteSchema, accountFilterSchema, changePasswordSchema, createAccountSchema } from "@/lib/validation/accounts";

describe("account form validation", () => {
  it("normalises the e-mail and names each bad field in Chinese", () => {
    expect(createAccountSchema.parse({ email: "  New.Person@Example.COM ", name: " 王五 ", role: "EDITOR", method: "invite" })).toEqual({
      email: "new.person@example.com",
      name: "王五",
      role: "EDITOR",
      method: "invite",
    });
    const bad = createAccountSchema.safeParse({ email: "not-an-email", name: "", role: "OWNER", method: "password" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toEqual({ email: "邮箱格式不正确。", name: "请输入姓名。", role: "请选择有效的角色。" });
  });

  it("asks for 10+ characters and the same new password twice", () => {
    const short = changePasswordSchema.safeParse({ currentPassword: "old", newPassword: "short", confirmPassword: "short" });
    expect(short.error?.issues.map((issue) => issue.message)).toEqual(["密码至少需要 10 个字符。"]);
    const mismatch = acceptInviteSchema.safeParse({ token: "x".repeat(43), newPassword: "long enough 1", confirmPassword: "long enough 2" });
    expect(mismatch.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["confirmPassword", "两次输入的新密码不一致。"]]);
  });

  it("reads list filters from a URL, ignoring values it doesn't know", () => {
    expect(accountFilterSchema.parse({ q: "  ", role: "OWNER", active: "no", page: "3" })).toEqual({ q: undefined, role: undefined, active: "no", page: 3 });
    expect(accountFilterSchema.parse({ page: "-4" }).page).toBe(1);
  });
});
