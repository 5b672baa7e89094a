import { generate } from "otplib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { TWO_FACTOR_ENROLMENT_REQUIRED, requireActor } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { findSessionUser, verifyCredentials } from "@/lib/data/auth";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, getTwoFactorStatus, resetTwoFactor } from "@/lib/data/two-factor";
import { db } from "@/lib/db";
import { SECOND_FACTOR_REQUIRED } from "@/lib/validation/auth";
import { createUser } from "./support/fixtures";
import { uniqueId } from "./support/db";

// TWO_FACTOR_REQUIRED, switchable per test (the real getEnv caches the environment).
const setting = vi.hoisted(() => ({ required: "none" as "none" | "admin" | "editor" }));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, getEnv: () => ({ ...actual.getEnv(), TWO_FACTOR_REQUIRED: setting.required }) };
});

// The session of the request, as the authorization matrix fakes it (there is no request in vitest).
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; role: string; sv: number } } }));
vi.mock("@/lib/auth/session-token", () => ({
  readSessionClaims: async () => session.current && { id: session.current.user.id, role: session.current.user.role, sessionVersion: session.current.user.sv },
}));

const PASSWORD = "two factor password";
const address = () => `192.0.2.${uniqueId("ip")}`;
const asActor = (user: { id: string; name: string; email: string; role: Actor["role"] }): Actor => ({ ...user, mustChangePassword: false });
/** The code an authenticator shows `steps` periods of 30 s from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function enrolled(role: Actor["role"] = "EDITOR") {
  const user = await createUser(db, { role, password: PASSWORD });
  const actor = asActor(user);
  const { secret, qrDataUrl } = await beginTwoFactorEnrolment(actor);
  const recoveryCodes = await confirmTwoFactorEnrolment(actor, await codeAt(secret));
  return { user, actor, secret, qrDataUrl, recoveryCodes };
}

describe("two-factor sign-in", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("enrols with a QR code and a code from the app, storing the secret encrypted and the recovery codes hashed", async () => {
    const user = await createUser(db, { password: PASSWORD });
    const actor = asActor(user);
    const { secret, qrDataUrl } = await beginTwoFactorEnrolment(actor);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrDataUrl.split(",")[1] ?? "", "base64").toString()).toContain("<svg");

    await expect(confirmTwoFactorEnrolment(actor, "000000")).rejects.toThrow("验证码不正确");
    expect(await getTwoFactorStatus(actor)).toMatchObject({ enabled: false });
    const recoveryCodes = await confirmTwoFactorEnrolment(actor, await codeAt(secret));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await getTwoFactorStatus(actor)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    // Never selected by default, never stored in the clear.
    const plain = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(plain).not.toHaveProperty("totpSecret");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    expect(stored.totpSecret).toMatch(/^v1\./);
    expect(stored.totpSecret).not.toContain(secret);
    const hashes = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    for (const code of recoveryCodes) expect(hashes.map((row) => row.codeHash)).not.toContain(code.replace("-", ""));
    await expect(beginTwoFactorEnrolment(actor)).rejects.toThrow("两步验证已经开启");
  });

  it("asks for a code after the right password, refuses a wrong one, accepts a right one once", async () => {
    const { user, secret } = await enrolled();
    await expect(verifyCredentials(user.email, PASSWORD, address())).rejects.toThrow(SECOND_FACTOR_REQUIRED);
    await expect(verifyCredentials(user.email, "wrong password", address(), { code: await codeAt(secret, 1) })).rejects.toThrow("邮箱或密码不正确。");
    // The enrolment used this period's code; the next period's is still within the allowed drift.
    const next = await codeAt(secret, 1);
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: next === "123456" ? "654321" : "123456" })).rejects.toThrow("验证码不正确");
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: next })).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: next })).rejects.toThrow("验证码不正确");
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: await codeAt(secret) })).rejects.toThrow("验证码不正确");
  });

  it("accepts each recovery code once, typed in any case and with or without its dash", async () => {
    const { user, actor, recoveryCodes } = await enrolled();
    const [first = "", second = ""] = recoveryCodes;
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: first.toUpperCase() })).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: first })).rejects.toThrow("验证码不正确");
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: second.replace("-", "") })).resolves.toMatchObject({ id: user.id });
    expect(await getTwoFactorStatus(actor)).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it("throttles code guesses per account: after 5 wrong codes even a right one waits", async () => {
    const { user, secret } = await enrolled();
    const right = await codeAt(secret, 1);
    const wrong = right === "111111" ? "222222" : "111111";
    for (let i = 0; i < 5; i++) await expect(verifyCredentials(user.email, PASSWORD, address(), { code: wrong })).rejects.toThrow("验证码不正确");
    await expect(verifyCredentials(user.email, PASSWORD, address(), { code: right })).rejects.toThrow("验证码失败次数过多");
  });

  it("lets an admin reset someone's second factor: audited, sessions ended, enrolment again when required", async () => {
    const admin = asActor(await createUser(db, { role: "ADMIN" }));
    const { user, actor } = await enrolled("EDITOR");
    const claims = { id: user.id, role: user.role, sessionVersion: user.sessionVersion };
    await expect(resetTwoFactor(actor, user.id)).rejects.toThrow("你没有权限");
    await resetTwoFactor(admin, user.id);

    expect(await findSessionUser(claims)).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.findFirst({ where: { entityId: user.id, action: "user.two_factor_reset" } })).toMatchObject({ actorId: admin.id });
    await expect(verifyCredentials(user.email, PASSWORD, address())).resolves.toMatchObject({ id: user.id });
    await expect(resetTwoFactor(admin, user.id)).rejects.toThrow("没有设置两步验证");

    setting.required = "editor";
    try {
      // An editor without a second factor may do nothing but set one up.
      session.current = { user: { id: user.id, role: "EDITOR", sv: claims.sessionVersion + 1 } };
      await expect(requireActor("JOURNALIST")).rejects.toThrow(TWO_FACTOR_ENROLMENT_REQUIRED);
      await expect(requireActor("JOURNALIST", { allowPendingTwoFactor: true })).resolves.toMatchObject({ id: user.id });
      const fresh = { ...claims, sessionVersion: claims.sessionVersion + 1 };
      expect(await findSessionUser(fresh)).toMatchObject({ mustEnrolTwoFactor: true });
      setting.required = "admin";
      expect(await findSessionUser(fresh)).toMatchObject({ mustEnrolTwoFactor: false });
    } finally {
      setting.required = "none";
      session.current = null;
    }
  });
});
