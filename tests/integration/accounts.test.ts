import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { findSessionUser, verifyCredentials } from "@/lib/data/auth";
import { acceptInvite, changeOwnPassword, findOpenInvite, setPasswordAfterReset } from "@/lib/data/own-account";
import { changeRole, createAccount, hashInviteToken, listAccounts, resetPassword, setAccountActive } from "@/lib/data/users";
import { db } from "@/lib/db";
import { createUser } from "./support/fixtures";

type Row = Awaited<ReturnType<typeof createUser>>;
const asActor = (user: Row): Actor => ({ id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword });
const claimsOf = async (id: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { id } });
  return { id, role: user.role, sessionVersion: user.sessionVersion };
};

describe("account management against the database", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("creates an account with a temporary password that must be replaced at first sign-in", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const email = `temp-${Date.now()}@test.roundup.local`;
    const created = await createAccount(admin, { email, name: "临时密码同事", role: "EDITOR", method: "password" });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(created.inviteToken).toBeUndefined();

    const claims = await verifyCredentials(email, created.temporaryPassword ?? "", "10.1.0.1");
    expect(await findSessionUser(claims)).toMatchObject({ email, role: "EDITOR", mustChangePassword: true });
    await expect(createAccount(admin, { email, name: "重复", role: "JOURNALIST", method: "password" })).rejects.toThrow("这个邮箱已有账号。");

    const events = await db.auditEvent.findMany({ where: { entityId: created.user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["user.create", admin.id],
      ["auth.login", created.user.id],
    ]);
  });

  it("creates an invite link that stores only a hash, works once, and not after it expires", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const email = `invite-${Date.now()}@test.roundup.local`;
    const { inviteToken, user } = await createAccount(admin, { email, name: "受邀同事", role: "JOURNALIST", method: "invite" });
    const token = inviteToken ?? "";
    expect(await db.invite.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.invite.count({ where: { tokenHash: hashInviteToken(token) } })).toBe(1);
    await expect(verifyCredentials(email, "anything at all", "10.1.0.2")).rejects.toThrow("邮箱或密码不正确。");

    expect(await findOpenInvite(token)).toEqual({ email, name: "受邀同事" });
    expect(await acceptInvite(token, "my chosen password")).toBe(email);
    await expect(acceptInvite(token, "a second try here")).rejects.toThrow("邀请链接无效或已过期");
    expect(await findOpenInvite(token)).toBeNull();
    expect(await verifyCredentials(email, "my chosen password", "10.1.0.2")).toMatchObject({ id: user.id });

    const late = await createAccount(admin, { email: `late-${email}`, name: "迟到", role: "JOURNALIST", method: "invite" });
    await db.invite.update({ where: { tokenHash: hashInviteToken(late.inviteToken ?? "") }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvite(late.inviteToken ?? "", "too late password")).rejects.toThrow("邀请链接无效或已过期");
  });

  it("role changes, deactivation and password resets end the user's session at once; reactivation needs a new sign-in", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const editor = await createUser(db, { role: "EDITOR", password: "editor password 1" });
    let claims = await claimsOf(editor.id);
    await changeRole(admin, editor.id, "JOURNALIST");
    expect(await findSessionUser(claims)).toBeNull();

    claims = await claimsOf(editor.id);
    await setAccountActive(admin, editor.id, false);
    expect(await findSessionUser(claims)).toBeNull();
    await expect(verifyCredentials(editor.email, "editor password 1", "10.1.0.3")).rejects.toThrow("邮箱或密码不正确。");
    await setAccountActive(admin, editor.id, true);
    expect(await findSessionUser(claims)).toBeNull();

    claims = await claimsOf(editor.id);
    const { temporaryPassword } = await resetPassword(admin, editor.id);
    expect(await findSessionUser(claims)).toBeNull();
    await expect(verifyCredentials(editor.email, "editor password 1", "10.1.0.3")).rejects.toThrow("邮箱或密码不正确。");
    const fresh = await verifyCredentials(editor.email, temporaryPassword, "10.1.0.3");
    const pending = await findSessionUser(fresh);
    expect(pending).toMatchObject({ mustChangePassword: true });
    await setPasswordAfterReset(pending, "my new password 1");
    expect(await findSessionUser(fresh)).toMatchObject({ mustChangePassword: false });

    const actions = await db.auditEvent.findMany({ where: { entityId: editor.id, actorId: admin.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["user.role_change", "user.deactivate", "user.reactivate", "user.password_reset"]);
  });

  it("changing one's own password needs the current one and signs every session out", async () => {
    const user = await createUser(db, { password: "old password 12" });
    const claims = await claimsOf(user.id);
    await expect(changeOwnPassword(asActor(user), "not my password", "new password 12", "10.9.0.1")).rejects.toThrow("当前密码不正确。");
    await changeOwnPassword(asActor(user), "old password 12", "new password 12", "10.9.0.1");
    expect(await findSessionUser(claims)).toBeNull();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash, "new password 12")).toBe(true);
  });

  it("throttles guesses at the current password on the own-account page", async () => {
    const user = await createUser(db, { password: "old password 13" });
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(asActor(user), `guess ${i}`, "new password 13", "10.9.0.2")).rejects.toThrow("当前密码不正确。");
    }
    await expect(changeOwnPassword(asActor(user), "old password 13", "new password 13", "10.9.0.2")).rejects.toThrow("当前密码验证失败次数过多");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(stored.passwordHash, "old password 13")).toBe(true);
  });

  it("keeps the last active admin: no demotion, no deactivation, not even by two admins at once", async () => {
    // Leave exactly two active admins in this database so the guard has something to count.
    await db.user.updateMany({ where: { role: "ADMIN", active: true }, data: { active: false } });
    const first = asActor(await createUser(db, { role: "ADMIN" }));
    const second = asActor(await createUser(db, { role: "ADMIN" }));

    await expect(setAccountActive(first, first.id, false)).rejects.toThrow("不能停用自己的账号。");
    // Each demotes the other at the same moment: the row lock lets one through, the other sees the last admin.
    const results = await Promise.allSettled([changeRole(first, second.id, "EDITOR"), changeRole(second, first.id, "EDITOR")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(String((refused as PromiseRejectedResult).reason)).toContain("最后一个在用的管理员");

    const remaining = await db.user.findFirstOrThrow({ where: { role: "ADMIN", active: true } });
    const other = asActor(await createUser(db, { role: "EDITOR" }));
    await expect(changeRole(asActor(remaining), remaining.id, "JOURNALIST")).rejects.toThrow("最后一个在用的管理员");
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    await expect(setAccountActive(other, remaining.id, false)).rejects.toThrow("你没有权限执行此操作。");
  });

  it("lists accounts by search, role and status, for admins only", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const target = await createUser(db, { role: "EDITOR", active: false });
    const found = await listAccounts(admin, { q: target.email.slice(0, 12).toUpperCase(), role: "EDITOR", active: "no", page: 1 });
    expect(found.rows.map((row) => row.id)).toEqual([target.id]);
    expect((await listAccounts(admin, { q: target.email, active: "yes", page: 1 })).rows).toEqual([]);
    await expect(listAccounts(asActor(target), { page: 1 })).rejects.toThrow("你没有权限执行此操作。");
  });
});
