import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getAuthOptions } from "@/lib/auth/options";
import { requireActor } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createUser } from "../integration/support/fixtures";

// Issue 9 item 11: a deactivated account's cookie. /api/auth/session (next-auth's session route,
// which runs the session callback) must answer with no session, and the account's next action must
// say it was deactivated rather than "please sign in".

const request = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: (name: string) => (request.cookie && name === "next-auth.session-token" ? { name, value: request.cookie } : undefined) }),
}));

function tokenFor(user: { id: string; role: "JOURNALIST" | "EDITOR" | "ADMIN"; sessionVersion: number }) {
  return { uid: user.id, role: user.role, sv: user.sessionVersion };
}

describe("a deactivated account's session", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("the session callback gives a live account its session and a deactivated one none", async () => {
    const user = await createUser(db, { role: "EDITOR" });
    const callback = getAuthOptions().callbacks?.session;
    if (!callback) throw new Error("no session callback");
    const token = tokenFor(user);
    const session = { expires: new Date(Date.now() + 60_000).toISOString(), user: {} };
    // next-auth's type joins the database-session parameters in; with JWT sessions only these two come.
    const call = () => callback({ session, token } as unknown as Parameters<typeof callback>[0]);
    await expect(call()).resolves.toMatchObject({ user: { id: user.id, role: "EDITOR" } });

    await db.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    // next-auth answers {} (and clears the cookie) when the callback throws.
    await expect(call()).rejects.toThrow();
  });

  it("its next action is told the account is deactivated; a cookie of a live but signed-out session is told to sign in", async () => {
    const user = await createUser(db, { role: "EDITOR" });
    request.cookie = await encode({ token: tokenFor(user), secret: getEnv().AUTH_SECRET });
    await db.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    await expect(requireActor()).rejects.toThrow("账号已停用，请联系管理员。");

    const other = await createUser(db, { role: "EDITOR" });
    request.cookie = await encode({ token: tokenFor(other), secret: getEnv().AUTH_SECRET });
    await db.user.update({ where: { id: other.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(requireActor()).rejects.toThrow("请先登录。");
    request.cookie = undefined;
    await expect(requireActor()).rejects.toThrow("请先登录。");
  });
});
