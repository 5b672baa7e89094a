import { afterAll, describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DUMMY_PASSWORD_HASH, findSessionUser, verifyCredentials } from "@/lib/data/auth";
import { SIGN_IN_LIMITS, accountDelayMs } from "@/lib/data/throttle";
import { createUser } from "./support/fixtures";
import { uniqueId } from "./support/db";

// The real argon2 check, observed: which hash each sign-in was checked against.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

/** A fresh client address per test, so no test shares a throttle counter with another. */
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${uniqueId("ip")}`;
const noSleep = async () => undefined;

describe("sign-in against the database", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("accepts the right password, records the sign-in, and refuses a wrong one without saying which part was wrong", async () => {
    const user = await createUser(db, { role: "EDITOR", password: "right password 1" });
    const ip = address();
    const claims = await verifyCredentials(user.email, "right password 1", ip);
    expect(claims).toEqual({ id: user.id, role: "EDITOR", sessionVersion: 1 });

    await expect(verifyCredentials(user.email, "wrong", ip)).rejects.toThrow("邮箱或密码不正确。");
    await expect(verifyCredentials("nobody-here@test.roundup.local", "wrong", ip)).rejects.toThrow("邮箱或密码不正确。");

    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.login", "auth.login_failed"]);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const user = await createUser(db, { active: false, password: "right password 2" });
    await expect(verifyCredentials(user.email, "right password 2", address())).rejects.toThrow("邮箱或密码不正确。");
  });

  it("checks a password against a fixed dummy hash when the account is missing or deactivated, so refusals take as long", async () => {
    const verify = vi.mocked(password.verifyPassword);
    const inactive = await createUser(db, { active: false, password: "right password 5" });
    const active = await createUser(db, { password: "right password 6" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: active.id }, select: { passwordHash: true } });

    verify.mockClear();
    await expect(verifyCredentials(`${uniqueId("missing")}@test.roundup.local`, "guess", address())).rejects.toThrow("邮箱或密码不正确。");
    await expect(verifyCredentials(inactive.email, "right password 5", address())).rejects.toThrow("邮箱或密码不正确。");
    await expect(verifyCredentials(active.email, "guess", address())).rejects.toThrow("邮箱或密码不正确。");
    expect(verify.mock.calls.map(([hash]) => hash)).toEqual([DUMMY_PASSWORD_HASH, DUMMY_PASSWORD_HASH, stored.passwordHash]);
    // The dummy is a real argon2id hash of the same cost, not a string argon2 rejects at once.
    expect(DUMMY_PASSWORD_HASH).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it(`throttles one account from one address after ${SIGN_IN_LIMITS.perAccountAddress} attempts, while the owner elsewhere still signs in`, async () => {
    const user = await createUser(db, { password: "right password 3" });
    const attacker = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress; i++) {
      await expect(verifyCredentials(user.email, "nope", attacker)).rejects.toThrow("邮箱或密码不正确。");
    }
    await expect(verifyCredentials(user.email, "right password 3", attacker)).rejects.toThrow("登录失败次数过多，请 15 分钟后再试。");
    await expect(verifyCredentials(user.email, "right password 3", address())).resolves.toMatchObject({ id: user.id });
  });

  it("a correct password clears the count for its account and address", async () => {
    const user = await createUser(db, { password: "right password 7" });
    const ip = address();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress - 1; i++) await expect(verifyCredentials(user.email, "nope", ip)).rejects.toThrow("邮箱或密码不正确。");
      await expect(verifyCredentials(user.email, "right password 7", ip)).resolves.toMatchObject({ id: user.id });
    }
  });

  it(`slows password spraying: one address gets ${SIGN_IN_LIMITS.perAddress} attempts over all accounts`, async () => {
    const sprayer = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await expect(verifyCredentials(`${uniqueId("spray")}@test.roundup.local`, "Password1", sprayer)).rejects.toThrow("邮箱或密码不正确。");
    }
    await expect(verifyCredentials(`${uniqueId("spray")}@test.roundup.local`, "Password1", sprayer)).rejects.toThrow("登录失败次数过多");
  });

  it("slows guesses at one account from many addresses with a growing wait, never a lock: the owner gets in", async () => {
    const user = await createUser(db, { password: "right password 4" });
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < SIGN_IN_LIMITS.accountSlowAfter + 3; i++) {
      await expect(verifyCredentials(user.email, "nope", address(), { sleep })).rejects.toThrow("邮箱或密码不正确。");
    }
    expect(waits).toEqual([250, 500, 1000]);
    await expect(verifyCredentials(user.email, "right password 4", address(), { sleep })).resolves.toMatchObject({ id: user.id });
    expect(waits.at(-1)).toBe(2000);
    expect(accountDelayMs(1000)).toBe(SIGN_IN_LIMITS.accountMaxDelayMs);
    await expect(verifyCredentials(user.email, "right password 4", address(), { sleep: noSleep })).resolves.toMatchObject({ id: user.id });
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
