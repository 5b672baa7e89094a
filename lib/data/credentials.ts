import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// Every credential event of an account (admin reset, invite acceptance, password change,
// deactivation, role change, second-factor reset) calls this inside its own transaction, so that no
// older way into the account survives it: an invite link mailed weeks ago, or a temporary password
// still waiting to be used.

/** A hash no password matches (argon2 rejects the format), for an account whose temporary password was withdrawn. */
export const UNUSABLE_PASSWORD_HASH = "!revoked";

export async function revokeOutstandingCredentials(
  tx: Prisma.TransactionClient,
  userId: string,
  options: { temporaryPassword: boolean },
): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, mustChangePassword: true } });
  await tx.invite.updateMany({ where: { email: user.email, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  // An account still on a temporary password (or an invited one nobody has opened) gets none at all:
  // an admin issues a new one when it is wanted.
  if (options.temporaryPassword && user.mustChangePassword) {
    await tx.user.update({ where: { id: userId }, data: { passwordHash: UNUSABLE_PASSWORD_HASH } });
  }
}
