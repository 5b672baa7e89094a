import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { unauthenticated } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { recordAudit } from "@/lib/data/audit";
import { reserveSignInAttempt, type Sleep } from "@/lib/data/throttle";
import { checkSecondFactor } from "@/lib/data/two-factor";
import { SECOND_FACTOR_REQUIRED } from "@/lib/validation/auth";

const GENERIC_FAILURE = "邮箱或密码不正确。";
export const ACCOUNT_DEACTIVATED = "账号已停用，请联系管理员。";

// A fixed argon2id hash (same cost as real ones) of a random string nobody kept. Unknown and
// deactivated accounts are checked against it, so a failure takes as long whether or not the
// e-mail belongs to an account: the time of a refusal tells nothing.
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$niz2oEmsP1a0zw5hIRSvZQ$alvyQWG8dyABJhWwpQ+CpDCwhaGPnjeD5fjsoLG2w4Y";

export type SessionClaims = { id: string; role: Actor["role"]; sessionVersion: number };

/**
 * Checks an e-mail, password and (for accounts with two-factor sign-in) a code. Failures never say
 * whether the account exists. Every attempt is counted before the password is checked
 * (lib/data/throttle.ts), so parallel guesses across processes can't overrun the limits.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  ip: string,
  options: { code?: string; sleep?: Sleep } = {},
): Promise<SessionClaims> {
  const ticket = await reserveSignInAttempt(email, ip, { sleep: options.sleep });
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, active: true, sessionVersion: true, passwordHash: true, totpEnabledAt: true },
  });
  // A withdrawn temporary password (UNUSABLE_PASSWORD_HASH) is checked against the dummy too.
  const usable = !!user && user.active && user.passwordHash.startsWith("$argon2");
  const matches = await verifyPassword(usable ? user.passwordHash : DUMMY_PASSWORD_HASH, password);
  if (!usable || !matches) {
    await recordSignIn(email, ip, user?.id ?? null, false, "登录失败");
    throw unauthenticated(GENERIC_FAILURE);
  }
  await ticket.succeeded();

  if (user.totpEnabledAt) {
    if (!options.code?.trim()) throw unauthenticated(SECOND_FACTOR_REQUIRED);
    const how = await checkSecondFactor(user.id, options.code);
    if (!how) {
      await recordSignIn(email, ip, user.id, false, "两步验证码不正确");
      throw unauthenticated("验证码不正确，请重试。");
    }
    await recordSignIn(email, ip, user.id, true, how === "recovery" ? "登录成功（使用恢复码）" : "登录成功（两步验证）");
  } else {
    await recordSignIn(email, ip, user.id, true, "登录成功");
  }
  return { id: user.id, role: user.role, sessionVersion: user.sessionVersion };
}

async function recordSignIn(email: string, ip: string, userId: string | null, ok: boolean, summary: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (ok && userId) await tx.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, {
      actorId: ok ? userId : null,
      actorLabel: email,
      action: ok ? "auth.login" : "auth.login_failed",
      entityType: "user",
      entityId: userId,
      summary,
      ip,
    });
  });
}

/** Whether this role must sign in with a second factor (TWO_FACTOR_REQUIRED). */
export function secondFactorRequired(role: Role): boolean {
  const setting = getEnv().TWO_FACTOR_REQUIRED;
  if (setting === "admin") return role === "ADMIN";
  if (setting === "editor") return role === "ADMIN" || role === "EDITOR";
  return false;
}

/**
 * The account behind a session token, or null when it was deactivated, its role changed or its
 * password was reset since the token was issued (sessionVersion moved on).
 */
export async function findSessionUser(claims: SessionClaims): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: { id: true, name: true, email: true, role: true, active: true, sessionVersion: true, mustChangePassword: true, totpEnabledAt: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    mustEnrolTwoFactor: !user.totpEnabledAt && secondFactorRequired(user.role),
  };
}

/** Why a token no longer opens a session, so the user can be told more than "please sign in". */
export async function endedSessionReason(claims: SessionClaims): Promise<"deactivated" | "expired"> {
  const user = await db.user.findUnique({ where: { id: claims.id }, select: { active: true } });
  return user && !user.active ? "deactivated" : "expired";
}
