import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { rateLimited, unauthenticated } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";

export const THROTTLE_LIMIT = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const GENERIC_FAILURE = "邮箱或密码不正确。";

export type SessionClaims = { id: string; role: Actor["role"]; sessionVersion: number };

/**
 * Checks an e-mail and password. Failures never say whether the account exists; after
 * THROTTLE_LIMIT failures for one account from one address within the window, attempts are refused
 * until the window passes. Attempts live in PostgreSQL so every app process sees them.
 */
export async function verifyCredentials(email: string, password: string, ip: string): Promise<SessionClaims> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const failures = await db.loginAttempt.count({ where: { email, ip, success: false, createdAt: { gte: since } } });
  if (failures >= THROTTLE_LIMIT) {
    throw rateLimited("登录失败次数过多，请 15 分钟后再试。");
  }

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = !!user && user.active && (await verifyPassword(user.passwordHash, password));
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip, success: ok } });
    if (ok && user) await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, {
      actorId: ok && user ? user.id : null,
      actorLabel: email,
      action: ok ? "auth.login" : "auth.login_failed",
      entityType: "User",
      entityId: user?.id ?? null,
      summary: ok ? "登录成功" : "登录失败",
      ip,
    });
  });
  if (!ok || !user) throw unauthenticated(GENERIC_FAILURE);
  return { id: user.id, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * The account behind a session token, or null when it was deactivated, its role changed or its
 * password was reset since the token was issued (sessionVersion moved on).
 */
export async function findSessionUser(claims: SessionClaims): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: { id: true, name: true, email: true, role: true, active: true, sessionVersion: true, mustChangePassword: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: user.mustChangePassword };
}
