import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/roles";
import { readSessionClaims } from "@/lib/auth/session-token";
import { ACCOUNT_DEACTIVATED, endedSessionReason, findSessionUser } from "@/lib/data/auth";

// The session lookup only; every decision about what the account may do is in lib/auth/guards.ts.
// A request decodes its cookie once and reads its account once, however many layouts, pages and
// guards ask (React cache lasts one request).

const sessionClaims = cache(readSessionClaims);

/**
 * The signed-in, still-active account for this request, or null. Checked against the database on
 * every request, so a deactivated account or a changed role takes effect at once; a database outage
 * throws instead of passing for a signed-out visitor.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const claims = await sessionClaims();
  return claims ? findSessionUser(claims) : null;
});

/**
 * Why the request's session cookie opens no session: a deactivated account is told so (instead of
 * "please sign in", which would only fail again). Undefined when there is no cookie or no request.
 */
export async function endedSessionMessage(): Promise<string | undefined> {
  try {
    const claims = await sessionClaims();
    if (!claims) return undefined;
    return (await endedSessionReason(claims)) === "deactivated" ? ACCOUNT_DEACTIVATED : undefined;
  } catch {
    // No request (scripts, tests) or an unreadable cookie: the plain "please sign in" applies.
    return undefined;
  }
}
