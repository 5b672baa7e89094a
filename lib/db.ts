import "server-only";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { getDatabaseUrl, isProduction } from "@/lib/env";

// One client per process; in development Next re-evaluates modules on every edit, so the client is
// kept on globalThis instead of opening a new pool each time.
const globalForDb = globalThis as unknown as { roundupDb?: Db };

export const db: Db = globalForDb.roundupDb ?? createPrismaClient(getDatabaseUrl());

if (!isProduction()) globalForDb.roundupDb = db;
