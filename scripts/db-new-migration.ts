// Authors a new migration offline: diffs the schema of the last commit (or nothing, for the first
// migration) against prisma/schema.prisma and writes prisma/migrations/<timestamp>_<name>/migration.sql.
// `prisma migrate dev` can't do this here: it needs the native engine. Usage: npm run db:new-migration -- name
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "./lib/database";
import { exitOnStartupError, info } from "./lib/log";
import { runPrisma } from "./lib/prisma-cli";

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) throw new Error("usage: npm run db:new-migration -- <name>");
  const hasMigrations = fs.existsSync("prisma/migrations") && fs.readdirSync("prisma/migrations").some((entry) => /^\d{14}_/.test(entry));
  let from = ["--from-empty"];
  if (hasMigrations) {
    const previous = path.join(os.tmpdir(), `roundup-schema-${process.pid}.prisma`);
    fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
    from = ["--from-schema-datamodel", previous];
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma/migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  const db = await startEmbeddedDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "roundup-diff-")), removeOnStop: true, log: false });
  try {
    const result = await runPrisma(
      ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--output", path.join(dir, "migration.sql")],
      db.url,
    );
    if (result.code !== 0) throw new Error(result.output);
  } finally {
    await db.stop();
  }
  if (!fs.existsSync("prisma/migrations/migration_lock.toml")) {
    fs.writeFileSync("prisma/migrations/migration_lock.toml", 'provider = "postgresql"\n');
  }
  info(`wrote ${dir}/migration.sql: read it, then commit it with the schema change`);
}

main().catch(exitOnStartupError);
