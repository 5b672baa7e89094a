import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPublishedStory } from "@/lib/data/public";
import { importRoundups } from "@/lib/data/import";
import { db } from "@/lib/db";
import { documentFingerprint, parseRoundupDocument, readDocumentOutline } from "@/lib/import/parse";
import { createUser } from "./support/fixtures";

const SEED = process.env.ROUNDUP_SEED_FILE ?? path.resolve(__dirname, "../../../shared/seeds/000_b9b4a63105b791e4.txt");
const FIXTURES = path.resolve(__dirname, "../fixtures/import");
// Each run gets its own fingerprints, so runs sharing a database never see each other's imports.
const RUN = Date.now().toString(36);
const fingerprintOf = (text: string) => `${documentFingerprint(text)}-${RUN}`;

function actorOf(user: { id: string; name: string; email: string; role: Actor["role"] }): Actor {
  return { id: user.id, name: user.name, email: user.email, role: user.role, mustChangePassword: false };
}

describe("importing a roundup document into drafts", () => {
  let editor: Actor;
  let journalist: Actor;
  let seedText: string;

  beforeAll(async () => {
    if (!fs.existsSync(SEED)) throw new Error(`seed document not found at ${SEED} (set ROUNDUP_SEED_FILE)`);
    seedText = fs.readFileSync(SEED, "utf8");
    editor = actorOf(await createUser(db, { role: "EDITOR" }));
    journalist = actorOf(await createUser(db, { role: "JOURNALIST" }));
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("creates a draft roundup of the seed with ten draft stories in the seed's ranks", async () => {
    const doc = parseRoundupDocument(seedText);
    const [created] = await importRoundups(editor, doc, { fingerprint: fingerprintOf(seedText) });
    expect(created).toBeDefined();

    const roundup = await db.roundup.findUniqueOrThrow({
      where: { id: created!.id },
      include: { leadMedia: true, items: { orderBy: { rank: "asc" }, include: { story: true } } },
    });
    expect(roundup).toMatchObject({ title: "2023年吉林十大新闻", year: 2023, publisher: "吉林日报社", status: "DRAFT", ordering: "RANK" });
    expect(roundup.leadMedia?.credit).toBe("本报记者 邹乃硕 张野 摄");
    expect(roundup.leadMedia?.caption).toContain("第四次全体会议");
    expect(roundup.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(roundup.items.every((i) => i.story.status === "DRAFT" && i.story.authorId === editor.id)).toBe(true);
    expect(roundup.items[4]!.story.title).toBe("保护好“耕地中的大熊猫”,粮食总产达837.3亿斤,创历史最高纪录,吉林成为全国第四产粮大省");
    expect(roundup.items[4]!.story.body).toContain("粮食单产稳居全国粮食主产省第1位");
    expect(new Set(roundup.items.map((i) => i.story.slug)).size).toBe(10);

    // Drafts stay out of every public read.
    expect(await getPublishedStory(roundup.items[0]!.story.slug)).toEqual({ kind: "missing" });

    const audit = await db.auditEvent.findMany({ where: { actorId: editor.id, action: { in: ["roundup.import", "story.create"] } } });
    expect(audit.filter((e) => e.action === "roundup.import")).toHaveLength(1);
    expect(audit.filter((e) => e.action === "story.create")).toHaveLength(10);
  });

  it("refuses the same document a second time and writes nothing, unless a copy is asked for", async () => {
    const doc = parseRoundupDocument(seedText);
    const fingerprint = fingerprintOf(seedText);
    const before = await db.story.count();
    await expect(importRoundups(editor, doc, { fingerprint })).rejects.toThrow("这份文档已经导入过");
    expect(await db.story.count()).toBe(before);

    const [copy] = await importRoundups(editor, doc, { fingerprint, allowDuplicate: true });
    expect(await db.story.count()).toBe(before + 10);
    expect(await db.roundup.count({ where: { importFingerprint: fingerprint } })).toBe(2);
    expect(copy!.slug).not.toBe((await db.roundup.findFirstOrThrow({ where: { importFingerprint: fingerprint }, orderBy: { createdAt: "asc" } })).slug);
  });

  it("does not let a journalist import, and writes nothing", async () => {
    const text = fs.readFileSync(path.join(FIXTURES, "dot-numbered.txt"), "utf8");
    const before = await db.roundup.count();
    await expect(importRoundups(journalist, parseRoundupDocument(text), { fingerprint: fingerprintOf(text) })).rejects.toThrow("只有编辑和管理员可以导入榜单");
    await expect(importRoundups(null, parseRoundupDocument(text), { fingerprint: fingerprintOf(text) })).rejects.toThrow();
    expect(await db.roundup.count()).toBe(before);
  });

  it("turns a document with two lists into two draft roundups", async () => {
    const text = fs.readFileSync(path.join(FIXTURES, "two-lists.txt"), "utf8");
    const doc = parseRoundupDocument(text);
    const created = await importRoundups(editor, doc, { fingerprint: fingerprintOf(text) });
    expect(created).toHaveLength(2);
    expect(created.map((r) => r.title)).toEqual(doc.roundups.map((r) => r.title));
    expect(created.map((r) => r.storyIds.length)).toEqual(doc.roundups.map((r) => r.items.length));
  });

  it("writes a corrected outline: vote counts as item metadata, the closing note as the outro", async () => {
    const text = fs.readFileSync(path.join(FIXTURES, "shapes/votes.txt"), "utf8");
    const doc = parseRoundupDocument(text);
    const outline = { roundups: doc.roundups.map((roundup) => ({ ...roundup, title: `${roundup.title}${RUN}`, outro: "感谢读者参与投票。" })) };
    const [created] = await importRoundups(editor, outline, { fingerprint: fingerprintOf(text) });
    const roundup = await db.roundup.findUniqueOrThrow({ where: { id: created!.id }, include: { items: { orderBy: { rank: "asc" } } } });
    expect(roundup.outro).toBe("感谢读者参与投票。");
    expect(roundup.items.map((item) => item.metadata)).toEqual([{ votes: 12345 }, { votes: 10987 }, { votes: 9876 }, { votes: 8001 }]);
  });

  it("refuses an outline that fails its checks, names each problem, and writes nothing", async () => {
    const text = fs.readFileSync(path.join(FIXTURES, "rank-gap.txt"), "utf8");
    const before = await db.story.count();
    await expect(importRoundups(editor, readDocumentOutline(text), { fingerprint: fingerprintOf(text) })).rejects.toThrow("第1个榜单的条目：序号须为 1 到 4 各一次");
    await expect(importRoundups(editor, readDocumentOutline("一段没有编号的文字。"), { fingerprint: fingerprintOf("x") })).rejects.toThrow("未归类段落");
    expect(await db.story.count()).toBe(before);
  });
});

