import { DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD, seedDemo } from "../../prisma/seed";
import { createPrismaClient } from "../../lib/db-client";
import { openDatabase, type RunningDatabase } from "./database";
import { info } from "./log";
import { StartupError } from "./log";
import { migrateDatabase, pendingMigrations } from "./prisma-cli";

export type PreparedDatabase = RunningDatabase & { demo: boolean };

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD?.trim() || DEFAULT_DEMO_PASSWORD;
}

/** Seeds demo content into a new database; a database with content is never touched. */
export async function seedIfNew(url: string): Promise<boolean> {
  const client = createPrismaClient(url, { max: 2 });
  try {
    const result = await seedDemo(client, demoPassword());
    return result.seeded;
  } finally {
    await client.$disconnect();
  }
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), applies migrations and, in demo mode,
 * loads the demo content once. Demo mode is the embedded database, or SEED_DEMO=true.
 */
export async function prepareDatabase(): Promise<PreparedDatabase> {
  const db = await openDatabase();
  try {
    const migrated = await migrateDatabase(db.url);
    info(migrated === "applied" ? "database migrations applied" : "database schema is up to date");
    const demo = db.embedded || process.env.SEED_DEMO === "true";
    if (demo) {
      const seeded = await seedIfNew(db.url);
      info(seeded ? "demo content loaded: 2023年吉林十大新闻" : "existing content kept (demo content is loaded only into a new database)");
    }
    return { ...db, demo };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/**
 * The database for a serving process. With `migrate`, as prepareDatabase (the one-machine start).
 * Without, the release step (npm run db:migrate) has done that: a replica only checks that no
 * migration is pending, so it never runs on a schema older than its code.
 */
export async function openDatabaseForServing(options: { migrate: boolean }): Promise<PreparedDatabase> {
  if (options.migrate) return prepareDatabase();
  const db = await openDatabase();
  try {
    const pending = await pendingMigrations(db.url);
    if (pending.length > 0) {
      throw new StartupError(`数据库还有 ${pending.length} 个迁移没有应用（${pending.join("、")}）：请先运行 npm run db:migrate（发布步骤），再启动服务。`);
    }
    info("database schema is up to date (migrations are the release step's job)");
    return { ...db, demo: db.embedded || process.env.SEED_DEMO === "true" };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

export function printSignInHelp(siteUrl: string, demo: boolean): void {
  info(`Roundup is running at ${siteUrl}`);
  info(`editors sign in at ${siteUrl}/login`);
  if (demo) {
    info(`demo accounts (password: ${demoPassword()}):`);
    for (const account of DEMO_ACCOUNTS) info(`  ${account.email.padEnd(26)} ${account.role.toLowerCase()}`);
  } else {
    info("no demo accounts on this database: create the first admin with npm run create-admin -- --email … --name …");
  }
}
