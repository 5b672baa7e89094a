import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden as forbiddenPage, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/generated/prisma/enums";
import { getAuthOptions } from "@/lib/auth/options";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { findSessionUser } from "@/lib/data/auth";
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
  if (user && !user.mustChangePassword) return user;
  // A layout passes its own path; the page actually requested (from proxy.ts) is the better destination.
  const destination = encodeURIComponent(safeCallbackPath((await headers()).get(REQUESTED_PATH_HEADER), returnTo));
  if (!user) redirect(`/login?callbackUrl=${destination}`);
  redirect(`/change-password?callbackUrl=${destination}`);
}

/** For pages that need a role: signed-out visitors go to /login, others get a 403 page. */
export async function requireRole(role: Role, returnTo: string): Promise<Actor> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) forbiddenPage();
  return user;
}

export const PASSWORD_CHANGE_REQUIRED = "请先设置新密码，再进行其他操作。";

/**
 * For Server Actions: throws a typed error instead of redirecting. An account still on a temporary
 * password may do nothing but set its own (allowPendingPassword, used by that one action).
 */
export async function requireActor(role: Role = "JOURNALIST", options: { allowPendingPassword?: boolean } = {}): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  if (user.mustChangePassword && !options.allowPendingPassword) throw forbidden(PASSWORD_CHANGE_REQUIRED);
  if (!hasRole(user, role)) throw forbidden();
  return user;
}
