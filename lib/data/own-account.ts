import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requireSignedIn } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { revokeOutstandingCredentials } from "@/lib/data/credentials";
import { reservePasswordConfirmAttempt } from "@/lib/data/throttle";
import { hashInviteToken, sameTokenHash } from "@/lib/data/users";
import { conflict, invalid, notFound } from "@/lib/errors";

// What a signed-in user may do to their own account, and the anonymous invite acceptance.

export async function updateOwnName(caller: Actor | null, name: string): Promise<void> {
  const actor = requireSignedIn(caller);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { name } });
    await recordAudit(tx, { actorId: actor.id, action: "user.profile_update", entityType: "user", entityId: actor.id, summary: `姓名从「${actor.name}」改为「${name}」` });
  });
}

/**
 * Changes one's own password after checking the current one (throttled like sign-in: a stolen
 * session must not become a password-guessing oracle). The session version moves on, so every
 * session of this account (this one included) has to sign in again with the new password.
 */
export async function changeOwnPassword(caller: Actor | null, currentPassword: string, newPassword: string, address: string): Promise<void> {
  const actor = requireSignedIn(caller);
  const ticket = await reservePasswordConfirmAttempt(actor.id, address);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalid("当前密码不正确。");
  }
  await ticket.succeeded();
  if (currentPassword === newPassword) throw conflict("新密码不能与当前密码相同。");
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await revokeOutstandingCredentials(tx, actor.id, { temporaryPassword: false });
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_change", entityType: "user", entityId: actor.id, summary: "修改了自己的密码" });
  });
}

/**
 * The forced change after an admin reset or a temporary password: the user just proved the temporary
 * password at sign-in, so only the new one is asked. The session stays valid (its version is kept).
 */
export async function setPasswordAfterReset(caller: Actor | null, newPassword: string): Promise<void> {
  const actor = requireSignedIn(caller);
  if (!actor.mustChangePassword) throw conflict("你的账号不需要设置新密码；如要修改，请在账号设置中操作。");
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await revokeOutstandingCredentials(tx, actor.id, { temporaryPassword: false });
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false } });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_change", entityType: "user", entityId: actor.id, summary: "首次登录后设置了新密码" });
  });
}

const INVALID_INVITE = "邀请链接无效或已过期，请联系管理员重新发送。";

type OpenInvite = { id: string; email: string; name: string };

/**
 * The open invite behind a link, or null when unknown, used, revoked or expired. Looked up by the
 * token's hash (the raw token is never stored) and compared in constant time.
 */
async function openInvite(token: string): Promise<OpenInvite | null> {
  if (token.length === 0 || token.length > 100) return null;
  const tokenHash = hashInviteToken(token);
  const invite = await db.invite.findUnique({ where: { tokenHash }, select: { id: true, tokenHash: true, email: true, name: true, usedAt: true, revokedAt: true, expiresAt: true } });
  if (!invite || !sameTokenHash(invite.tokenHash, tokenHash)) return null;
  if (invite.usedAt || invite.revokedAt || invite.expiresAt <= new Date()) return null;
  return { id: invite.id, email: invite.email, name: invite.name };
}

/** The invite behind a link, for the acceptance page. */
export async function findOpenInvite(token: string): Promise<{ email: string; name: string } | null> {
  const invite = await openInvite(token);
  return invite ? { email: invite.email, name: invite.name } : null;
}

/**
 * Anyone holding an open invite link may set that account's first password, once. The token is
 * checked before the password is hashed, so bogus posts cost no argon2 time. Returns the e-mail to
 * sign in with.
 */
export async function acceptInvite(token: string, newPassword: string): Promise<string> {
  const invite = await openInvite(token);
  if (!invite) throw notFound(INVALID_INVITE);
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    // Claiming the invite with the same conditions makes a second use (even a concurrent one), or a
    // revocation that landed while the password was hashed, win over this acceptance.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw notFound(INVALID_INVITE);
    const user = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true, active: true } });
    if (!user || !user.active) throw notFound(INVALID_INVITE);
    await revokeOutstandingCredentials(tx, user.id, { temporaryPassword: false });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: user.id, actorLabel: invite.email, action: "user.invite_accept", entityType: "user", entityId: user.id, summary: "通过邀请链接设置了密码" });
    return invite.email;
  });
}
