import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/roles";
import { updateNewsroomSettings } from "@/lib/data/newsroom-settings";
import { listRevisions } from "@/lib/data/story-history";
import { listAuthors, listStories } from "@/lib/data/story-lists";
import { getStoryPreview } from "@/lib/data/story-preview";
import { createStory, getStoryForEdit } from "@/lib/data/stories";
import { createActor, removeContentOf } from "./support/actors";
import { uniqueId } from "./support/db";

describe("journalists' access to other journalists' stories is a setting, own stories only by default", () => {
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

  it("hides a journalist's draft from another journalist in the editor, preview, history and list, but not from editors", async () => {
    const title = uniqueId("私人草稿");
    const { id } = await createStory(author, { title });
    expect(await getStoryForEdit(colleague, id)).toBeNull();
    expect(await getStoryPreview(colleague, id)).toBeNull();
    expect(await listRevisions(colleague, id)).toEqual([]);
    expect((await listStories(colleague, { q: title })).rows).toEqual([]);
    // The list's author filter doesn't name a colleague whose stories it can't show.
    expect((await listAuthors(colleague)).map((a) => a.id)).not.toContain(author.id);
    expect((await listAuthors(editor)).map((a) => a.id)).toContain(author.id);
    expect((await getStoryForEdit(author, id))?.title).toBe(title);
    expect((await getStoryForEdit(editor, id))?.title).toBe(title);
    expect((await listStories(editor, { q: title })).rows).toHaveLength(1);

    // An admin opens it up: the colleague can read, still not edit.
    await updateNewsroomSettings(admin, { journalistsSeeAllStories: true });
    const seen = await getStoryForEdit(colleague, id);
    expect(seen?.title).toBe(title);
    expect(seen?.canEdit).toBe(false);
    expect((await listStories(colleague, { q: title })).rows).toHaveLength(1);
    expect((await listAuthors(colleague)).map((a) => a.id)).toContain(author.id);
    await updateNewsroomSettings(admin, { journalistsSeeAllStories: false });
    expect(await getStoryForEdit(colleague, id)).toBeNull();
    await expect(updateNewsroomSettings(editor, { journalistsSeeAllStories: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
