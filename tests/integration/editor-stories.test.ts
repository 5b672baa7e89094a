import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { claimStoryLock, listRevisions, restoreRevision } from "@/lib/data/story-history";
import { listStories } from "@/lib/data/story-lists";
import { createStory, getStoryForEdit, saveStory, StoryConflictError } from "@/lib/data/stories";
import { bulkUpdateStories, correctStory, transitionStory } from "@/lib/data/story-workflow";
import { getPublishedStory } from "@/lib/data/public";
import { createActor, removeContentOf } from "./support/actors";
import { storyInput } from "./support/story-input";

const input = storyInput;

describe("editor: stories", () => {
  let journalist: Actor;
  let other: Actor;
  let editor: Actor;
  beforeAll(async () => {
    [journalist, other, editor] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "JOURNALIST"), createActor(db, "EDITOR")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [journalist, other, editor]);
  });

  it("creates a story with a pinyin slug and a first revision, and saves revisions with the author", async () => {
    const { id } = await createStory(journalist, { title: "冰雪经济火热" });
    const story = await getStoryForEdit(journalist, id);
    expect(story?.slug).toMatch(/^bing-xue-jing-ji-huo-re(-\d+)?$/);
    const saved = await saveStory(journalist, input(id, 1, { title: "冰雪经济火热", body: "第一稿", tags: ["冰雪", "旅游"] }), { revision: true });
    expect(saved.version).toBe(2);
    const revisions = await listRevisions(journalist, id);
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(revisions[0]).toMatchObject({ body: "第一稿", editorName: journalist.name, tagNames: ["冰雪", "旅游"] });
  });

  it("refuses the second of two saves based on the same version, naming the winner and returning their text", async () => {
    const { id } = await createStory(journalist, { title: "并发保存" });
    const results = await Promise.allSettled([
      saveStory(journalist, input(id, 1, { body: "记者的版本" }), { revision: true }),
      saveStory(editor, input(id, 1, { body: "编辑的版本" }), { revision: true }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]?.reason as unknown;
    expect(error).toBeInstanceOf(StoryConflictError);
    const current = (error as StoryConflictError).current;
    expect(current.version).toBe(2);
    expect(["记者的版本", "编辑的版本"]).toContain(current.body);
    expect([journalist.name, editor.name]).toContain(current.editorName);
    expect(await db.storyRevision.count({ where: { storyId: id } })).toBe(2);
  });

  it("lets a journalist edit only their own unpublished stories", async () => {
    const { id } = await createStory(journalist, { title: "别人的稿子" });
    await expect(saveStory(other, input(id, 1), { revision: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await transitionStory(editor, { id, action: "publish", publishAt: null });
    await expect(saveStory(journalist, input(id, 1), { revision: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveStory(null, input(id, 1), { revision: true })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("runs the workflow and refuses illegal moves on the server", async () => {
    const { id } = await createStory(journalist, { title: "流程测试" });
    await expect(transitionStory(journalist, { id, action: "publish", publishAt: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await transitionStory(journalist, { id, action: "submit", publishAt: null });
    await expect(transitionStory(journalist, { id, action: "submit", publishAt: null })).rejects.toMatchObject({ code: "CONFLICT" });
    const at = new Date(Date.now() + 60 * 60 * 1000);
    await transitionStory(editor, { id, action: "schedule", publishAt: at });
    const slug = (await getStoryForEdit(editor, id))?.slug ?? "";
    expect((await getPublishedStory(slug)).kind).toBe("missing");

    await transitionStory(editor, { id, action: "publish", publishAt: null });
    const published = await db.story.findUniqueOrThrow({ where: { id } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await getPublishedStory(slug)).kind).toBe("story");

    await correctStory(editor, { id, correction: "原文数据有误，已更正。" });
    const found = await getPublishedStory(slug);
    expect(found.kind === "story" && found.story.correction).toBe("原文数据有误，已更正。");

    await transitionStory(editor, { id, action: "unpublish", publishAt: null });
    expect((await getPublishedStory(slug)).kind).toBe("missing");
    await transitionStory(editor, { id, action: "publish", publishAt: null });
    const again = await db.story.findUniqueOrThrow({ where: { id } });
    expect(again.publishedAt?.getTime()).toBe(published.publishedAt?.getTime());
  });

  it("keeps a published slug unless an editor changes it, and then redirects the old one", async () => {
    const { id } = await createStory(journalist, { title: "网址测试" });
    await transitionStory(editor, { id, action: "publish", publishAt: null });
    const before = await getStoryForEdit(editor, id);
    const saved = await saveStory(editor, input(id, before!.version, { title: "完全不同的新标题", slug: before!.slug }), { revision: true });
    expect(saved.slug).toBe(before!.slug);
    const renamed = await saveStory(editor, input(id, saved.version, { title: "完全不同的新标题", slug: `${before!.slug}-new` }), { revision: true });
    expect(renamed.slug).toBe(`${before!.slug}-new`);
    expect(renamed.cacheRef?.previousSlugs).toEqual([before!.slug]);
    expect(await getPublishedStory(before!.slug)).toEqual({ kind: "redirect", slug: `${before!.slug}-new` });
  });

  it("autosaves a draft without a revision but never a live story", async () => {
    const { id } = await createStory(journalist, { title: "自动保存" });
    const auto = await saveStory(journalist, input(id, 1, { body: "打了一半" }), { revision: false });
    expect(auto.version).toBe(2);
    expect(await db.storyRevision.count({ where: { storyId: id } })).toBe(1);
    await transitionStory(editor, { id, action: "publish", publishAt: null });
    await expect(saveStory(editor, input(id, 2, { body: "线上" }), { revision: false })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("restores an old revision as a new one on top", async () => {
    const { id } = await createStory(journalist, { title: "恢复测试" });
    await saveStory(journalist, input(id, 1, { title: "恢复测试", body: "原来的正文" }), { revision: true });
    await saveStory(journalist, input(id, 2, { title: "恢复测试", body: "改坏的正文" }), { revision: true });
    const old = (await listRevisions(journalist, id)).find((r) => r.version === 2)!;
    const restored = await restoreRevision(journalist, { id, revisionId: old.id, baseVersion: 3 });
    expect(restored.version).toBe(4);
    expect((await getStoryForEdit(journalist, id))?.body).toBe("原来的正文");
    expect((await listRevisions(journalist, id)).map((r) => r.version)).toEqual([4, 3, 2, 1]);
  });

  it("gives the soft lock to one person, shows the holder to others, and allows an explicit takeover", async () => {
    const { id } = await createStory(journalist, { title: "锁测试" });
    expect((await claimStoryLock(journalist, { id, takeover: false })).mine).toBe(true);
    const second = await claimStoryLock(editor, { id, takeover: false });
    expect(second).toMatchObject({ mine: false, holderName: journalist.name });
    expect((await claimStoryLock(editor, { id, takeover: true })).mine).toBe(true);
    // An expired lock (older than two minutes) is free for anyone.
    await db.story.update({ where: { id }, data: { lockedAt: new Date(Date.now() - 3 * 60 * 1000) } });
    expect((await claimStoryLock(journalist, { id, takeover: false })).mine).toBe(true);
  });

  it("pages through the story list by keyset without repeats and filters by title", async () => {
    const marker = `分页${Date.now()}`;
    for (let i = 0; i < 5; i++) await createStory(journalist, { title: `${marker} 第${i}篇` });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listStories(editor, { q: marker, after }, { pageSize: 2 });
      seen.push(...page.rows.map((r) => r.title));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe("editor: bulk actions", () => {
  let editor: Actor;
  let journalist: Actor;
  beforeAll(async () => {
    [editor, journalist] = await Promise.all([createActor(db, "EDITOR"), createActor(db, "JOURNALIST")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [editor, journalist]);
    await db.$disconnect();
  });

  it("unpublishes only live stories and moves stories to a section; journalists are refused", async () => {
    const live = await createStory(editor, { title: "批量撤下" });
    await transitionStory(editor, { id: live.id, action: "publish", publishAt: null });
    const draft = await createStory(journalist, { title: "批量草稿" });
    const section = await db.section.create({ data: { slug: `bulk-${Date.now()}`, name: `批量栏目${Date.now()}` } });

    await expect(bulkUpdateStories(journalist, { ids: [draft.id], action: "move", sectionId: section.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const unpublished = await bulkUpdateStories(editor, { ids: [live.id, draft.id], action: "unpublish", sectionId: "" });
    expect(unpublished.count).toBe(1);
    expect(unpublished.cacheRefs.map((ref) => ref.slug)).toEqual([(await db.story.findUniqueOrThrow({ where: { id: live.id } })).slug]);
    expect((await db.story.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("UNPUBLISHED");
    expect((await db.story.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    const moved = await bulkUpdateStories(editor, { ids: [live.id, draft.id], action: "move", sectionId: section.id });
    expect(moved.count).toBe(2);
    const rows = await db.story.findMany({ where: { id: { in: [live.id, draft.id] } }, select: { sectionId: true } });
    expect(rows.every((row) => row.sectionId === section.id)).toBe(true);
  });
});
