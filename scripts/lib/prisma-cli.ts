import { spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { fileURLToPath } from "node:url";
import { StartupError } from "./log";

export type CliResult = { code: number; output: string };

/** Runs the Prisma CLI against a database, offline (see scripts/prisma-generate.mjs for the engine variable). */
export function runPrisma(args: string[], databaseUrl: string, options: { echo?: boolean } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "prisma", ...args], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? fileURLToPath(import.meta.url),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Applies pending migrations with `prisma migrate deploy`; skips the slow deploy when status says all are applied. */
export async function migrateDatabase(databaseUrl: string): Promise<"applied" | "up-to-date"> {
  const status = await runPrisma(["migrate", "status"], databaseUrl);
  if (status.code === 0 && /Database schema is up to date/i.test(status.output)) return "up-to-date";
  const deploy = await runPrisma(["migrate", "deploy"], databaseUrl);
  if (deploy.code !== 0) {
    const lines = deploy.output.split("\n").filter((line) => /error|P\d{4}/i.test(line));
    throw new StartupError(`数据库迁移失败（prisma migrate deploy）：${lines.slice(0, 3).join(" ") || deploy.output.trim().slice(-400)}`);
  }
  return "applied";
}

/** Migrations in prisma/migrations that the database has not finished applying (a plain query: fast). */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const local = fs
    .readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const table = await client.query<{ name: string | null }>("select to_regclass('_prisma_migrations')::text as name");
    if (!table.rows[0]?.name) return local;
    const applied = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null",
    );
    const done = new Set(applied.rows.map((row) => row.migration_name));
    return local.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}
