import { expect, test } from "@playwright/test";
import { signIn } from "./editor-helpers";
import { deleteStories, insertStory, withDb } from "./site-fixtures";
import { deleteRankedRoundup, insertRankedRoundup, type RankedFixture } from "./workflow-fixtures";

test.describe("workflow: ranking integrity and truthful statuses", () => {
  const fixtures: RankedFixture[] = [];
  const stories: string[] = [];
  test.afterAll(async () => {
    await withDb(async (client) => {
      for (const fixture of fixtures) await deleteRankedRoundup(client, fixture);
      await deleteStories(client, stories);
    });
  });

  test("unpublishing a ranked story names the roundup, and keeping the slot shows 该条目已撤下 at its rank", async ({ browser }) => {
    const fixture = await withDb((client) => insertRankedRoundup(client, "撤下保留"));
    fixtures.push(fixture);
    const [first, second, third] = fixture.stories as [RankedFixture["stories"][0], RankedFixture["stories"][0], RankedFixture["stories"][0]];
    const editor = await signIn(browser, "editor");
    await editor.goto(`/editor/stories/${second.id}`);
    await editor.getByRole("button", { name: "撤下", exact: true }).click();

    const dialog = editor.getByRole("dialog", { name: `撤下《${second.title}》？` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`《${fixture.roundupTitle}》第 2 名`)).toBeVisible();
    // Esc closes it without doing anything.
    await editor.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(editor.getByText("状态：已发布")).toBeVisible();

    await editor.getByRole("button", { name: "撤下", exact: true }).click();
    await dialog.getByLabel("保留名次，榜单上显示“该条目已撤下”").check();
    await dialog.getByRole("button", { name: "确认撤下" }).click();
    await expect(editor.getByText("状态：已撤下")).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto(`/roundups/${fixture.roundupSlug}`);
    const items = reader.getByRole("list", { name: "榜单条目" }).getByRole("listitem");
    await expect(items.nth(0)).toContainText(first.title);
    await expect(items.nth(1)).toContainText("该条目已撤下");
    await expect(items.nth(1).getByLabel("第2名")).toBeVisible();
    await expect(items.nth(2)).toContainText(third.title);
    await expect(reader.getByText(second.title)).toHaveCount(0);
  });

  test("choosing to renumber takes the story out and moves the ranks below up", async ({ browser }) => {
    const fixture = await withDb((client) => insertRankedRoundup(client, "撤下重排"));
    fixtures.push(fixture);
    const [first, second, third] = fixture.stories as [RankedFixture["stories"][0], RankedFixture["stories"][0], RankedFixture["stories"][0]];
    const editor = await signIn(browser, "editor");
    await editor.goto(`/editor/stories/${first.id}`);
    await editor.getByRole("button", { name: "撤下", exact: true }).click();
    const dialog = editor.getByRole("dialog", { name: `撤下《${first.title}》？` });
    await expect(dialog.getByText(`《${fixture.roundupTitle}》第 1 名`)).toBeVisible();
    await dialog.getByLabel("从榜单移除，后面的条目依次前移").check();
    await dialog.getByRole("button", { name: "确认撤下" }).click();
    await expect(editor.getByText("状态：已撤下")).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto(`/roundups/${fixture.roundupSlug}`);
    const items = reader.getByRole("list", { name: "榜单条目" }).getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(second.title);
    await expect(items.nth(0).getByLabel("第1名")).toBeVisible();
    await expect(items.nth(1)).toContainText(third.title);
    await expect(reader.getByText("该条目已撤下")).toHaveCount(0);
  });

  test("a scheduled story whose time has passed reads 已发布 in the editor list and its filter", async ({ browser }) => {
    const title = `到点定时稿${Date.now().toString(36)}`;
    // Scheduled for a moment that has already passed: no job ever flipped its stored status.
    const id = await withDb((client) => insertStory(client, { slug: `e2e-due-${Date.now().toString(36)}`, title, status: "SCHEDULED", publishedAt: new Date(Date.now() - 60_000), body: "正文。" }));
    stories.push(id);
    const editor = await signIn(browser, "editor");
    await editor.goto(`/editor/stories?status=PUBLISHED&q=${encodeURIComponent(title)}`);
    const row = editor.getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText("已发布");
    await expect(row).not.toContainText("定时发布");
    await editor.goto(`/editor/stories?status=SCHEDULED&q=${encodeURIComponent(title)}`);
    await expect(editor.getByText("没有符合条件的报道。")).toBeVisible();
    await editor.goto(`/editor/stories/${id}`);
    await expect(editor.getByText("状态：已发布")).toBeVisible();
  });
});
