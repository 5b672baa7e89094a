import crypto from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/roles";
import { findSessionUser, verifyCredentials } from "@/lib/data/auth";
import { acceptInvite, changeOwnPassword, findOpenInvite, setPasswordAfterReset } from "@/lib/data/own-account";
import { changeRole, createAccount, hashInviteToken, resetPassword, sameTokenHash, setAccountActive } from "@/lib/data/users";
import { db } from "@/lib/db";
import { createUser } from "../integration/support/fixtures";
import { uniqueId } from "../integration/support/db";

// Issue 9 item 2 (and the invite half of 12): every credential event withdraws every older way into
// the account, and a bogus invite post is refused before any password hashing.

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});

const INVALID = "邀请链接无效或已过期";
const asActor = (user: { id: string; name: string; email: string; role: Actor["role"]; mustChangePassword: boolean }): Actor => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  mustChangePassword: user.mustChangePassword,
});
const address = () => `198.51.100.${uniqueId("ip")}`;
const reload = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

async function invitedAccount(admin: Actor) {
  const email = `${uniqueId("invited")}@test.roundup.local`;
  const created = await createAccount(admin, { email, name: "受邀同事", role: "JOURNALIST", method: "invite" });
  return { email, token: created.inviteToken ?? "", user: created.user };
}

async function temporaryAccount(admin: Actor) {
  const email = `${uniqueId("temporary")}@test.roundup.local`;
  const created = await createAccount(admin, { email, name: "临时同事", role: "JOURNALIST", method: "password" });
  return { email, temporaryPassword: created.temporaryPassword ?? "", user: created.user };
}

describe("invite links and temporary passwords", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("the reported takeover: an old invite link is dead after a reset and the owner's own password", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const { email, token, user } = await invitedAccount(admin);
    const { temporaryPassword } = await resetPassword(admin, user.id);
    const claims = await verifyCredentials(email, temporaryPassword, address());
    const owner = await findSessionUser(claims);
    expect(owner).not.toBeNull();
    await setPasswordAfterReset(owner, "the owner's own password");

    expect(await findOpenInvite(token)).toBeNull();
    await expect(acceptInvite(token, "attacker's password 1")).rejects.toThrow(INVALID);
    // Nothing changed: the owner still signs in with their own password and stays signed in.
    await expect(verifyCredentials(email, "the owner's own password", address())).resolves.toMatchObject({ id: user.id });
    expect(await findSessionUser(claims)).not.toBeNull();
  });

  it.each([
    ["a role change", (admin: Actor, id: string) => changeRole(admin, id, "EDITOR")],
    ["a deactivation", (admin: Actor, id: string) => setAccountActive(admin, id, false)],
    ["a password reset", (admin: Actor, id: string) => resetPassword(admin, id)],
  ])("%s revokes an outstanding invite", async (_event, credentialEvent) => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const { token, user } = await invitedAccount(admin);
    await credentialEvent(admin, user.id);
    await expect(acceptInvite(token, "too late password")).rejects.toThrow(INVALID);
    expect(await db.invite.findUniqueOrThrow({ where: { tokenHash: hashInviteToken(token) } })).toMatchObject({ usedAt: null, revokedAt: expect.any(Date) });
  });

  it.each([
    ["a role change", (admin: Actor, id: string) => changeRole(admin, id, "EDITOR")],
    ["a deactivation and reactivation", async (admin: Actor, id: string) => {
      await setAccountActive(admin, id, false);
      await setAccountActive(admin, id, true);
    }],
  ])("%s withdraws a temporary password nobody has used yet", async (_event, credentialEvent) => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const { email, temporaryPassword, user } = await temporaryAccount(admin);
    await credentialEvent(admin, user.id);
    await expect(verifyCredentials(email, temporaryPassword, address())).rejects.toThrow("邮箱或密码不正确。");
  });

  it("a new temporary password replaces the old one", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const { email, temporaryPassword, user } = await temporaryAccount(admin);
    const second = await resetPassword(admin, user.id);
    await expect(verifyCredentials(email, temporaryPassword, address())).rejects.toThrow("邮箱或密码不正确。");
    await expect(verifyCredentials(email, second.temporaryPassword, address())).resolves.toMatchObject({ id: user.id });
  });

  it("accepting one invite, or changing one's password, revokes every other open invite of the account", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const { email, token, user } = await invitedAccount(admin);
    const second = crypto.randomBytes(32).toString("base64url");
    const third = crypto.randomBytes(32).toString("base64url");
    const inviteRow = (raw: string) => ({ tokenHash: hashInviteToken(raw), email, name: "受邀同事", role: "JOURNALIST" as const, expiresAt: new Date(Date.now() + 60_000), createdById: admin.id });
    await db.invite.create({ data: inviteRow(second) });
    await acceptInvite(token, "my chosen password 1");
    await expect(acceptInvite(second, "someone else's password")).rejects.toThrow(INVALID);

    await db.invite.create({ data: inviteRow(third) });
    await changeOwnPassword(asActor(await reload(user.id)), "my chosen password 1", "my chosen password 2", address());
    await expect(acceptInvite(third, "someone else's password")).rejects.toThrow(INVALID);
  });

  it("checks the token before hashing a password: a bogus post costs no argon2", async () => {
    const hash = vi.mocked(password.hashPassword);
    hash.mockClear();
    for (const bogus of [crypto.randomBytes(32).toString("base64url"), "", "x".repeat(5000), "../../etc"]) {
      await expect(acceptInvite(bogus, "a long enough password")).rejects.toThrow(INVALID);
    }
    expect(hash).not.toHaveBeenCalled();
  });

  it("compares token hashes in constant time, and only equal hashes match", () => {
    const spy = vi.spyOn(crypto, "timingSafeEqual");
    const a = hashInviteToken("one token");
    expect(sameTokenHash(a, a)).toBe(true);
    expect(sameTokenHash(a, hashInviteToken("another token"))).toBe(false);
    expect(sameTokenHash(a, "abcd")).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
