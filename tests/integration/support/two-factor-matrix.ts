import { generate, generateSecret } from "otplib";
import { encryptTotpSecret } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { newUser, type CellContext } from "./matrix-context";

// Rows of the authorization matrix for two-factor sign-in.

/** Gives the acting account (when there is one) an enrolment in progress and returns a valid code for it. */
export async function pendingEnrolmentCode(ctx: CellContext): Promise<string> {
  const secret = generateSecret();
  if (ctx.actor) await db.user.update({ where: { id: ctx.actor.id }, data: { totpSecret: encryptTotpSecret(secret), totpEnabledAt: null } });
  return generate({ secret });
}

/** A fresh account with two-factor sign-in set up, for an admin to reset. */
export async function userWithTwoFactor(): Promise<string> {
  const user = await newUser({ role: "EDITOR" });
  await db.user.update({ where: { id: user.id }, data: { totpSecret: encryptTotpSecret(generateSecret()), totpEnabledAt: new Date() } });
  return user.id;
}
