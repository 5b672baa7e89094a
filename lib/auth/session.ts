import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/roles";
import { findSessionUser } from "@/lib/data/auth";

// The session lookup only; every decision about what the account may do is in lib/auth/guards.ts.

/** The signed-in, still-active account for this request, or null. Checked against the database every request. */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user;
  if (!claims?.id || typeof claims.sv !== "number") return null;
  return findSessionUser({ id: claims.id, role: claims.role, sessionVersion: claims.sv });
});
