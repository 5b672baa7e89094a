import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { getInbox, getInboxCounts } from "@/lib/data/inbox";
import { updateNewsroomSettings } from "@/lib/data/newsroom-settings";
import { getStoryForEdit } from "@/lib/data/stories";
import { addStoryNote, listReviewDecisions, openStoryThread, setStoryFollow } from "@/lib/data/story-notes";
import { transitionStory } from "@/lib/data/story-workflow";
import { transitionSchema } from "@/lib/validation/story";
import { createActor, removeContentOf } from "./support/actors";
import { createStory } from "./support/fixtures";
import { uniqueId } from "./support/db";

const HOUR = 3_600_000;
const move = (actor: Actor, id: string, action: "submit" | "return" | "reject" | "publish", reason: string | null = null) =>
  transitionStory(actor, { id, action, publishAt: null, reason });

describe("review loop: returns and rejections with reasons, notes, the inbox", () => {
  let author: Actor;
  let colleague: Actor;
  let editor: Actor;
  let admin: Actor;
  beforeAll(async () => {
    [author, colleague, editor, admin] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "JOURNALIST"), createActor(db, "EDITOR"), createActor(db, "ADMIN")]);
  });
  afterAll(async () => {
    await db.siteSettings.updateMany({ data: { journalistsSeeAllStories: false } });
    await removeContentOf(db, [author, colleague, editor, admin]);
  });

  it("refuses a return or rejection without a reason, with a Chinese message, and accepts 1–1000 characters", async () => {
    const blank = transitionSchema.safeParse({ id: "x", action: "return", reason: "   " });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]).toMatchObject({ path: ["reason"], message: "请写明退回修改的原因，作者会看到它。" });
    const rejectBlank = transitionSchema.safeParse({ id: "x", action: "reject" });
    expect(rejectBlank.error?.issues[0]?.message).toBe("请写明不予采用的原因，作者会看到它。");
    expect(transitionSchema.safeParse({ id: "x", action: "return", reason: "长".repeat(1001) }).error?.issues[0]?.message).toBe("原因最多 1000 个字，请精简。");
    expect(transitionSchema.parse({ id: "x", action: "return", reason: `  ${"长".repeat(1000)}  ` }).reason).toBe("长".repeat(1000));
    // Other moves take no reason, whatever was typed.
    expect(transitionSchema.parse({ id: "x", action: "submit", reason: "无关" }).reason).toBeNull();

    // The data layer checks again: nothing moves without a reason.
    const story = await createStory(db, author.id, { status: "IN_REVIEW", title: uniqueId("无理由") });
    await expect(move(editor, story.id, "return", "  ")).rejects.toMatchObject({ code: "INVALID" });
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id } })).status).toBe("IN_REVIEW");
  });

  it("stores the reason, shows it to the author (editor, history, inbox) and audits it; resubmitting clears it", async () => {
    const title = uniqueId("退回稿");
    const story = await createStory(db, author.id, { title });
    await move(author, story.id, "submit");
    expect((await getInbox(editor)).review?.some((row) => row.id === story.id)).toBe(true);
    expect((await getInbox(author)).review).toBeNull();

    const reason = "导语太长，\n请压缩到两句。";
    await move(editor, story.id, "return", reason);
    const seen = await getStoryForEdit(author, story.id);
    expect(seen).toMatchObject({ status: "DRAFT", reviewReason: reason, canEdit: true });
    expect((await listReviewDecisions(author, story.id)).map((d) => [d.kind, d.body])).toEqual([["RETURN", reason]]);
    const inbox = await getInbox(author);
    expect(inbox.returned.find((row) => row.id === story.id)?.reason).toBe(reason);
    expect((await getInboxCounts(author)).returned).toBe(1);
    expect((await getInboxCounts(colleague)).returned).toBe(0);
    const audit = await db.auditEvent.findFirst({ where: { entityId: story.id, action: "story.return" }, orderBy: { createdAt: "desc" } });
    expect(audit?.actorId).toBe(editor.id);
    expect(audit?.summary).toContain("导语太长");

    await move(author, story.id, "submit");
    expect((await getStoryForEdit(author, story.id))?.reviewReason).toBeNull();
    expect((await getInbox(author)).returned.some((row) => row.id === story.id)).toBe(false);
    // The decision stays in the history.
    expect(await listReviewDecisions(author, story.id)).toHaveLength(1);
  });

  it("a rejection archives the story with its reason; the author can no longer edit it; an editor may reopen it", async () => {
    const story = await createStory(db, author.id, { status: "IN_REVIEW", title: uniqueId("不采用") });
    await expect(move(author, story.id, "reject", "重复选题")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await move(editor, story.id, "reject", "重复选题");
    expect(await getStoryForEdit(author, story.id)).toMatchObject({ status: "ARCHIVED", reviewReason: "重复选题", canEdit: false });
    expect((await db.auditEvent.findFirst({ where: { entityId: story.id, action: "story.reject" } }))?.summary).toContain("重复选题");
    await move(editor, story.id, "return", "换个角度再写");
    expect(await getStoryForEdit(author, story.id)).toMatchObject({ status: "DRAFT", reviewReason: "换个角度再写", canEdit: true });
  });

  it("notes: whoever may open the story reads them; editors and the author write; others get nothing", async () => {
    const story = await createStory(db, author.id, { title: uniqueId("留言稿") });
    await addStoryNote(editor, { id: story.id, body: "第一条：<b>数据</b>请核实。" });
    await addStoryNote(author, { id: story.id, body: "已核实。" });
    const thread = await openStoryThread(author, story.id);
    // Oldest first, stored as typed (the page escapes it).
    expect(thread.notes.map((n) => [n.authorName, n.body])).toEqual([
      [editor.name, "第一条：<b>数据</b>请核实。"],
      [author.name, "已核实。"],
    ]);
    expect(await db.auditEvent.count({ where: { entityId: story.id, action: "story.note" } })).toBe(2);
    await expect(addStoryNote(editor, { id: story.id, body: "   " })).rejects.toMatchObject({ code: "INVALID" });

    // Own stories only (the default): a colleague can neither read nor write, and learns nothing.
    await expect(openStoryThread(colleague, story.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addStoryNote(colleague, { id: story.id, body: "路过" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setStoryFollow(colleague, { id: story.id, follow: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Opened up by an admin: the colleague reads and may follow, still not write.
    await updateNewsroomSettings(admin, { journalistsSeeAllStories: true });
    try {
      expect((await openStoryThread(colleague, story.id)).notes).toHaveLength(2);
      await expect(addStoryNote(colleague, { id: story.id, body: "路过" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await setStoryFollow(colleague, { id: story.id, follow: true });
      expect((await getInbox(colleague)).followed.some((row) => row.id === story.id)).toBe(true);
    } finally {
      await updateNewsroomSettings(admin, { journalistsSeeAllStories: false });
    }
    // Closed again: the follow no longer shows a story the colleague can't open.
    expect((await getInbox(colleague)).followed.some((row) => row.id === story.id)).toBe(false);
    expect(await db.storyNote.count({ where: { storyId: story.id } })).toBe(2);
  });

  it("followed stories turn unread on a note or status change by someone else, until opened", async () => {
    const story = await createStory(db, author.id, { title: uniqueId("关注稿") });
    const unread = async (actor: Actor) => (await getInbox(actor)).followed.find((row) => row.id === story.id)?.unread;
    // Authors follow their own stories by default.
    expect(await unread(author)).toBe(false);
    const before = (await getInboxCounts(author)).unread;

    await setStoryFollow(editor, { id: story.id, follow: true });
    await addStoryNote(editor, { id: story.id, body: "请补充来源。" });
    expect(await unread(author)).toBe(true);
    // What you did yourself is never unread for you.
    expect(await unread(editor)).toBe(false);
    expect((await getInboxCounts(author, new Date(Date.now() + 60_000))).unread).toBe(before + 1);

    await openStoryThread(author, story.id);
    expect(await unread(author)).toBe(false);
    await move(author, story.id, "submit");
    expect(await unread(editor)).toBe(true);

    await setStoryFollow(author, { id: story.id, follow: false });
    expect(await unread(author)).toBeUndefined();
    expect((await openStoryThread(author, story.id)).following).toBe(false);
  });

  it("the header counts stop at 100 (shown as 99+) and the lists show the latest ten", async () => {
    const busy = await createActor(db, "JOURNALIST");
    try {
      const prefix = uniqueId("退回多");
      const reviewedAt = (i: number) => new Date(Date.now() - i * 60_000);
      await db.story.createMany({
        data: Array.from({ length: 101 }, (_, i) => ({ slug: `${prefix}-${i}`, title: `${prefix} ${i}`, body: "正文。", status: "DRAFT" as const, authorId: busy.id, reviewReason: "请补充。", reviewedAt: reviewedAt(i) })),
      });
      // Someone else's activity on every one of them: all 101 followed stories turn unread.
      await db.story.updateMany({ where: { authorId: busy.id }, data: { activityAt: new Date(Date.now() + 60_000) } });
      const counts = await getInboxCounts(busy, new Date(Date.now() + 120_000));
      expect(counts).toMatchObject({ returned: 100, unread: 100 });
      const inbox = await getInbox(busy);
      expect(inbox.returned.map((row) => row.title)).toEqual(Array.from({ length: 10 }, (_, i) => `${prefix} ${i}`));
      expect(inbox.followed).toHaveLength(10);
      expect(inbox.followed.every((row) => row.unread)).toBe(true);
    } finally {
      await removeContentOf(db, [busy]);
    }
  });

  it("即将定时发布 lists readable stories going live within 24 hours", async () => {
    const soon = await createStory(db, author.id, { status: "SCHEDULED", publishedAt: new Date(Date.now() + 2 * HOUR), title: uniqueId("两小时后") });
    const later = await createStory(db, author.id, { status: "SCHEDULED", publishedAt: new Date(Date.now() + 30 * HOUR), title: uniqueId("明天以后") });
    const ids = async (actor: Actor) => (await getInbox(actor)).scheduled.map((row) => row.id);
    expect(await ids(author)).toContain(soon.id);
    expect(await ids(author)).not.toContain(later.id);
    expect(await ids(editor)).toContain(soon.id);
    expect(await ids(colleague)).not.toContain(soon.id);
    expect((await getInboxCounts(colleague, new Date(Date.now() + 120_000))).scheduled).toBe(0);
  });
});
