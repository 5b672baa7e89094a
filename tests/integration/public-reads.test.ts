import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getLatestStories, getPublishedRoundup } from "@/lib/data/public";
import { getPublishedStory, getRoundupNeighbours } from "@/lib/data/public-stories";
import { createStory, createUser } from "./support/fixtures";
import { uniqueId } from "./support/db";

const HOUR = 60 * 60 * 1000;

describe("public reads show only published content", () => {
  let authorId: string;
  beforeAll(async () => {
    authorId = (await createUser(db, { role: "EDITOR" })).id;
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("returns a published story and hides drafts, stories in review, unpublished and future-scheduled ones", async () => {
    const published = await createStory(db, authorId, { status: "PUBLISHED", publishedAt: new Date(Date.now() - HOUR) });
    const hidden = await Promise.all([
      createStory(db, authorId, { status: "DRAFT" }),
      createStory(db, authorId, { status: "IN_REVIEW" }),
      createStory(db, authorId, { status: "UNPUBLISHED", publishedAt: new Date(Date.now() - HOUR) }),
      createStory(db, authorId, { status: "SCHEDULED", publishedAt: new Date(Date.now() + HOUR) }),
    ]);

    expect((await getPublishedStory(published.slug)).kind).toBe("story");
    for (const story of hidden) expect(await getPublishedStory(story.slug)).toEqual({ kind: "missing" });

    const latest = (await getLatestStories(50)).map((s) => s.slug);
    expect(latest).toContain(published.slug);
    for (const story of hidden) expect(latest).not.toContain(story.slug);
  });

  it("shows a scheduled story by itself once its time has passed", async () => {
    const story = await createStory(db, authorId, { status: "SCHEDULED", publishedAt: new Date(Date.now() + 1500) });
    expect((await getPublishedStory(story.slug)).kind).toBe("missing");
    // Wait for the go-live itself (no fixed sleep): the cached read must turn by itself once the time passes.
    await expect.poll(async () => (await getPublishedStory(story.slug)).kind, { timeout: 15_000, interval: 100 }).toBe("story");
  });

  it("redirects an old slug of a published story to its current slug", async () => {
    const story = await createStory(db, authorId, { status: "PUBLISHED", publishedAt: new Date(Date.now() - HOUR) });
    const oldSlug = uniqueId("old");
    await db.slugRedirect.create({ data: { slug: oldSlug, storyId: story.id } });
    expect(await getPublishedStory(oldSlug)).toEqual({ kind: "redirect", slug: story.slug });
  });

  it("lists a roundup in rank order, a withdrawn story as a kept, untitled slot, with previous/next skipping it", async () => {
    const past = new Date(Date.now() - HOUR);
    const [first, withdrawn, third] = await Promise.all([
      createStory(db, authorId, { status: "PUBLISHED", publishedAt: past, title: "第一条" }),
      createStory(db, authorId, { status: "UNPUBLISHED", publishedAt: past, title: "撤下的一条" }),
      createStory(db, authorId, { status: "PUBLISHED", publishedAt: past, title: "第三条" }),
    ]);
    const roundup = await db.roundup.create({
      data: {
        slug: uniqueId("roundup"),
        title: "测试榜单",
        year: 2024,
        status: "PUBLISHED",
        publishedAt: past,
        createdById: authorId,
        items: { create: [first, withdrawn, third].map((story, index) => ({ storyId: story.id, rank: index + 1 })) },
      },
    });

    const view = await getPublishedRoundup(roundup.slug);
    // Rank 2 stays visible as withdrawn (no silent gap) and gives nothing of the unpublished story away.
    expect(view?.items.map((item) => (item.withdrawn ? [item.rank, "withdrawn"] : [item.rank, item.title]))).toEqual([
      [1, "第一条"],
      [2, "withdrawn"],
      [3, "第三条"],
    ]);
    expect(JSON.stringify(view)).not.toContain("撤下的一条");

    const found = await getPublishedStory(first.slug);
    if (found.kind !== "story") throw new Error("expected the first story to be public");
    const placement = found.story.placements.find((p) => p.roundup.slug === roundup.slug);
    expect(placement?.rank).toBe(1);
    const neighbours = await getRoundupNeighbours(roundup.slug, 1);
    expect(neighbours.previous).toBeNull();
    expect(neighbours.next).toMatchObject({ slug: third.slug, rank: 3 });
    expect((await getRoundupNeighbours(roundup.slug, 3)).previous).toMatchObject({ slug: first.slug, rank: 1 });
  });

  it("does not list a draft roundup", async () => {
    const roundup = await db.roundup.create({ data: { slug: uniqueId("draft-roundup"), title: "草稿榜单", year: 2024, createdById: authorId } });
    expect(await getPublishedRoundup(roundup.slug)).toBeNull();
  });
});
