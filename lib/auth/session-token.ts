import "server-only";
import { cookies } from "next/headers";
import { sessionClaimsOf } from "@/lib/auth/session-claims";
import type { SessionClaims } from "@/lib/data/auth";
import { getEnv } from "@/lib/env";

// The one place that reads the session cookie (lib/auth/session.ts caches it per request).
//
// The cookie is decoded here rather than through next-auth's getServerSession: that runs the whole
// session endpoint, whose callback already reads the account, and re-encrypts a fresh token that a
// server component cannot even send back. So every staff page read the account twice.

function sessionCookieName(): string {
  return getEnv().SITE_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The claims of the request's session token, verified (next-auth's encryption and expiry), or null.
 * The token carries ids only, far below the 4 KB at which next-auth would split it over several cookies.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  return sessionClaimsOf(token, getEnv().AUTH_SECRET);
}
