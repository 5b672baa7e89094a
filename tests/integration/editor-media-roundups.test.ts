import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const uploadDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/roundup-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { deleteMedia, updateMediaText, uploadMedia } from "@/lib/data/media";
import { getPublishedStory } from "@/lib/data/public";
import { addRoundupItem, createRoundup, getRoundupForEdit, publishRoundup, removeRoundupItem, reorderRoundup, RoundupInfoConflictError, updateRoundup } from "@/lib/data/roundups";
import { createStory, saveStory } from "@/lib/data/stories";
import { transitionStory } from "@/lib/data/story-workflow";
import { getStorage } from "@/lib/storage";
import { createActor, removeContentOf } from "./support/actors";

async function photoWithGps(width = 2000): Promise<Buffer> {
  return sharp({ create: { width, height: 1000, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "43/1 52/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "125/1 19/1 0/1" } })
    .toBuffer();
}

describe("editor: media", () => {
  let journalist: Actor;
  let editor: Actor;
  beforeAll(async () => {
    [journalist, editor] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "EDITOR")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [journalist, editor]);
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  it("stores a JPEG without its GPS data, with responsive WebP sizes and dimensions", async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { id } = await uploadMedia(journalist, { bytes: original, alt: "红色测试图", caption: "说明", credit: "本报记者 测试 摄" });
    const row = await db.media.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ width: 2000, height: 1000, mimeType: "image/jpeg", credit: "本报记者 测试 摄" });
    const stored = await getStorage().get(row.storageKey!);
    expect(stored).not.toBeNull();
    const meta = await sharp(stored!).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe("jpeg");
    const variants = row.variants as { width: number; key: string }[];
    expect(variants.map((v) => v.width)).toEqual([480, 720, 960, 1600]);
    for (const variant of variants) expect((await sharp((await getStorage().get(variant.key))!).metadata()).format).toBe("webp");
  });

  it("decides the type from the bytes and refuses anything else, whatever the name says", async () => {
    const fake = Buffer.from("<?php echo 'not an image'; ?>");
    await expect(uploadMedia(journalist, { bytes: fake, alt: "假图片", caption: "", credit: "" })).rejects.toMatchObject({ code: "INVALID" });
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    await expect(uploadMedia(journalist, { bytes: gif, alt: "GIF", caption: "", credit: "" })).rejects.toMatchObject({ code: "INVALID" });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0xff);
    await expect(uploadMedia(journalist, { bytes: big, alt: "太大", caption: "", credit: "" })).rejects.toThrow(/10 MB/);
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: "#00ff00" } }).png().toBuffer();
    const { id } = await uploadMedia(journalist, { bytes: png, alt: "小图", caption: "", credit: "" });
    expect((await db.media.findUniqueOrThrow({ where: { id } })).mimeType).toBe("image/png");
    await expect(uploadMedia(null, { bytes: png, alt: "匿名", caption: "", credit: "" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("edits an image's texts: its uploader or an editor, audited, expiring the live pages that show it", async () => {
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#336699" } }).png().toBuffer();
    const { id } = await uploadMedia(editor, { bytes: png, alt: "旧替代文字", caption: "旧说明", credit: "" });
    const story = await createStory(editor, { title: "改题图说明的报道" });
    await saveStory(editor, { id: story.id, baseVersion: 1, title: "改题图说明的报道", dek: "", body: "", byline: "", slug: "", sectionId: null, tags: [], leadMediaId: id }, { revision: true });
    const draftOnly = await updateMediaText(editor, { id, alt: "新替代文字", caption: "旧说明", credit: "" });
    expect(draftOnly.tags).toEqual([]);
    await transitionStory(editor, { id: story.id, action: "publish", publishAt: null });

    await expect(updateMediaText(journalist, { id, alt: "记者改的", caption: "", credit: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateMediaText(null, { id, alt: "匿名", caption: "", credit: "" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(updateMediaText(editor, { id: "no-such-image", alt: "无", caption: "", credit: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { tags } = await updateMediaText(editor, { id, alt: "新替代文字", caption: "新说明", credit: "本报记者 测试 摄" });
    const slug = (await db.story.findUniqueOrThrow({ where: { id: story.id } })).slug;
    expect(tags).toContain(`story:${slug}`);
    expect(tags).toContain("home");
    expect(await db.media.findUniqueOrThrow({ where: { id } })).toMatchObject({ alt: "新替代文字", caption: "新说明", credit: "本报记者 测试 摄" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "media.update" }, orderBy: { createdAt: "desc" } });
    expect(audit.summary).toBe("修改图片「新替代文字」的说明、署名");
    const live = await getPublishedStory(slug);
    expect(live.kind === "story" ? live.story.leadMedia : null).toMatchObject({ caption: "新说明", credit: "本报记者 测试 摄" });
  });

  it("refuses to delete an image a story uses, and deletes its files once unused", async () => {
    const { id } = await uploadMedia(journalist, { bytes: await photoWithGps(600), alt: "题图", caption: "", credit: "" });
    const story = await createStory(journalist, { title: "有题图的报道" });
    await saveStory(journalist, { id: story.id, baseVersion: 1, title: "有题图的报道", dek: "", body: "", byline: "", slug: "", sectionId: null, tags: [], leadMediaId: id }, { revision: true });
    await expect(deleteMedia(editor, id)).rejects.toMatchObject({ code: "CONFLICT" });
    await saveStory(journalist, { id: story.id, baseVersion: 2, title: "有题图的报道", dek: "", body: "", byline: "", slug: "", sectionId: null, tags: [], leadMediaId: null }, { revision: true });
    const key = (await db.media.findUniqueOrThrow({ where: { id } })).storageKey!;
    await deleteMedia(editor, id);
    expect(await getStorage().get(key)).toBeNull();
    expect(fs.existsSync(path.join(uploadDir, key))).toBe(false);
  });
});

describe("editor: roundups", () => {
  let editor: Actor;
  let journalist: Actor;
  beforeAll(async () => {
    [editor, journalist] = await Promise.all([createActor(db, "EDITOR"), createActor(db, "JOURNALIST")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [editor, journalist]);
    await db.$disconnect();
  });

  async function ranks(id: string) {
    return (await getRoundupForEdit(editor, id))!.items.map((item) => `${item.rank}:${item.title}`);
  }

  it("refuses a save of the details based on an older copy, returning what is stored; item changes don't make a copy old", async () => {
    const details = { title: "两人编辑的榜单", year: 1999, publisher: "测试报社", intro: "" };
    const { id } = await createRoundup(editor, details);
    const loaded = (await getRoundupForEdit(editor, id))!.infoStamp;
    // Another tab saves a new intro; this one adds a story, then saves the title from its old copy.
    const other = await updateRoundup(editor, id, { ...details, intro: "对方的导语" }, loaded);
    const story = await createStory(editor, { title: "榜单条目" });
    await addRoundupItem(editor, { id, storyId: story.id });
    const refused = await updateRoundup(editor, id, { ...details, title: "我的新标题" }, loaded).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RoundupInfoConflictError);
    expect((refused as RoundupInfoConflictError).current).toMatchObject({ title: "两人编辑的榜单", intro: "对方的导语" });
    expect((refused as RoundupInfoConflictError).stamp).toBe(other.infoStamp);
    expect(await db.roundup.findUniqueOrThrow({ where: { id }, select: { title: true, intro: true } })).toEqual({ title: "两人编辑的榜单", intro: "对方的导语" });

    // The stamp from the other save (the add in between changed only the items) lets the next save through.
    const saved = await updateRoundup(editor, id, { ...details, title: "我的新标题", intro: "对方的导语" }, other.infoStamp);
    expect(saved.infoStamp).toBe((await getRoundupForEdit(editor, id))!.infoStamp);
  });

  it("keeps ranks 1..N unique and contiguous through add, reorder and remove", async () => {
    const { id } = await createRoundup(editor, { title: "测试年度榜单", year: 1999, publisher: "测试报社选出", intro: "" });
    const stories = [];
    for (const title of ["甲", "乙", "丙", "丁"]) stories.push(await createStory(editor, { title }));
    for (const story of stories) await addRoundupItem(editor, { id, storyId: story.id });
    expect(await ranks(id)).toEqual(["1:甲", "2:乙", "3:丙", "4:丁"]);

    const items = (await getRoundupForEdit(editor, id))!.items;
    await reorderRoundup(editor, { id, itemIds: [items[3]!.id, items[0]!.id, items[1]!.id, items[2]!.id] });
    expect(await ranks(id)).toEqual(["1:丁", "2:甲", "3:乙", "4:丙"]);

    await removeRoundupItem(editor, { id, itemId: items[0]!.id });
    expect(await ranks(id)).toEqual(["1:丁", "2:乙", "3:丙"]);

    // An order built from a stale list (the removed item still in it) is refused, not half-applied.
    await expect(reorderRoundup(editor, { id, itemIds: items.map((i) => i.id) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addRoundupItem(editor, { id, storyId: stories[3]!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reorderRoundup(journalist, { id, itemIds: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says a roundup is missing only when it is, and lets other failures show as what they are", async () => {
    await expect(removeRoundupItem(editor, { id: "no-such-roundup", itemId: "x" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "找不到这个榜单。" });
    // PostgreSQL refuses the NUL byte: that is bad input, not a missing roundup.
    await expect(removeRoundupItem(editor, { id: "bad\u0000id", itemId: "x" })).rejects.not.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks before publishing unpublished stories, then publishes them together, and the story page shows the new rank", async () => {
    const { id } = await createRoundup(editor, { title: "发布测试榜单", year: 1998, publisher: "", intro: "" });
    const live = await createStory(editor, { title: "已发布的一条" });
    await transitionStory(editor, { id: live.id, action: "publish", publishAt: null });
    const draft = await createStory(editor, { title: "还是草稿的一条" });
    await addRoundupItem(editor, { id, storyId: live.id });
    await addRoundupItem(editor, { id, storyId: draft.id });

    expect(await publishRoundup(editor, { id, publishStories: false })).toEqual({ kind: "needs_confirmation", unpublished: ["还是草稿的一条"] });
    const outcome = await publishRoundup(editor, { id, publishStories: true });
    expect(outcome.kind).toBe("published");
    const slugOf = async (storyId: string) => (await db.story.findUniqueOrThrow({ where: { id: storyId } })).slug;
    const page = await getPublishedStory(await slugOf(draft.id));
    expect(page.kind === "story" && page.story.placements[0]?.rank).toBe(2);

    const items = (await getRoundupForEdit(editor, id))!.items;
    await reorderRoundup(editor, { id, itemIds: [items[1]!.id, items[0]!.id] });
    const after = await getPublishedStory(await slugOf(draft.id));
    expect(after.kind === "story" && after.story.placements[0]?.rank).toBe(1);
  });
});
