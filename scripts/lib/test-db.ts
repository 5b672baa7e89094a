import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase, type RunningDatabase } from "./database";
import { info } from "./log";
import { migrateDatabase } from "./prisma-cli";
import { seedIfNew } from "./prepare";

export type TestDatabases = { e2eUrl: string; integrationUrl: string; templateUrl: string; authSecret: string; stop: () => Promise<void> };

/**
 * A throwaway PostgreSQL for one test run: its own temporary data folder and port, removed on stop.
 * Databases on it: one seeded with the demo content for the browser tests, one for the integration
 * tests (which create their own uniquely named rows), and an empty migrated template.
 */
export async function startTestDatabases(): Promise<TestDatabases> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-test-pg-"));
  let db: RunningDatabase | undefined;
  try {
    db = await startEmbeddedDatabase({ dataDir, removeOnStop: true, log: false, databases: ["roundup_e2e", "roundup_integration", "roundup_template"] });
    const e2eUrl = db.url;
    const integrationUrl = db.url.replace(/\/roundup_e2e$/, "/roundup_integration");
    // An empty, migrated database that tests copy (CREATE DATABASE … TEMPLATE) when they need a fresh one.
    const templateUrl = db.url.replace(/\/roundup_e2e$/, "/roundup_template");
    await Promise.all([migrateDatabase(e2eUrl), migrateDatabase(integrationUrl), migrateDatabase(templateUrl)]);
    await seedIfNew(e2eUrl);
    info(`test database ready (${dataDir})`);
    const running = db;
    return { e2eUrl, integrationUrl, templateUrl, authSecret: crypto.randomBytes(32).toString("base64url"), stop: () => running.stop() };
  } catch (error) {
    await db?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
