import "server-only";
import { requireAdmin, requireSignedIn } from "@/lib/auth/guards";
import type { Actor } from "@/lib/auth/roles";
import {
  decryptTotpSecret,
  encryptTotpSecret,
  enrolmentQrCode,
  hashRecoveryCode,
  looksLikeTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  totpStep,
} from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { revokeOutstandingCredentials } from "@/lib/data/credentials";
import { reserveSecondFactorAttempt } from "@/lib/data/throttle";
import { conflict, invalid, notFound } from "@/lib/errors";

// Two-factor sign-in: enrolment by the account itself, the check at sign-in, and an admin's reset.

const WRONG_CODE = "验证码不正确，请核对身份验证器中的当前验证码。";

/**
 * Checks a sign-in's second factor: a TOTP code (each time step accepted once) or an unused
 * recovery code (spent by the same statement that checks it). Attempts are throttled per account.
 */
export async function checkSecondFactor(userId: string, code: string): Promise<"totp" | "recovery" | null> {
  const ticket = await reserveSecondFactorAttempt(userId);
  let how: "totp" | "recovery" | null = null;
  if (looksLikeTotpCode(code.trim())) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
    const step = user?.totpSecret && user.totpEnabledAt ? await totpStep(decryptTotpSecret(user.totpSecret), code.trim(), user.totpLastStep) : null;
    if (step !== null) {
      // Conditional on the last step, so two sign-ins racing with one code can't both pass.
      const claimed = await db.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
      if (claimed.count === 1) how = "totp";
    }
  } else {
    const codeHash = hashRecoveryCode(code);
    if (codeHash) {
      const spent = await db.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: new Date() } });
      if (spent.count === 1) how = "recovery";
    }
  }
  if (how) await ticket.succeeded();
  return how;
}

export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; recoveryCodesLeft: number };

export async function getTwoFactorStatus(caller: Actor | null): Promise<TwoFactorStatus> {
  const actor = requireSignedIn(caller);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  const recoveryCodesLeft = user.totpEnabledAt ? await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } }) : 0;
  return { enabled: !!user.totpEnabledAt, enabledAt: user.totpEnabledAt, recoveryCodesLeft };
}

/** Starts enrolment: a fresh secret, stored encrypted and not yet in force, and its QR code. */
export async function beginTwoFactorEnrolment(caller: Actor | null): Promise<{ secret: string; qrDataUrl: string }> {
  const actor = requireSignedIn(caller);
  const secret = newTotpSecret();
  const updated = await db.user.updateMany({ where: { id: actor.id, totpEnabledAt: null }, data: { totpSecret: encryptTotpSecret(secret), totpLastStep: null } });
  if (updated.count !== 1) throw conflict("两步验证已经开启。");
  const { dataUrl } = await enrolmentQrCode(secret, actor.email);
  return { secret, qrDataUrl: dataUrl };
}

/** Finishes enrolment with a code from the app; returns the ten recovery codes, shown once. */
export async function confirmTwoFactorEnrolment(caller: Actor | null, code: string): Promise<string[]> {
  const actor = requireSignedIn(caller);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw conflict("两步验证已经开启。");
  if (!user.totpSecret) throw conflict("请先点击“开启两步验证”生成二维码。");
  const ticket = await reserveSecondFactorAttempt(actor.id);
  const step = await totpStep(decryptTotpSecret(user.totpSecret), code.trim(), null);
  if (step === null) throw invalid(WRONG_CODE, { field: "code" });
  await ticket.succeeded();
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({ where: { id: actor.id, totpEnabledAt: null }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    if (enabled.count !== 1) throw conflict("两步验证已经开启。");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({ data: codes.map((recovery) => ({ userId: actor.id, codeHash: hashRecoveryCode(recovery) ?? "" })) });
    await recordAudit(tx, { actorId: actor.id, action: "user.two_factor_enable", entityType: "user", entityId: actor.id, summary: "开启了两步验证" });
  });
  return codes;
}

/**
 * An admin turns off someone's second factor (a lost phone): the secret and recovery codes go,
 * every session of the account ends, and outstanding invites and temporary passwords are withdrawn.
 * Where two-factor sign-in is required, the account enrols again at its next sign-in.
 */
export async function resetTwoFactor(caller: Actor | null, userId: string): Promise<{ email: string }> {
  const actor = requireAdmin(caller);
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { email: true, totpSecret: true } });
    if (!target) throw notFound("找不到这个账号。");
    if (!target.totpSecret) throw conflict("该账号没有设置两步验证。");
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await revokeOutstandingCredentials(tx, userId, { temporaryPassword: false });
    await recordAudit(tx, { actorId: actor.id, action: "user.two_factor_reset", entityType: "user", entityId: userId, summary: `重置 ${target.email} 的两步验证` });
    return { email: target.email };
  });
}
