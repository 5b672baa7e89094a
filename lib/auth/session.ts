import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/roles";
import { ACCOUNT_DEACTIVATED, endedSessionReason, findSessionUser } from "@/lib/data/auth";
import { getEnv } from "@/lib/env";

// The session lookup only; every decision about what the account may do is in lib/auth/guards.ts.

/** The signed-in, still-active account for this request, or null. Checked against the database every request. */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user;
  if (!claims?.id || typeof claims.sv !== "number") return null;
  return findSessionUser({ id: claims.id, role: claims.role, sessionVersion: claims.sv });
});

/**
 * Why the request's session cookie opens no session: a deactivated account is told so (instead of
 * "please sign in", which would only fail again). Undefined when there is no cookie or no request.
 */
export async function endedSessionMessage(): Promise<string | undefined> {
  try {
    const env = getEnv();
    const name = env.SITE_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
    const token = (await cookies()).get(name)?.value;
    const claims = token ? await decode({ token, secret: env.AUTH_SECRET }) : null;
    if (!claims || typeof claims.uid !== "string") return undefined;
    const reason = await endedSessionReason({ id: claims.uid, role: claims.role, sessionVersion: claims.sv });
    return reason === "deactivated" ? ACCOUNT_DEACTIVATED : undefined;
  } catch {
    // No request (scripts, tests) or an unreadable cookie: the plain "please sign in" applies.
    return undefined;
  }
}
