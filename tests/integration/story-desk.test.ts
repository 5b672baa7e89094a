import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { getPublishedStory, getRelatedStories } from "@/lib/data/public-stories";
import { listRevisions, restoreRevision } from "@/lib/data/story-history";
import { createStory, getStoryForEdit, saveStory, StoryConflictError } from "@/lib/data/stories";
import { getStoryPreview } from "@/lib/data/story-preview";
import { transitionStory } from "@/lib/data/story-workflow";
import type { StoryInput } from "@/lib/validation/story";
import { createActor, removeContentOf } from "./support/actors";
import { storyInput } from "./support/story-input";

// Issue 12: revision numbers that count only explicit saves (the lock version still counts every
// write), 来源 and 责任编辑 with their audit trail, and 相关报道.

const input = (id: string, baseVersion: number, patch: Partial<StoryInput> = {}) => storyInput(id, baseVersion, { title: "写作台测试", ...patch });

describe("story desk: versions, source, editor of record, related stories", () => {
  let journalist: Actor;
  let editor: Actor;
  let otherEditor: Actor;
  beforeAll(async () => {
    [journalist, editor, otherEditor] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "EDITOR"), createActor(db, "EDITOR")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [journalist, editor, otherEditor]);
  });

  it("numbers only explicit saves: autosaves in between leave the history at 1, 2, 3", async () => {
    const { id } = await createStory(journalist, { title: "版本号" });
    const first = await saveStory(journalist, input(id, 1, { body: "一" }), { revision: true });
    expect(first).toMatchObject({ version: 2, revision: 2 });
    const auto1 = await saveStory(journalist, input(id, first.version, { body: "一二" }), { revision: false });
    const auto2 = await saveStory(journalist, input(id, auto1.version, { body: "一二三" }), { revision: false });
    expect(auto2).toMatchObject({ version: 4, revision: 2 });
    // The manual save names the version the last autosave returned (the editor's save queue does that).
    const second = await saveStory(journalist, input(id, auto2.version, { body: "一二三四" }), { revision: true });
    expect(second).toMatchObject({ version: 5, revision: 3 });
    expect((await listRevisions(journalist, id)).map((r) => r.version)).toEqual([3, 2, 1]);
    expect(await getStoryForEdit(journalist, id)).toMatchObject({ version: 5, revision: 3, body: "一二三四" });

    const old = (await listRevisions(journalist, id)).find((r) => r.version === 2)!;
    const restored = await restoreRevision(journalist, { id, revisionId: old.id, baseVersion: second.version });
    expect(restored.revision).toBe(4);
    expect((await listRevisions(journalist, id)).map((r) => r.version)).toEqual([4, 3, 2, 1]);
  });

  it("still tells two tabs apart: a save based on the version before another tab's autosave conflicts", async () => {
    const { id } = await createStory(journalist, { title: "两个标签页" });
    await saveStory(journalist, input(id, 1, { body: "标签页甲自动保存" }), { revision: false });
    const refused = await saveStory(journalist, input(id, 1, { body: "标签页乙" }), { revision: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoryConflictError);
    expect((refused as StoryConflictError).current).toMatchObject({ version: 2, revision: 1, body: "标签页甲自动保存" });
    expect((refused as StoryConflictError).message).toContain("现为第 1 版");
  });

  it("names the publishing editor as 责任编辑; editors may change it, journalists may not; changes of both fields are audited", async () => {
    const section = await db.section.create({ data: { slug: `desk-${Date.now()}`, name: `写作台栏目${Date.now()}` } });
    const { id } = await createStory(journalist, { title: "责任编辑" });
    const saved = await saveStory(journalist, input(id, 1, { title: "责任编辑", byline: "", source: "吉林日报", sectionId: section.id }), { revision: true });
    expect((await getStoryForEdit(journalist, id))?.source).toBe("吉林日报");
    await expect(saveStory(journalist, input(id, saved.version, { editorOfRecordId: editor.id }), { revision: true })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await transitionStory(editor, { id, action: "publish", publishAt: null });
    const published = await getStoryForEdit(editor, id);
    expect(published).toMatchObject({ editorOfRecordId: editor.id, editorOfRecordName: editor.name });

    await expect(saveStory(editor, input(id, published!.version, { title: "责任编辑", editorOfRecordId: journalist.id, sectionId: section.id }), { revision: true })).rejects.toMatchObject({
      code: "INVALID",
    });
    // A form without the field (a journalist's) leaves it as it is.
    const kept = await saveStory(editor, input(id, published!.version, { title: "责任编辑", source: "新华社", sectionId: section.id }), { revision: true });
    expect((await getStoryForEdit(editor, id))?.editorOfRecordId).toBe(editor.id);
    await saveStory(editor, input(id, kept.version, { title: "责任编辑", source: "新华社", editorOfRecordId: otherEditor.id, sectionId: section.id }), { revision: true });

    const audit = await db.auditEvent.findMany({ where: { entityId: id, action: { in: ["story.source", "story.editor_of_record"] } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.summary])).toEqual([
      ["story.source", "《责任编辑》来源：「（无）」→「吉林日报」"],
      ["story.source", "《责任编辑》来源：「吉林日报」→「新华社」"],
      ["story.editor_of_record", `《责任编辑》责任编辑：${editor.name} → ${otherEditor.name}`],
    ]);

    const slug = (await getStoryForEdit(editor, id))!.slug;
    const found = await getPublishedStory(slug);
    // The byline is the story's own (empty here), never the account name.
    expect(found.kind === "story" && { byline: found.story.byline, source: found.story.source, editorOfRecord: found.story.editorOfRecord }).toEqual({
      byline: "",
      source: "新华社",
      editorOfRecord: otherEditor.name,
    });
    expect((await getStoryPreview(editor, id))?.article).toMatchObject({ source: "新华社", editorOfRecord: otherEditor.name, byline: "" });
    await db.story.deleteMany({ where: { sectionId: section.id } });
    await db.section.delete({ where: { id: section.id } });
  });

  it("lists related stories by shared tags, then section, published only and never the story itself", async () => {
    const stamp = Date.now();
    const section = await db.section.create({ data: { slug: `related-${stamp}`, name: `相关栏目${stamp}` } });
    const tag = `相关标签${stamp}`;
    const make = async (title: string, patch: Partial<StoryInput>, publish: boolean) => {
      const { id } = await createStory(editor, { title });
      await saveStory(editor, input(id, 1, { title, ...patch }), { revision: true });
      if (publish) await transitionStory(editor, { id, action: "publish", publishAt: null });
      return (await getStoryForEdit(editor, id))!.slug;
    };
    const self = await make(`本篇${stamp}`, { sectionId: section.id, tags: [tag] }, true);
    const sameSection = await make(`同栏目${stamp}`, { sectionId: section.id }, true);
    const sameTag = await make(`同标签${stamp}`, { tags: [tag] }, true);
    await make(`草稿${stamp}`, { sectionId: section.id, tags: [tag] }, false);
    await make(`无关${stamp}`, {}, true);
    const tagSlug = (await db.tag.findUniqueOrThrow({ where: { name: tag } })).slug;

    const related = await getRelatedStories(self, section.slug, [tagSlug]);
    expect(related.map((story) => story.slug)).toEqual([sameTag, sameSection]);
    expect(await getRelatedStories(self, null, [])).toEqual([]);
    await db.story.deleteMany({ where: { sectionId: section.id } });
    await db.section.delete({ where: { id: section.id } });
  });
});
