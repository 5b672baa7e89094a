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
    expect(Object.keys(json)).toEqual(["fingerprint", "roundups", "warnings"]);
    const [roundup] = json.roundups;
    expect(Object.keys(roundup!)).toEqual(["title", "year", "publisher", "intro", "outro", "caption", "credit", "ordering", "items", "unassigned"]);
    expect(roundup).toMatchObject({ title: "2023年吉林十大新闻", year: 2023, publisher: "吉林日报社", credit: "本报记者 邹乃硕 张野 摄" });
    const items = roundup!.items as { rank: number; title: string; paragraphs: string[]; caption: string | null; credit: string | null }[];
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.keys(items[0]!)).toEqual(["rank", "title", "paragraphs", "caption", "credit", "votes"]);
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

  it("refuses an outline whose list repeats an existing roundup's title and year, naming it, unless --allow-duplicate", async () => {
    // The seed's outline without its fingerprint: another "document", the same list (imported above).
    const exported = runImport([SEED, "--dry-run", "--json"], { DATABASE_URL: fresh.url });
    const { fingerprint: _fingerprint, ...outline } = JSON.parse(exported.stdout) as { fingerprint: string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-duplicate-"));
    const outlinePath = path.join(dir, "outline.json");
    fs.writeFileSync(outlinePath, JSON.stringify(outline));
    const existing = await fresh.db.roundup.findFirstOrThrow({ where: { title: "2023年吉林十大新闻" }, select: { id: true } });

    const refused = runImport(["--outline", outlinePath, "--as", editorEmail], { DATABASE_URL: fresh.url, SITE_URL: "https://news.example.com" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("已有同名同年的榜单（“2023年吉林十大新闻”（2023年））");
    expect(refused.stderr).toContain(`https://news.example.com/editor/roundups/${existing.id}`);
    expect(refused.stderr).toContain("--allow-duplicate");
    expect(await fresh.db.roundup.count({ where: { title: "2023年吉林十大新闻" } })).toBe(1);

    const copied = runImport(["--outline", outlinePath, "--as", editorEmail, "--allow-duplicate"], { DATABASE_URL: fresh.url });
    expect(copied.code).toBe(0);
    expect(await fresh.db.roundup.count({ where: { title: "2023年吉林十大新闻" } })).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  }, CLI_TIMEOUT * 2);

  it("exports the outline of a document it cannot split, and imports it once corrected with --outline", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roundup-outline-"));
    const tag = Date.now().toString(36);
    const documentPath = path.join(dir, "unsplit.txt");
    fs.writeFileSync(documentPath, `${tag}县这一年\n\n北湾港扩建\n\n港区新增泊位4个。\n\n北湾大桥通车\n\n大桥全长12.6公里。\n`);

    const exported = runImport([documentPath, "--dry-run", "--json"], { DATABASE_URL: fresh.url });
    expect(exported.code).toBe(0);
    const outline = JSON.parse(exported.stdout) as {
      fingerprint: string;
      roundups: { title: string; year: number | null; items: unknown[]; unassigned: string[]; outro: string | null }[];
    };
    expect(outline.roundups[0]).toMatchObject({ title: `${tag}县这一年`, items: [] });
    expect(outline.roundups[0]!.unassigned).toHaveLength(4);

    // As exported, the outline still has unplaced paragraphs: refused, naming where.
    const outlinePath = path.join(dir, "outline.json");
    fs.writeFileSync(outlinePath, JSON.stringify(outline));
    const refused = runImport(["--outline", outlinePath, "--as", editorEmail], { DATABASE_URL: fresh.url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("第1个榜单的未归类段落");
    expect(await fresh.db.roundup.count({ where: { title: `${tag}县这一年` } })).toBe(0);

    // Corrected by hand: two items (one with a vote count), a year and a closing note.
    const corrected = {
      ...outline,
      roundups: [
        {
          ...outline.roundups[0]!,
          year: 2024,
          outro: "以上两件事最受关注。",
          unassigned: [],
          items: [
            { rank: 1, title: "北湾港扩建", paragraphs: ["港区新增泊位4个。"], caption: null, credit: null, votes: 321 },
            { rank: 2, title: "北湾大桥通车", paragraphs: ["大桥全长12.6公里。"], caption: null, credit: null, votes: null },
          ],
        },
      ],
    };
    fs.writeFileSync(outlinePath, JSON.stringify(corrected));
    const imported = runImport(["--outline", outlinePath, "--as", editorEmail], { DATABASE_URL: fresh.url });
    expect(imported.code).toBe(0);
    const roundup = await fresh.db.roundup.findFirstOrThrow({
      where: { title: `${tag}县这一年` },
      include: { items: { orderBy: { rank: "asc" }, include: { story: true } } },
    });
    expect(roundup).toMatchObject({ year: 2024, outro: "以上两件事最受关注。", importFingerprint: outline.fingerprint });
    expect(roundup.items.map((item) => [item.rank, item.story.title, item.metadata])).toEqual([
      [1, "北湾港扩建", { votes: 321 }],
      [2, "北湾大桥通车", null],
    ]);

    // The same document's outline a second time is noticed by its fingerprint.
    const again = runImport(["--outline", outlinePath, "--as", editorEmail], { DATABASE_URL: fresh.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("这份文档已经导入过");
    fs.rmSync(dir, { recursive: true, force: true });
  }, CLI_TIMEOUT * 2);

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
