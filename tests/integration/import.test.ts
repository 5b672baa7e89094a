import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getPublishedStory } from "@/lib/data/public";
import { DuplicateImportError, findDuplicateImports, importRoundups } from "@/lib/data/import";
import { getPublishedRoundup } from "@/lib/data/public";
import { updateRoundup } from "@/lib/data/roundups";
import { roundupInputSchema } from "@/lib/validation/roundup";
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
    // The document's lead photo is known by caption and credit only: they go into the slot, and no
    // file-less image is made (the photo and its alt text are added in the roundup editor).
    expect(roundup.leadMedia).toBeNull();
    expect(roundup.leadCredit).toBe("本报记者 邹乃硕 张野 摄");
    expect(roundup.leadCaption).toContain("第四次全体会议");
    expect(roundup.leadAlt).toBe("");
    expect(roundup.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(roundup.items.every((i) => i.story.status === "DRAFT" && i.story.authorId === editor.id)).toBe(true);
    expect(roundup.items[4]!.story.title).toBe("保护好“耕地中的大熊猫”,粮食总产达837.3亿斤,创历史最高纪录,吉林成为全国第四产粮大省");
    expect(roundup.items[4]!.story.body).toContain("粮食单产稳居全国粮食主产省第1位");
    expect(new Set(roundup.items.map((i) => i.story.slug)).size).toBe(10);
    // Each story's dek is the first sentence of its body.
    expect(roundup.items[4]!.story.dek).toMatch(/^[^。！？]+[。！？]$/);
    expect(roundup.items[4]!.story.body.replace(/\\/g, "").startsWith(roundup.items[4]!.story.dek)).toBe(true);
    expect(created!.stories.map((story) => story.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

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

  it("refuses a list with the same title and year as an existing roundup, from any document, naming it", async () => {
    const title = `${RUN}年度重复检查十大新闻`;
    const outline = { roundups: [{ title, year: 2024, publisher: null, intro: null, outro: null, caption: null, credit: null, ordering: "rank" as const, items: [{ rank: 1, title: "第一条", paragraphs: ["正文第一句。第二句。"], caption: null, credit: null, votes: null }], unassigned: [] }] };
    const [first] = await importRoundups(editor, outline, { fingerprint: fingerprintOf(`${title}-a`) });
    const before = await db.roundup.count();

    // Another document (another fingerprint), same list: refused, with the roundup it would repeat.
    const refusal = await importRoundups(editor, { roundups: [{ ...outline.roundups[0]!, title: ` ${title} ` }] }, { fingerprint: fingerprintOf(`${title}-b`) }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DuplicateImportError);
    expect((refusal as DuplicateImportError).code).toBe("CONFLICT");
    expect((refusal as DuplicateImportError).message).toContain("已有同名同年的榜单");
    expect((refusal as DuplicateImportError).duplicates).toEqual([expect.objectContaining({ id: first!.id, title, year: 2024, reason: "title" })]);
    expect(await db.roundup.count()).toBe(before);
    // The preview's look-up finds the same, by title and by document.
    expect((await findDuplicateImports(editor, fingerprintOf(`${title}-c`), [{ title, year: 2024 }])).map((d) => d.reason)).toEqual(["title"]);
    expect((await findDuplicateImports(editor, fingerprintOf(`${title}-a`), [])).map((d) => [d.id, d.reason])).toEqual([[first!.id, "document"]]);
    // Another year is another list.
    await expect(importRoundups(editor, { roundups: [{ ...outline.roundups[0]!, year: 2025 }] }, { fingerprint: fingerprintOf(`${title}-d`) })).resolves.toHaveLength(1);
    // Asked for explicitly, a second copy is made.
    await expect(importRoundups(editor, outline, { fingerprint: fingerprintOf(`${title}-b`), allowDuplicate: true })).resolves.toHaveLength(1);
  });

  it("gives every imported story its dek and the section and tags chosen for the import", async () => {
    const section = await db.section.create({ data: { name: `导入栏目${RUN}`, slug: `import-section-${RUN}` } });
    const tag = `导入标签${RUN}`;
    const outline = {
      roundups: [
        {
          title: `${RUN}栏目标签测试`, year: 2024, publisher: null, intro: null, outro: null, caption: null, credit: null, ordering: "rank" as const, unassigned: [],
          items: [
            { rank: 1, title: "甲", paragraphs: ["", "全市粮食产量增长6.3%。其余内容。"], caption: null, credit: null, votes: null },
            { rank: 2, title: "乙", paragraphs: ["没有句号的一段"], caption: null, credit: null, votes: null },
          ],
        },
      ],
    };
    const [created] = await importRoundups(editor, outline, { fingerprint: fingerprintOf(`${RUN}-choices`), sectionId: section.id, tags: `${tag}，年度` });
    const stories = await db.story.findMany({ where: { id: { in: created!.storyIds } }, orderBy: { title: "asc" }, include: { tags: { include: { tag: true } }, revisions: true } });
    expect(stories.map((story) => [story.title, story.dek, story.sectionId, story.tags.map((t) => t.tag.name).sort()])).toEqual([
      ["乙", "没有句号的一段", section.id, [tag, "年度"].sort()],
      ["甲", "全市粮食产量增长6.3%。", section.id, [tag, "年度"].sort()],
    ]);
    expect(stories[1]!.revisions[0]).toMatchObject({ dek: "全市粮食产量增长6.3%。", sectionId: section.id, tagNames: [tag, "年度"] });

    // A section that doesn't exist, or too many tags, is refused before anything is written.
    const before = await db.story.count();
    await expect(importRoundups(editor, outline, { fingerprint: fingerprintOf(`${RUN}-bad`), allowDuplicate: true, sectionId: "no-such-section" })).rejects.toMatchObject({ code: "INVALID", field: "sectionId" });
    await expect(importRoundups(editor, outline, { fingerprint: fingerprintOf(`${RUN}-bad`), allowDuplicate: true, tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(",") })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.story.count()).toBe(before);
  });

  it("takes a lead photo in the roundup editor: alt text required with an image, the caption shown only with a file", async () => {
    const outline = { roundups: [{ title: `${RUN}题图测试`, year: 2024, publisher: null, intro: null, outro: null, caption: "会场全景。", credit: "本报记者 某某 摄", ordering: "rank" as const, unassigned: [], items: [{ rank: 1, title: "一", paragraphs: ["正文。"], caption: null, credit: null, votes: null }] }] };
    const [created] = await importRoundups(editor, outline, { fingerprint: fingerprintOf(`${RUN}-lead`) });
    const photo = await db.media.create({ data: { alt: "库里的替代文字", storageKey: `lead-${RUN}.webp`, width: 10, height: 10, uploadedById: editor.id } });
    const captionOnly = await db.media.create({ data: { alt: "只有说明", caption: "只有说明", uploadedById: editor.id } });
    // The form's fields as the composer's action parses them (its id goes to the data function apart).
    const parse = (fields: Record<string, string>) => {
      const { id: _id, ...input } = roundupInputSchema.parse(fields);
      return input;
    };
    const base = { title: `${RUN}题图测试`, year: "2024", publisher: "", intro: "", outro: "", leadCaption: "会场全景。", leadCredit: "本报记者 某某 摄" };

    const missingAlt = roundupInputSchema.safeParse({ ...base, leadMediaId: photo.id, leadAlt: "  " });
    expect(missingAlt.success ? [] : missingAlt.error.issues.map((issue) => issue.path.join("."))).toEqual(["leadAlt"]);
    await expect(updateRoundup(editor, created!.id, parse({ ...base, leadMediaId: captionOnly.id, leadAlt: "x" }))).rejects.toMatchObject({ code: "INVALID", field: "leadMediaId" });

    await updateRoundup(editor, created!.id, parse({ ...base, leadMediaId: photo.id, leadAlt: "大会会场，代表们正在投票" }));
    const stored = await db.roundup.findUniqueOrThrow({ where: { id: created!.id } });
    expect(stored).toMatchObject({ leadMediaId: photo.id, leadAlt: "大会会场，代表们正在投票", leadCaption: "会场全景。", leadCredit: "本报记者 某某 摄" });

    // As readers get it, once published: the roundup's own alt, caption and credit with the file.
    await db.roundup.update({ where: { id: created!.id }, data: { status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) } });
    expect((await getPublishedRoundup(stored.slug))?.lead).toMatchObject({ storageKey: `lead-${RUN}.webp`, alt: "大会会场，代表们正在投票", caption: "会场全景。", credit: "本报记者 某某 摄" });
    // Without an image the caption is not shown at all.
    await updateRoundup(editor, created!.id, parse({ ...base, leadMediaId: "", leadAlt: "" }));
    expect((await getPublishedRoundup(stored.slug))?.lead).toBeNull();
    await db.roundup.delete({ where: { id: created!.id } });
    await db.media.deleteMany({ where: { id: { in: [photo.id, captionOnly.id] } } });
  });
});
