import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { requireAdmin } from "@/lib/auth/guards";
import { ROLE_LABELS, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { revokeOutstandingCredentials } from "@/lib/data/credentials";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import type { AccountFilter } from "@/lib/validation/accounts";

export const ACCOUNTS_PAGE_SIZE = 25;
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const accountSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  totpEnabledAt: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export type AccountRow = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

export async function listAccounts(actor: Actor | null, filter: AccountFilter) {
  requireAdmin(actor);
  const where: Prisma.UserWhereInput = {
    ...(filter.q ? { OR: [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }] } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.active ? { active: filter.active === "yes" } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: accountSelect, orderBy: [{ active: "desc" }, { createdAt: "desc" }], skip: (filter.page - 1) * ACCOUNTS_PAGE_SIZE, take: ACCOUNTS_PAGE_SIZE }),
    db.user.count({ where }),
  ]);
  return { rows, total, page: filter.page, pageSize: ACCOUNTS_PAGE_SIZE };
}

/** One account for its admin page; null for an unknown id (the page answers 404). */
export async function getAccount(actor: Actor | null, userId: string): Promise<AccountRow | null> {
  requireAdmin(actor);
  return db.user.findUnique({ where: { id: userId }, select: accountSelect });
}

/** A readable one-time password: 16 characters from an alphabet without look-alikes (about 80 bits). */
export function generateTemporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from(crypto.randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
}

export function hashInviteToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Compares two token hashes without an early exit, so response time says nothing about how much matched. */
export function sameTokenHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export type CreatedAccount = { user: AccountRow; temporaryPassword?: string; inviteToken?: string };

/**
 * Creates an account with a role. Either a temporary password (changed at first sign-in) or a
 * single-use invite link; both are returned once and only their hashes are stored.
 */
export async function createAccount(
  caller: Actor | null,
  input: { email: string; name: string; role: Role; method: "password" | "invite" },
): Promise<CreatedAccount> {
  const actor = requireAdmin(caller);
  const secret = input.method === "password" ? generateTemporaryPassword() : crypto.randomBytes(32).toString("base64url");
  // An invited account gets a random password nobody knows until the link is used.
  const passwordHash = await hashPassword(input.method === "password" ? secret : crypto.randomBytes(32).toString("base64url"));
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true },
        select: accountSelect,
      });
      if (input.method === "invite") {
        await tx.invite.create({
          data: {
            tokenHash: hashInviteToken(secret),
            email: input.email,
            name: input.name,
            role: input.role,
            expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
            createdById: actor.id,
          },
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.create",
        entityType: "user",
        entityId: created.id,
        summary: `创建账号 ${created.email}（${ROLE_LABELS[created.role]}，${input.method === "invite" ? "邀请链接" : "临时密码"}）`,
      });
      return created;
    });
    return input.method === "password" ? { user, temporaryPassword: secret } : { user, inviteToken: secret };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("这个邮箱已有账号。");
    throw error;
  }
}

type LockedTarget = { id: string; email: string; role: Role; active: boolean };

/** Loads the target inside the transaction, locking every active admin row so two admins can't remove the last admin at once. */
async function lockTarget(tx: Prisma.TransactionClient, userId: string): Promise<LockedTarget> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND active = true FOR UPDATE`;
  const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, active: true } });
  if (!target) throw notFound("找不到这个账号。");
  return target;
}

async function assertNotLastAdmin(tx: Prisma.TransactionClient, target: LockedTarget): Promise<void> {
  if (target.role !== "ADMIN" || !target.active) return;
  const admins = await tx.user.count({ where: { role: "ADMIN", active: true } });
  if (admins <= 1) throw conflict("这是最后一个在用的管理员账号，不能降级或停用。请先让另一个账号成为管理员。");
}

export async function changeRole(caller: Actor | null, userId: string, role: Role): Promise<AccountRow> {
  const actor = requireAdmin(caller);
  return db.$transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    if (target.role === role) throw conflict(`该账号已经是${ROLE_LABELS[role]}。`);
    if (role !== "ADMIN") await assertNotLastAdmin(tx, target);
    await revokeOutstandingCredentials(tx, userId, { temporaryPassword: true });
    const user = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } }, select: accountSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_change",
      entityType: "user",
      entityId: userId,
      summary: `${target.email} 的角色从${ROLE_LABELS[target.role]}改为${ROLE_LABELS[role]}`,
    });
    return user;
  });
}

export async function setAccountActive(caller: Actor | null, userId: string, active: boolean): Promise<AccountRow> {
  const actor = requireAdmin(caller);
  if (!active && actor.id === userId) throw conflict("不能停用自己的账号。");
  return db.$transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    if (target.active === active) throw conflict(active ? "该账号已经是启用状态。" : "该账号已经停用。");
    if (!active) {
      await assertNotLastAdmin(tx, target);
      await revokeOutstandingCredentials(tx, userId, { temporaryPassword: true });
    }
    const user = await tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } }, select: accountSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: userId,
      summary: `${active ? "重新启用" : "停用"}账号 ${target.email}`,
    });
    return user;
  });
}

/** Sets a new temporary password (returned once), ends the user's sessions and makes them choose their own at sign-in. */
export async function resetPassword(caller: Actor | null, userId: string): Promise<{ user: AccountRow; temporaryPassword: string }> {
  const actor = requireAdmin(caller);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await db.$transaction(async (tx) => {
    const target = await lockTarget(tx, userId);
    // The new temporary password replaces any older one; old invite links stop working.
    await revokeOutstandingCredentials(tx, userId, { temporaryPassword: false });
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
      select: accountSelect,
    });
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entityType: "user", entityId: userId, summary: `重置 ${target.email} 的密码` });
    return updated;
  });
  return { user, temporaryPassword };
}
