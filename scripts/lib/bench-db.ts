import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase, type RunningDatabase } from "./database";
import { info } from "./log";
import { seedIfNew } from "./prepare";
import { migrateDatabase } from "./prisma-cli";

/** A throwaway embedded PostgreSQL with the migrations and the demo content, removed on stop. */
export async function startBenchDatabase(): Promise<RunningDatabase & { authSecret: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-bench-pg-"));
  const db = await startEmbeddedDatabase({ dataDir, removeOnStop: true, log: false, databases: ["roundup_bench"] });
  try {
    await migrateDatabase(db.url);
    await seedIfNew(db.url);
    info(`bench database ready (${dataDir})`);
    return { ...db, authSecret: crypto.randomBytes(32).toString("base64url") };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/**
 * Transactions committed in the database so far. Every query Prisma runs outside an explicit
 * transaction commits one, so the difference between two readings counts the app's queries.
 */
export async function committedTransactions(client: pg.Client, database: string): Promise<number> {
  // Backends report their statistics lazily; give them time to flush before reading.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await client.query("select pg_stat_clear_snapshot()");
  const result = await client.query<{ n: string }>("select xact_commit::text as n from pg_stat_database where datname = $1", [database]);
  return Number(result.rows[0]?.n ?? 0);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
