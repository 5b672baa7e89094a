import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "./support/db";
import { createUser } from "./support/fixtures";

const ROOT = path.resolve(__dirname, "../..");
const SEED = process.env.ROUNDUP_SEED_FILE ?? path.resolve(ROOT, "../shared/seeds/000_b9b4a63105b791e4.txt");

function runImport(args: string[], env: Record<string, string>) {
  const result = spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/import.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case starts the CLI (and Prisma's migration check) as child processes: generous harness
// time for a loaded machine; this is not a speed assertion.
const CLI_TIMEOUT = 180_000;

describe("npm run import (the CLI)", () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  let editorEmail: string;
  beforeAll(async () => {
    fresh = await createFreshDatabase();
    editorEmail = (await createUser(fresh.db, { role: "EDITOR" })).email;
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("prints the parsed seed as JSON with --dry-run --json and writes nothing", async () => {
    const { code, stdout } = runImport([SEED, "--dry-run", "--json"], { DATABASE_URL: fresh.url });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { roundups: Record<string, unknown>[]; warnings: string[] };
    expect(Object.keys(json)).toEqual(["roundups", "warnings"]);
    const [roundup] = json.roundups;
    expect(Object.keys(roundup!)).toEqual(["title", "year", "publisher", "intro", "caption", "credit", "items"]);
    expect(roundup).toMatchObject({ title: "2023年吉林十大新闻", year: 2023, publisher: "吉林日报社", credit: "本报记者 邹乃硕 张野 摄" });
    const items = roundup!.items as { rank: number; title: string; paragraphs: string[]; caption: string | null; credit: string | null }[];
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.keys(items[0]!)).toEqual(["rank", "title", "paragraphs", "caption", "credit"]);
    expect(items[0]!.caption).toBeNull();
    expect(await fresh.db.roundup.count()).toBe(0);
  }, CLI_TIMEOUT);

  it("creates the drafts as the named editor and prints their editor URLs, then refuses a second import", async () => {
    const first = runImport([SEED, "--as", editorEmail], { DATABASE_URL: fresh.url, SITE_URL: "https://news.example.com" });
    expect(first.code).toBe(0);
    const roundup = await fresh.db.roundup.findFirstOrThrow({ include: { _count: { select: { items: true } } } });
    expect(roundup._count.items).toBe(10);
    expect(first.stdout).toContain(`https://news.example.com/editor/roundups/${roundup.id}`);

    const second = runImport([SEED, "--as", editorEmail], { DATABASE_URL: fresh.url });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("这份文档已经导入过");
    expect(second.stderr).toContain("--allow-duplicate");
    expect(await fresh.db.roundup.count()).toBe(1);
  }, CLI_TIMEOUT);

  it("rejects an empty file and a binary file with a clear message", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-import-"));
    const empty = path.join(dir, "empty.txt");
    const binary = path.join(dir, "photo.txt");
    fs.writeFileSync(empty, "");
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const a = runImport([empty, "--dry-run"], { DATABASE_URL: fresh.url });
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("文件为空");
    const b = runImport([binary, "--dry-run"], { DATABASE_URL: fresh.url });
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/不是文本|二进制|图片/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, CLI_TIMEOUT);
});
