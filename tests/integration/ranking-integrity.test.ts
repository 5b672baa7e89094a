import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { getPublishedRoundup } from "@/lib/data/public";
import { RankedStoryError } from "@/lib/data/roundup-integrity";
import { getInbox } from "@/lib/data/inbox";
import { getDashboard, listStories } from "@/lib/data/story-lists";
import { getStoryForEdit } from "@/lib/data/stories";
import { bulkUpdateStories, transitionStory } from "@/lib/data/story-workflow";
import { createActor, removeContentOf } from "./support/actors";
import { uniqueId } from "./support/db";
import { createStory } from "./support/fixtures";

const HOUR = 60 * 60 * 1000;

describe("ranking integrity: a story leaving the site never leaves a silent gap in a published roundup", () => {
  let editor: Actor;
  beforeAll(async () => {
    editor = await createActor(db, "EDITOR");
  });
  afterAll(async () => {
    await removeContentOf(db, [editor]);
  });

  /** A published roundup ranking three published stories, 1..3. */
  async function publishedRoundup() {
    const past = new Date(Date.now() - HOUR);
    const stories = [];
    for (const n of [1, 2, 3]) stories.push(await createStory(db, editor.id, { status: "PUBLISHED", publishedAt: past, title: `${uniqueId("条目")}-${n}` }));
    const roundup = await db.roundup.create({
      data: {
        slug: uniqueId("roundup"),
        title: uniqueId("完整性榜单"),
        year: 1998,
        status: "PUBLISHED",
        publishedAt: past,
        createdById: editor.id,
        items: { create: stories.map((story, index) => ({ storyId: story.id, rank: index + 1 })) },
      },
    });
    return { roundup, stories: stories as [(typeof stories)[0], (typeof stories)[0], (typeof stories)[0]] };
  }

  const publicRanks = async (slug: string) =>
    (await getPublishedRoundup(slug))?.items.map((item) => (item.withdrawn ? `${item.rank}:已撤下` : `${item.rank}:${item.title}`));

  it("refuses to unpublish a ranked story until the editor has chosen, naming the roundup and rank", async () => {
    const { roundup, stories } = await publishedRoundup();
    const attempt = transitionStory(editor, { id: stories[1].id, action: "unpublish", publishAt: null });
    await expect(attempt).rejects.toBeInstanceOf(RankedStoryError);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", placements: [{ roundupTitle: roundup.title, rank: 2 }] });
    expect((await db.story.findUniqueOrThrow({ where: { id: stories[1].id } })).status).toBe("PUBLISHED");
  });

  it("keeps the rank as a visible withdrawn slot when asked to, and records it on the roundup", async () => {
    const { roundup, stories } = await publishedRoundup();
    await transitionStory(editor, { id: stories[1].id, action: "unpublish", publishAt: null, rankChoice: "keep" });
    expect(await publicRanks(roundup.slug)).toEqual([`1:${stories[0].title}`, "2:已撤下", `3:${stories[2].title}`]);
    const events = await db.auditEvent.findMany({ where: { entityType: "roundup", entityId: roundup.id } });
    expect(events.map((e) => e.action)).toEqual(["roundup.item_withdrawn"]);
    expect(events[0]?.summary).toContain(`第 2 名《${stories[1].title}》`);
    // Publishing it again fills the slot by itself.
    await transitionStory(editor, { id: stories[1].id, action: "publish", publishAt: null });
    expect(await publicRanks(roundup.slug)).toEqual(stories.map((story, index) => `${index + 1}:${story.title}`));
  });

  it("renumbers when asked to: the story leaves the roundup and the ranks below move up", async () => {
    const { roundup, stories } = await publishedRoundup();
    await transitionStory(editor, { id: stories[0].id, action: "unpublish", publishAt: null, rankChoice: "renumber" });
    expect(await publicRanks(roundup.slug)).toEqual([`1:${stories[1].title}`, `2:${stories[2].title}`]);
    const events = await db.auditEvent.findMany({ where: { entityType: "roundup", entityId: roundup.id } });
    expect(events.map((e) => e.action)).toEqual(["roundup.item_renumbered"]);
  });

  it("asks in bulk unpublishing as well, and applies the choice to every ranked story selected", async () => {
    const { roundup, stories } = await publishedRoundup();
    const ids = [stories[0].id, stories[2].id];
    await expect(bulkUpdateStories(editor, { ids, action: "unpublish", sectionId: "" })).rejects.toMatchObject({ placements: [{ rank: 1 }, { rank: 3 }] });
    await bulkUpdateStories(editor, { ids, action: "unpublish", sectionId: "", rankChoice: "renumber" });
    expect(await publicRanks(roundup.slug)).toEqual([`1:${stories[1].title}`]);
  });

  it("shows a rank whose story was taken down some other way as withdrawn, not as a gap", async () => {
    const { roundup, stories } = await publishedRoundup();
    // Straight in the database: no code path is trusted to have asked.
    await db.story.update({ where: { id: stories[2].id }, data: { status: "UNPUBLISHED" } });
    expect(await publicRanks(roundup.slug)).toEqual([`1:${stories[0].title}`, `2:${stories[1].title}`, "3:已撤下"]);
  });
});

describe("statuses that tell the truth: a scheduled story past its time reads 已发布 everywhere", () => {
  let editor: Actor;
  beforeAll(async () => {
    editor = await createActor(db, "EDITOR");
  });
  afterAll(async () => {
    await removeContentOf(db, [editor]);
  });

  it("lists, filters, opens and shows it on the dashboard as published once its time has passed", async () => {
    const goLive = new Date(Date.now() + 2 * HOUR);
    const title = uniqueId("定时稿");
    const story = await createStory(db, editor.id, { status: "SCHEDULED", publishedAt: goLive, title });
    const before = new Date(goLive.getTime() - HOUR);
    const after = new Date(goLive.getTime() + HOUR);
    const find = async (status: "SCHEDULED" | "PUBLISHED", now: Date) => (await listStories(editor, { status, q: title }, { now })).rows.map((row) => row.status);

    expect(await find("SCHEDULED", before)).toEqual(["SCHEDULED"]);
    expect(await find("PUBLISHED", before)).toEqual([]);
    expect(await find("SCHEDULED", after)).toEqual([]);
    expect(await find("PUBLISHED", after)).toEqual(["PUBLISHED"]);

    const dashboardAfter = await getDashboard(editor, after);
    expect(dashboardAfter.published.some((row) => row.id === story.id && row.status === "PUBLISHED")).toBe(true);
    // The inbox's "即将定时发布" lists it while it waits, and no longer once it is live.
    expect((await getInbox(editor, before)).scheduled.some((row) => row.id === story.id)).toBe(true);
    expect((await getInbox(editor, after)).scheduled.some((row) => row.id === story.id)).toBe(false);

    // Its time passing in the database, seen through the editor.
    await db.story.update({ where: { id: story.id }, data: { publishedAt: new Date(Date.now() - 1000) } });
    expect((await getStoryForEdit(editor, story.id))?.status).toBe("PUBLISHED");
  });
});
