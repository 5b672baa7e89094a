import { expect, test } from "@playwright/test";
import { signIn } from "./editor-helpers";
import { deleteStories, expireTags, insertStory, uniqueWord, withDb } from "./site-fixtures";
import { deleteRankedRoundup, insertRankedRoundup, type RankedFixture } from "./workflow-fixtures";

test.describe("workflow: a chosen front page and a roundup preview", () => {
  const fixtures: RankedFixture[] = [];
  test.afterAll(async () => {
    // Back to "the newest roundup", so the other specs find the demo roundup on the home page.
    await withDb(async (client) => {
      await client.query(`delete from "SiteSettings"`);
      for (const fixture of fixtures) await deleteRankedRoundup(client, fixture);
      await expireTags(client, ["home", "roundups", "sitemap", ...fixtures.map((f) => `roundup:${f.roundupSlug}`)]);
    });
  });

  test("the featured roundup stays on the home page when a newer roundup is published; the preview uses the public look", async ({ browser }) => {
    const [featured, newer] = await withDb(async (client) => [
      await insertRankedRoundup(client, "首页选定", { year: 1996 }),
      await insertRankedRoundup(client, "更新榜单", { year: 2031, roundupStatus: "DRAFT" }),
    ]);
    fixtures.push(featured, newer);
    const editor = await signIn(browser, "editor");
    await editor.getByRole("link", { name: "首页编排" }).click();
    await editor.getByRole("radio", { name: featured.roundupTitle }).check();
    await editor.getByRole("button", { name: "保存首页编排" }).click();
    await expect(editor.getByText("首页编排已保存，读者马上就能看到。")).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto("/");
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(featured.roundupTitle);

    // The newer roundup, previewed with the public components before it is published.
    await editor.goto(`/editor/roundups/${newer.roundupId}`);
    await editor.getByRole("link", { name: "预览榜单" }).click();
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(newer.roundupTitle);
    await expect(editor.getByRole("list", { name: "榜单条目" }).getByRole("listitem")).toHaveCount(3);
    await editor.getByRole("link", { name: "返回编排" }).click();
    await editor.getByRole("button", { name: "发布榜单" }).click();
    await expect(editor.getByText("榜单已发布。")).toBeVisible();

    await reader.reload();
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(featured.roundupTitle);
    await expect(reader.getByText(newer.roundupTitle)).toHaveCount(0);
  });

  test("a pinned story taken off the site since doesn't block the next save: the page says it is no longer pinned", async ({ browser }) => {
    const word = uniqueWord();
    const title = `置顶后撤下${word}`;
    const id = await withDb(async (client) => {
      const storyId = await insertStory(client, { slug: `pinned-then-unpublished-${word.toLowerCase()}`, title, status: "PUBLISHED", publishedAt: new Date(Date.now() - 3_600_000), body: "正文。" });
      await client.query(`insert into "FrontPagePin" ("storyId", position) values ($1, 99)`, [storyId]);
      // Taken off the site by someone else afterwards; the pin row stays behind.
      await client.query(`update "Story" set status = 'UNPUBLISHED' where id = $1`, [storyId]);
      return storyId;
    });
    try {
      const editor = await signIn(browser, "editor");
      await editor.goto("/editor/front-page");
      await expect(editor.getByText(`《${title}》已不在网站上，不再置顶`)).toBeVisible();
      await expect(editor.getByRole("checkbox", { name: title })).toHaveCount(0);
      await editor.getByRole("button", { name: "保存首页编排" }).click();
      await expect(editor.getByText("首页编排已保存，读者马上就能看到。")).toBeVisible();
      const pins = await withDb(async (client) => (await client.query(`select 1 from "FrontPagePin" where "storyId" = $1`, [id])).rowCount);
      expect(pins).toBe(0);
    } finally {
      await withDb((client) => deleteStories(client, [id]));
    }
  });
});
