import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/data/story-lists";
import { createActor, removeContentOf } from "./support/actors";
import { uniqueId } from "./support/db";

// The editor dashboard's lists, read in one statement: who sees what, in which order. (Waiting and
// scheduled stories for editors are the inbox's, tests/integration/review-loop.test.ts.)

const MINUTE = 60_000;

describe("the editor dashboard", () => {
  let editor: Actor;
  let journalist: Actor;
  let colleague: Actor;
  const now = new Date();
  const stories: Record<string, string> = {};
  const sectionName = `工作台栏目 ${uniqueId("s")}`;
  let sectionId: string;

  async function story(key: string, author: Actor, status: StoryStatus, options: { updatedAt?: Date; publishedAt?: Date } = {}) {
    const created = await db.story.create({
      data: { slug: uniqueId("dash"), title: `工作台 ${key}`, status, authorId: author.id, sectionId, ...options },
    });
    stories[key] = created.id;
  }
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

  beforeAll(async () => {
    [editor, journalist, colleague] = await Promise.all([createActor(db, "EDITOR"), createActor(db, "JOURNALIST"), createActor(db, "JOURNALIST")]);
    sectionId = (await db.section.create({ data: { slug: uniqueId("dash-section"), name: sectionName } })).id;
    await db.siteSettings.updateMany({ data: { journalistsSeeAllStories: false } });
    await story("draft-old", journalist, "DRAFT", { updatedAt: new Date(now.getTime() - 2 * MINUTE) });
    await story("unpublished-new", journalist, "UNPUBLISHED", { updatedAt: new Date(now.getTime() - MINUTE) });
    // Waiting longest first: dated long ago so no other suite's rows come before them.
    await story("review-mine", journalist, "IN_REVIEW", { updatedAt: new Date("2000-01-01T00:00:00Z") });
    await story("review-colleague", colleague, "IN_REVIEW", { updatedAt: new Date("2000-01-02T00:00:00Z") });
    await story("scheduled-colleague", colleague, "SCHEDULED", { publishedAt: new Date(now.getTime() + 1000) });
    await story("published-colleague", colleague, "PUBLISHED", { publishedAt: new Date(now.getTime() - 1000) });
  });
  afterAll(async () => {
    await db.siteSettings.updateMany({ data: { journalistsSeeAllStories: false } });
    await removeContentOf(db, [editor, journalist, colleague]);
    await db.section.delete({ where: { id: sectionId } });
    await db.$disconnect();
  });

  it("shows an editor every published story and only their own drafts; waiting stories are in the inbox", async () => {
    const dashboard = await getDashboard(editor, now);
    expect(ids(dashboard.drafts)).not.toContain(stories["draft-old"]);
    expect(dashboard.inReview).toBeNull();
    expect(ids(dashboard.published)[0]).toBe(stories["published-colleague"]);
    expect(dashboard.published[0]).toMatchObject({ status: "PUBLISHED", title: "工作台 published-colleague", authorName: colleague.name, sectionName });
    expect(dashboard.drafts.length).toBeLessThanOrEqual(8);
    expect(dashboard.published.length).toBeLessThanOrEqual(8);
  });

  it("shows a journalist their own drafts newest first and only their own stories elsewhere, unless the newsroom opens them", async () => {
    const own = await getDashboard(journalist, now);
    expect(ids(own.drafts)).toEqual([stories["unpublished-new"], stories["draft-old"]]);
    expect(ids(own.inReview ?? [])).toEqual([stories["review-mine"]]);
    expect(own.published).toEqual([]);

    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, journalistsSeeAllStories: true }, update: { journalistsSeeAllStories: true } });
    const open = await getDashboard(journalist, now);
    // Reading others' stories doesn't make their reviews this journalist's: the review list stays their own.
    expect(ids(open.inReview ?? [])).toEqual([stories["review-mine"]]);
    expect(ids(open.published)[0]).toBe(stories["published-colleague"]);
  });

  it("lists a scheduled story whose time has passed as published", async () => {
    const later = new Date(now.getTime() + 2000);
    const dashboard = await getDashboard(editor, later);
    expect(dashboard.published[0]).toMatchObject({ id: stories["scheduled-colleague"], status: "PUBLISHED" });
  });
});
