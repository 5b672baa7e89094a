import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { uploadMedia } from "@/lib/data/media";
import { getTagListing } from "@/lib/data/public-lists";
import { createStory, saveStory } from "@/lib/data/stories";
import { transitionStory } from "@/lib/data/story-workflow";
import { transitionSchema } from "@/lib/validation/story";
import { createActor, removeContentOf } from "../integration/support/actors";
import { uniqueId } from "../integration/support/db";

// Hostile inputs that are valid in shape but must still be refused (or kept private), as tables.

vi.mock("next/cache", () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));

describe("hostile input: values that look right", () => {
  let journalist: Actor;
  let editor: Actor;
  const tags: string[] = [];
  beforeAll(async () => {
    [journalist, editor] = await Promise.all([createActor(db, "JOURNALIST"), createActor(db, "EDITOR")]);
  });
  afterAll(async () => {
    await removeContentOf(db, [journalist, editor]);
    await db.media.deleteMany({ where: { uploadedById: { in: [journalist.id, editor.id] } } });
    await db.tag.deleteMany({ where: { name: { in: tags } } });
  });

  it.each(["2030-02-31T10:00", "2030-13-45T99:99", "2030-04-31T08:00", "2031-02-29T12:00", "2030-06-01T24:00", "2030-06-01T12:60", "0000-00-00T00:00"])(
    "a schedule for the impossible date %s is refused next to the date field",
    (publishAt) => {
      const parsed = transitionSchema.safeParse({ id: "x", action: "schedule", publishAt });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["publishAt"]);
    },
  );

  it("a real leap day is still accepted", () => {
    expect(transitionSchema.safeParse({ id: "x", action: "schedule", publishAt: "2032-02-29T10:00" }).success).toBe(true);
  });

  it("an image over 40 megapixels is refused from its header, next to the file field", async () => {
    const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: "#ffffff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(huge.length).toBeLessThan(10 * 1024 * 1024);
    await expect(uploadMedia(journalist, { bytes: huge, alt: "巨图", caption: "", credit: "" })).rejects.toMatchObject({ code: "TOO_LARGE", field: "file", message: expect.stringContaining("太大") });
  });

  it("a tag used only on drafts has no public page until a story carrying it is published", async () => {
    const tag = `禁发标签${uniqueId()}`;
    tags.push(tag);
    const { id } = await createStory(journalist, { title: `禁发 ${uniqueId()}` });
    await saveStory(journalist, { id, baseVersion: 1, title: "禁发稿", dek: "", body: "", byline: "", slug: "", sectionId: null, tags: [tag], leadMediaId: null }, { revision: true });
    const slug = (await db.tag.findUniqueOrThrow({ where: { name: tag } })).slug;
    expect(await getTagListing(slug, 1)).toBeNull();

    await transitionStory(editor, { id, action: "publish", publishAt: null });
    expect((await getTagListing(slug, 1))?.name).toBe(tag);
  });
});
