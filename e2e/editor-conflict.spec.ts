import { expect, test } from "@playwright/test";
import { createStoryViaUi, markdownSource, saveAndExpectVersion, signIn, uniqueTitle } from "./editor-helpers";
import { withDb } from "./site-fixtures";

test.describe("editor: no lost work", () => {
  test("two editors save the same story: exactly one gets the conflict, and keeps their text", async ({ browser }) => {
    const first = await signIn(browser, "editor");
    const url = await createStoryViaUi(first, uniqueTitle("并发编辑"));
    const second = await signIn(browser, "admin");
    await second.goto(url);
    // The soft lock names whoever opened it first.
    await expect(second.getByText("演示编辑 正在编辑")).toBeVisible();

    // Both started from version 1; the first to save wins.
    await (await markdownSource(first)).fill("第一位编辑写的正文。");
    await first.getByRole("button", { name: "保存", exact: true }).click();
    await expect(first.getByText("已保存为第 2 版。")).toBeVisible();
    await (await markdownSource(second)).fill("第二位编辑写的正文。");
    await second.getByRole("button", { name: "保存", exact: true }).click();

    await expect(second.getByText(/保存失败：演示编辑 已在你打开之后修改了这篇报道/)).toBeVisible();
    await expect(first.getByText(/保存失败/)).toHaveCount(0);
    await expect(second.getByLabel("正文（Markdown）")).toHaveValue("第二位编辑写的正文。");
    const changes = second.getByRole("region", { name: "演示编辑 的改动" });
    await expect(changes.locator("ins")).toContainText("第一位编辑写的正文");

    // Overwriting is a deliberate second step.
    await changes.getByRole("button", { name: "用我的版本覆盖" }).click();
    await expect(second.getByText("已保存为第 3 版。")).toBeVisible();

    await second.getByRole("button", { name: "接管编辑" }).click();
    await expect(second.getByText("演示编辑 正在编辑")).toHaveCount(0);
  });

  test("taking the other editor's version takes their settings too: the next save keeps their section and tags", async ({ browser }) => {
    const first = await signIn(browser, "editor");
    const url = await createStoryViaUi(first, uniqueTitle("冲突设置"));
    const id = url.split("/").pop()!;
    const tag = uniqueTitle("冲突标签");
    try {
      const second = await signIn(browser, "admin");
      await second.goto(url);
      await expect(second.getByText("演示编辑 正在编辑")).toBeVisible();

      // The first changes only settings; the second, from the old version, only text.
      await first.getByRole("combobox", { name: "栏目" }).selectOption({ label: "科技" });
      await first.getByRole("textbox", { name: "标签", exact: true }).fill(tag);
      await saveAndExpectVersion(first, 2);
      await (await markdownSource(second)).fill("第二位编辑写的正文。");
      await second.getByRole("button", { name: "保存", exact: true }).click();
      const changes = second.getByRole("region", { name: "演示编辑 的改动" });
      // The panel says which settings the other person changed, not only that some were.
      await expect(changes).toContainText("栏目：科技");
      await expect(changes).toContainText(`标签：${tag}`);

      await changes.getByRole("button", { name: "放弃我的修改，采用对方版本" }).click();
      await expect(second.getByRole("combobox", { name: "栏目" }).locator("option:checked")).toHaveText("科技");
      await expect(second.getByRole("textbox", { name: "标签", exact: true })).toHaveValue(tag);

      // A later save of a small fix must not put the old settings back.
      await (await markdownSource(second)).fill("改一个错字。");
      await saveAndExpectVersion(second, 3);
      const stored = await withDb(async (client) => (await client.query<{ section: string | null; tags: string[] }>(
        `select sec.slug as section, array(select t.name from "StoryTag" st join "Tag" t on t.id = st."tagId" where st."storyId" = s.id) as tags from "Story" s left join "Section" sec on sec.id = s."sectionId" where s.id = $1`, [id])).rows[0]);
      expect(stored).toEqual({ section: "keji", tags: [tag] });
    } finally {
      await withDb(async (client) => {
        await client.query(`delete from "Story" where id = $1`, [id]);
        await client.query(`delete from "Tag" where name = $1`, [tag]);
      });
    }
  });

  test("an old revision is restored as a new revision, with a character diff on the history page", async ({ browser }) => {
    const page = await signIn(browser, "editor");
    const url = await createStoryViaUi(page, uniqueTitle("修订恢复"));
    const body = await markdownSource(page);
    await body.fill("全省粮食总产837亿斤。");
    await saveAndExpectVersion(page, 2);
    await body.fill("全省粮食总产837.3亿斤。");
    await saveAndExpectVersion(page, 3);

    await page.getByRole("link", { name: "修订历史" }).click();
    await expect(page.getByRole("heading", { name: "修订历史" })).toBeVisible();
    await expect(page.locator(".diff-field ins").filter({ hasText: ".3" })).toBeVisible();
    await page.getByRole("button", { name: "恢复第 2 版" }).click();
    await page.getByRole("dialog", { name: /的第 2 版？$/ }).getByRole("button", { name: "确认恢复" }).click();

    await expect(page).toHaveURL(`${url}?restored=4`);
    await expect(page.getByText("已恢复所选版本，并保存为新的修订。")).toBeVisible();
    await expect(page.getByLabel("正文（Markdown）")).toHaveValue("全省粮食总产837亿斤。");
    await expect(page.getByText("第 4 版")).toBeVisible();
    // The history says which revision was a restore, and of what.
    await page.getByRole("link", { name: "修订历史" }).click();
    await expect(page.getByText("恢复自第 2 版")).toBeVisible();
  });
});
