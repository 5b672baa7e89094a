import crypto from "node:crypto";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db-client";

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through npm test or npm run test:integration`);
  return value;
}

/** A unique suffix so each test's rows never collide with another's (or the demo content). */
export function uniqueId(prefix = "t"): string {
  return `${prefix}-${crypto.randomBytes(5).toString("hex")}`;
}

/** A brand-new, empty, migrated database copied from the template; dropped by the returned cleanup. */
export async function createFreshDatabase(): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const templateUrl = requireEnv("TEMPLATE_DATABASE_URL");
  const name = `roundup_fresh_${crypto.randomBytes(4).toString("hex")}`;
  const adminUrl = templateUrl.replace(/\/[^/]+$/, "/postgres");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template roundup_template`);
  await admin.end();
  const url = templateUrl.replace(/\/[^/]+$/, `/${name}`);
  const db = createPrismaClient(url, { max: 2 });
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
