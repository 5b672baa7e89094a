import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { getPublishedStory } from "@/lib/data/public-stories";
import { createStory, saveStory } from "@/lib/data/stories";
import { transitionStory } from "@/lib/data/story-workflow";
import type { StoryInput } from "@/lib/validation/story";
import { createActor, removeContentOf } from "../integration/support/actors";
import { uniqueId } from "../integration/support/db";
import { holdWrites } from "./support/write-barrier";

// Races, forced rather than hoped for: the application's own transactions are stopped at a barrier
// (support/write-barrier.ts) between their check and their write while the competing writes happen.

vi.mock("@/lib/db", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/db")>();
  const { gatedDb } = await import("./support/write-barrier");
  return { db: gatedDb(real.db) };
});
vi.mock("next/cache", () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));

function input(id: string, baseVersion: number, patch: Partial<StoryInput> = {}): StoryInput {
  return { id, baseVersion, title: "竞态测试", dek: "", body: "", byline: "", slug: "", sectionId: null, tags: [], leadMediaId: null, ...patch };
}

/** The save's content update (it writes the body); a status change does not. */
const writesBody = (args: unknown) => typeof args === "object" && args !== null && "data" in args && typeof (args as { data: { body?: unknown } }).data.body === "string";

describe("hostile races", () => {
  let journalist: Actor;
  let editor: Actor;
  const tagNames: string[] = [];
  beforeAll(async () => {
    [journalist, editor] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "EDITOR")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [journalist, editor]);
    await db.tag.deleteMany({ where: { name: { in: tagNames } } });
  });

  it("a journalist's save that lands while an editor publishes does not put the journalist's text live", async () => {
    const title = `发布竞态 ${uniqueId()}`;
    const { id } = await createStory(journalist, { title });
    await saveStory(journalist, input(id, 1, { title, body: "编辑审过的正文" }), { revision: true });
    await transitionStory(journalist, { id, action: "submit", publishAt: null });
    const slug = (await db.story.findUniqueOrThrow({ where: { id } })).slug;

    // The journalist's save has checked the status (in review: theirs to edit) and waits before writing.
    const barrier = holdWrites("story", ["updateMany"], { matches: writesBody });
    const save = saveStory(journalist, input(id, 2, { title: "记者抢改的标题", body: "记者抢改的正文", slug: "ji-zhe-qiang-gai" }), { revision: true }).then(
      () => null,
      (error: unknown) => error,
    );
    await barrier.reached;
    await transitionStory(editor, { id, action: "publish", publishAt: null });
    barrier.release();

    expect(await save).toMatchObject({ code: "CONFLICT" });
    const live = await getPublishedStory(slug);
    expect(live.kind).toBe("story");
    expect(live.kind === "story" && live.story.body).toBe("编辑审过的正文");
    expect((await db.story.findUniqueOrThrow({ where: { id } })).title).toBe(title);
  });

  it("30 saves adding the same new tag at once all succeed and share one tag", async () => {
    const tag = `竞态标签${uniqueId()}`;
    tagNames.push(tag);
    const stories = [];
    for (let i = 0; i < 30; i++) stories.push(await createStory(journalist, { title: `标签竞态 ${i} ${uniqueId()}` }));

    // The first 8 writers all looked for the tag (and found none) before any of them creates it.
    holdWrites("tag", ["create", "createMany", "upsert"], { parties: 8 });
    const results = await Promise.allSettled(stories.map(({ id }, i) => saveStory(journalist, input(id, 1, { title: `标签竞态 ${i}`, tags: [tag] }), { revision: true })));

    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const rows = await db.tag.findMany({ where: { name: tag }, include: { _count: { select: { stories: true } } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?._count.stories).toBe(30);
  });

  it("10 stories created at once with the same title all succeed, each with its own slug", async () => {
    const title = `同名竞态 ${uniqueId()}`;
    // The first 8 writers all found the same free slug before any of them inserts.
    holdWrites("story", ["create"], { parties: 8 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => createStory(journalist, { title })));

    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const slugs = await db.story.findMany({ where: { title }, select: { slug: true } });
    expect(new Set(slugs.map((row) => row.slug)).size).toBe(10);
  });
});
