import "server-only";
import { getServerSession } from "next-auth";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/roles";
import { ACCOUNT_DEACTIVATED, endedSessionReason, findSessionUser } from "@/lib/data/auth";
import { assertDatabaseReachable } from "@/lib/data/health";
import { getEnv } from "@/lib/env";

// The session lookup only; every decision about what the account may do is in lib/auth/guards.ts.

/** The signed-in, still-active account for this request, or null. Checked against the database every request. */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user;
  if (!claims?.id || typeof claims.sv !== "number") {
    // next-auth swallows what the session callback throws, so a database outage would look like a
    // signed-out visitor (sent to /login, told to sign in). With a session cookie, ask the database
    // once: an outage then surfaces as itself (UNAVAILABLE in actions, the error page on pages).
    if (await sessionCookie()) await assertDatabaseReachable();
    return null;
  }
  return findSessionUser({ id: claims.id, role: claims.role, sessionVersion: claims.sv });
});

async function sessionCookie(): Promise<string | undefined> {
  const name = getEnv().SITE_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  return (await cookies()).get(name)?.value;
}

/**
 * Why the request's session cookie opens no session: a deactivated account is told so (instead of
 * "please sign in", which would only fail again). Undefined when there is no cookie or no request.
 */
export async function endedSessionMessage(): Promise<string | undefined> {
  try {
    const token = await sessionCookie();
    const claims = token ? await decode({ token, secret: getEnv().AUTH_SECRET }) : null;
    if (!claims || typeof claims.uid !== "string") return undefined;
    const reason = await endedSessionReason({ id: claims.uid, role: claims.role, sessionVersion: claims.sv });
    return reason === "deactivated" ? ACCOUNT_DEACTIVATED : undefined;
  } catch {
    // No request (scripts, tests) or an unreadable cookie: the plain "please sign in" applies.
    return undefined;
  }
}
