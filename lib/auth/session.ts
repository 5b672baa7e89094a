import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden as forbiddenPage, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { getAuthOptions } from "@/lib/auth/options";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { ACCOUNT_DEACTIVATED, endedSessionReason, findSessionUser } from "@/lib/data/auth";
import { getEnv } from "@/lib/env";
import { forbidden, unauthenticated } from "@/lib/errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { REQUESTED_PATH_HEADER } from "@/lib/security-headers";

/** The signed-in, still-active account for this request, or null. Checked against the database every request. */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user;
  if (!claims?.id || typeof claims.sv !== "number") return null;
  return findSessionUser({ id: claims.id, role: claims.role, sessionVersion: claims.sv });
});

/**
 * For pages and layouts: the signed-in account, or a trip to /login that comes back here afterwards.
 * An account on a temporary password is sent to choose its own first.
 */
export async function requireUser(returnTo: string): Promise<Actor> {
  const user = await getCurrentUser();
  if (user && !user.mustChangePassword && !user.mustEnrolTwoFactor) return user;
  // A layout passes its own path; the page actually requested (from proxy.ts) is the better destination.
  const destination = encodeURIComponent(safeCallbackPath((await headers()).get(REQUESTED_PATH_HEADER), returnTo));
  if (!user) redirect(`/login?callbackUrl=${destination}`);
  if (user.mustChangePassword) redirect(`/change-password?callbackUrl=${destination}`);
  redirect(`/two-factor?callbackUrl=${destination}`);
}

/** For pages that need a role: signed-out visitors go to /login, others get a 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<Actor> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) forbiddenPage();
  return user;
}

export const PASSWORD_CHANGE_REQUIRED = "请先设置新密码，再进行其他操作。";
export const TWO_FACTOR_ENROLMENT_REQUIRED = "请先开启两步验证，再进行其他操作。";

/**
 * Why the request's session cookie opens no session: a deactivated account is told so (instead of
 * "please sign in", which would only fail again). Undefined when there is no cookie or no request.
 */
async function endedSessionMessage(): Promise<string | undefined> {
  try {
    const env = getEnv();
    const name = env.SITE_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
    const token = (await cookies()).get(name)?.value;
    const claims = token ? await decode({ token, secret: env.AUTH_SECRET }) : null;
    if (!claims || typeof claims.uid !== "string") return undefined;
    const reason = await endedSessionReason({ id: claims.uid, role: claims.role, sessionVersion: claims.sv });
    return reason === "deactivated" ? ACCOUNT_DEACTIVATED : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For Server Actions: throws a typed error instead of redirecting. An account still on a temporary
 * password may do nothing but set its own (allowPendingPassword, used by that one action); one that
 * must set up two-factor sign-in, nothing but that (allowPendingTwoFactor).
 */
export async function requireActor(
  role: Role = "JOURNALIST",
  options: { allowPendingPassword?: boolean; allowPendingTwoFactor?: boolean } = {},
): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated(await endedSessionMessage());
  if (user.mustChangePassword && !options.allowPendingPassword) throw forbidden(PASSWORD_CHANGE_REQUIRED);
  if (user.mustEnrolTwoFactor && !user.mustChangePassword && !options.allowPendingTwoFactor) throw forbidden(TWO_FACTOR_ENROLMENT_REQUIRED);
  if (!hasRole(user, role)) throw forbidden();
  return user;
}
