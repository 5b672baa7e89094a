import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { getFrontPageChoices, updateFrontPage } from "@/lib/data/front-page";
import { getHomeRoundup, getPinnedStories } from "@/lib/data/public";
import { getRoundupPreview } from "@/lib/data/roundup-preview";
import { publishRoundup, unpublishRoundup } from "@/lib/data/roundups";
import { createActor, removeContentOf } from "./support/actors";
import { uniqueId } from "./support/db";
import { createStory } from "./support/fixtures";

const HOUR = 60 * 60 * 1000;

describe("a chosen front page", () => {
  let editor: Actor;
  let journalist: Actor;
  beforeAll(async () => {
    [editor, journalist] = await Promise.all([createActor(db, "EDITOR"), createActor(db, "JOURNALIST")]);
  });
  afterAll(async () => {
    await db.siteSettings.deleteMany({});
    await db.frontPagePin.deleteMany({});
    await removeContentOf(db, [editor, journalist]);
  });

  async function roundup(year: number, status: "PUBLISHED" | "DRAFT", storyStatus: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
    const story = await createStory(db, editor.id, { status: storyStatus, publishedAt: storyStatus === "PUBLISHED" ? new Date(Date.now() - HOUR) : null, title: uniqueId("首页条目") });
    return db.roundup.create({
      data: {
        slug: uniqueId("front"),
        title: uniqueId("首页榜单"),
        year,
        status,
        publishedAt: status === "PUBLISHED" ? new Date(Date.now() - HOUR) : null,
        createdById: editor.id,
        items: { create: [{ storyId: story.id, rank: 1 }] },
      },
    });
  }

  it("keeps the featured roundup on the home page when a newer one is published, until it is taken down", async () => {
    const featured = await roundup(1990, "PUBLISHED");
    const newer = await roundup(2100, "DRAFT");
    await updateFrontPage(editor, { featuredRoundupId: featured.id, pinnedStoryIds: [] });
    await publishRoundup(editor, { id: newer.id, publishStories: false });
    expect((await getHomeRoundup())?.title).toBe(featured.title);

    await unpublishRoundup(editor, featured.id);
    expect((await getHomeRoundup())?.title).toBe(newer.title);
    // The form shows "the newest" chosen, as readers see it, and says why.
    const choices = await getFrontPageChoices(editor);
    expect(choices.featuredRoundupId).toBeNull();
    expect(choices.dropped).toContain(`首页榜单《${featured.title}》已不在网站上，首页现在自动显示最新发布的榜单`);
    await unpublishRoundup(editor, newer.id);
  });

  it("features only published roundups, pins only published stories, in the chosen order, and records it", async () => {
    const draft = await roundup(1991, "DRAFT");
    await expect(updateFrontPage(editor, { featuredRoundupId: draft.id, pinnedStoryIds: [] })).rejects.toMatchObject({ code: "INVALID", field: "featuredRoundupId" });
    const unpublished = await createStory(db, editor.id, { status: "DRAFT" });
    await expect(updateFrontPage(editor, { featuredRoundupId: null, pinnedStoryIds: [unpublished.id] })).rejects.toMatchObject({ code: "INVALID" });

    const past = new Date(Date.now() - HOUR);
    const [a, b] = [await createStory(db, editor.id, { status: "PUBLISHED", publishedAt: past, title: uniqueId("置顶甲") }), await createStory(db, editor.id, { status: "PUBLISHED", publishedAt: past, title: uniqueId("置顶乙") })];
    await updateFrontPage(editor, { featuredRoundupId: null, pinnedStoryIds: [b.id, a.id] });
    expect((await getPinnedStories()).map((story) => story.title)).toEqual([b.title, a.title]);
    expect((await getFrontPageChoices(editor)).pinned.map((story) => story.id)).toEqual([b.id, a.id]);
    const event = await db.auditEvent.findFirst({ where: { action: "site.front_page", actorId: editor.id }, orderBy: { createdAt: "desc" } });
    expect(event?.summary).toContain(`《${b.title}》、《${a.title}》`);

    // A pinned story taken down leaves the home page by itself.
    await db.story.update({ where: { id: b.id }, data: { status: "UNPUBLISHED" } });
    expect((await getPinnedStories()).map((story) => story.title)).toEqual([a.title]);
    // The editor's form offers what readers see, names what went, and its next save goes through.
    const choices = await getFrontPageChoices(editor);
    expect(choices.pinned.map((story) => story.id)).toEqual([a.id]);
    expect(choices.dropped).toContain(`《${b.title}》已不在网站上，不再置顶`);
    await updateFrontPage(editor, { featuredRoundupId: choices.featuredRoundupId, pinnedStoryIds: choices.pinned.map((story) => story.id) });
    expect((await getFrontPageChoices(editor)).dropped).not.toContain(`《${b.title}》已不在网站上，不再置顶`);
    await expect(getFrontPageChoices(journalist)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("previews an unpublished roundup as readers will see it, naming the stories not yet published", async () => {
    const draft = await roundup(1992, "DRAFT", "DRAFT");
    const preview = await getRoundupPreview(editor, draft.id);
    expect(preview?.published).toBe(false);
    expect(preview?.unpublishedTitles).toHaveLength(1);
    expect(preview?.view.items[0]).toMatchObject({ rank: 1, withdrawn: false, href: expect.stringMatching(/^\/editor\/stories\/.+\/preview$/) });
    await expect(getRoundupPreview(journalist, draft.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
