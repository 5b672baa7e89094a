import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { THROTTLE_LIMIT, findSessionUser, verifyCredentials } from "@/lib/data/auth";
import { createUser } from "./support/fixtures";

describe("sign-in against the database", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("accepts the right password, records the sign-in, and refuses a wrong one without saying which part was wrong", async () => {
    const user = await createUser(db, { role: "EDITOR", password: "right password 1" });
    const claims = await verifyCredentials(user.email, "right password 1", "10.0.0.1");
    expect(claims).toEqual({ id: user.id, role: "EDITOR", sessionVersion: 1 });

    await expect(verifyCredentials(user.email, "wrong", "10.0.0.1")).rejects.toThrow("邮箱或密码不正确。");
    await expect(verifyCredentials("nobody-here@test.roundup.local", "wrong", "10.0.0.1")).rejects.toThrow("邮箱或密码不正确。");

    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.login", "auth.login_failed"]);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await createUser(db, { active: false, password: "right password 2" });
    await expect(verifyCredentials(user.email, "right password 2", "10.0.0.2")).rejects.toThrow("邮箱或密码不正确。");
  });

  it(`throttles one account from one address after ${THROTTLE_LIMIT} failures, but not from another address`, async () => {
    const user = await createUser(db, { password: "right password 3" });
    for (let i = 0; i < THROTTLE_LIMIT; i++) {
      await expect(verifyCredentials(user.email, "nope", "10.0.0.3")).rejects.toThrow("邮箱或密码不正确。");
    }
    await expect(verifyCredentials(user.email, "right password 3", "10.0.0.3")).rejects.toThrow("登录失败次数过多");
    await expect(verifyCredentials(user.email, "right password 3", "10.0.0.4")).resolves.toMatchObject({ id: user.id });
  });

  it("ends a session on the next request after deactivation or a role change", async () => {
    const user = await createUser(db, { role: "EDITOR" });
    const claims = { id: user.id, role: user.role, sessionVersion: user.sessionVersion };
    expect(await findSessionUser(claims)).toMatchObject({ id: user.id, role: "EDITOR" });

    await db.user.update({ where: { id: user.id }, data: { role: "JOURNALIST", sessionVersion: { increment: 1 } } });
    expect(await findSessionUser(claims)).toBeNull();

    const fresh = { ...claims, sessionVersion: claims.sessionVersion + 1 };
    expect(await findSessionUser(fresh)).toMatchObject({ role: "JOURNALIST" });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await findSessionUser(fresh)).toBeNull();
  });
});
