import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES, AUDIT_RECORD_TYPES } from "@/lib/audit-vocabulary";
import { db } from "@/lib/db";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");

/** The data statements of the audit_vocabulary migration, as written in its file. */
function migrationUpdates(): string[] {
  const folder = fs.readdirSync(MIGRATIONS).find((name) => name.endsWith("_audit_vocabulary"));
  if (!folder) throw new Error("the audit_vocabulary migration is missing");
  const sql = fs.readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8");
  return sql
    .split(";")
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement.startsWith("UPDATE"));
}

describe("audit_vocabulary migration", () => {
  afterAll(async () => {
    await db.$disconnect();
  });

  it("lowercases the record types the importer and sign-in wrote capitalised, leaving the rest alone", async () => {
    const updates = migrationUpdates();
    expect(updates.length).toBeGreaterThan(0);
    // The statements run against a temporary copy of the table (a temporary table shadows the real
    // one inside this transaction's session), so the test owns every row it rewrites.
    const rows = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE "AuditEvent" (LIKE public."AuditEvent" INCLUDING DEFAULTS) ON COMMIT DROP`);
      // Rows as the code before the vocabulary wrote them.
      await tx.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" (id, action, "entityType", "entityId", summary) VALUES
           ('a1', 'roundup.import', 'Roundup', 'r1', 'roundup'), ('a2', 'story.create', 'Story', 's1', 'story'),
           ('a3', 'auth.login', 'User', 'u1', 'login'), ('a4', 'story.publish', 'story', 's2', 'publish')`,
      );
      for (const statement of updates) await tx.$executeRawUnsafe(statement);
      return tx.$queryRawUnsafe<{ summary: string; action: string; entityType: string }[]>(`SELECT summary, action, "entityType" FROM "AuditEvent" ORDER BY summary`);
    });
    expect(rows.map((row) => [row.summary, row.action, row.entityType])).toEqual([
      ["login", "auth.login", "user"],
      ["publish", "story.publish", "story"],
      ["roundup", "roundup.import", "roundup"],
      ["story", "story.create", "story"],
    ]);
    for (const row of rows) {
      expect(AUDIT_EVENT_TYPES).toContain(row.action);
      expect(AUDIT_RECORD_TYPES).toContain(row.entityType);
    }
  });
});
