import { expect, test, type Page } from "@playwright/test";
import { createStoryViaUi, signIn, uniqueTitle } from "./editor-helpers";
import { withDb } from "./site-fixtures";

async function publishedStory(page: Page, title: string): Promise<string> {
  await createStoryViaUi(page, title);
  await page.getByRole("button", { name: "立即发布" }).click();
  await expect(page.getByText("状态：已发布")).toBeVisible();
  return page.getByLabel("网址别名").inputValue();
}

test.describe("editor: roundup composer", () => {
  test("reordering a published roundup by keyboard changes the public ranks at once", async ({ browser }) => {
    const editor = await signIn(browser, "editor");
    const first = uniqueTitle("榜单甲");
    const second = uniqueTitle("榜单乙");
    const firstSlug = await publishedStory(editor, first);
    await publishedStory(editor, second);

    await editor.goto("/editor/roundups");
    await editor.getByLabel("榜单标题").fill(uniqueTitle("测试年度榜单"));
    // An old year, so the demo roundup stays the newest one on the home page.
    await editor.getByLabel("年份").fill("1999");
    // Typed with the verb, as editors used to be told to: stored as the name, printed with 选出 once.
    const publisher = uniqueTitle("测试报社");
    await editor.getByLabel("评选单位（只填名称，如：吉林日报社）").fill(`${publisher}选出`);
    await editor.getByRole("button", { name: "创建榜单" }).click();
    await expect(editor.getByRole("heading", { name: "编排榜单" })).toBeVisible();

    for (const title of [first, second]) {
      await editor.getByLabel("按标题搜索报道").fill(title);
      await editor.getByRole("button", { name: "搜索" }).click();
      await editor.getByRole("button", { name: `加入榜单：${title}` }).click();
      await expect(editor.getByRole("list", { name: "榜单条目（按排名）" }).getByText(title)).toBeVisible();
    }
    await expect(editor.getByLabel("评选单位（只填名称，如：吉林日报社）")).toHaveValue(publisher);
    await editor.getByRole("button", { name: "发布榜单" }).click();
    await expect(editor.getByText("榜单已发布。")).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto(`/stories/${firstSlug}`);
    await expect(reader.getByText(/ · 第1名$/)).toBeVisible();

    // Keyboard only: focus "move down" on the first item and press Enter.
    await editor.getByRole("button", { name: `下移：${first}` }).focus();
    await editor.keyboard.press("Enter");
    await expect(editor.getByText(`《${first}》现在是第 2 名。`)).toBeVisible();
    const items = editor.getByRole("list", { name: "榜单条目（按排名）" }).getByRole("listitem");
    await expect(items.nth(0)).toContainText(second);
    await expect(items.nth(1)).toContainText(first);

    await reader.reload();
    await expect(reader.getByText(/ · 第2名$/)).toBeVisible();

    await reader.goto("/roundups");
    await expect(reader.getByText(`${publisher}选出`)).toBeVisible();
    await expect(reader.getByText(`${publisher}选出选出`)).toHaveCount(0);
  });

  test("two editors save the roundup's details: the second is told, keeps what they typed, and sees what the first saved", async ({ browser }) => {
    const first = await signIn(browser, "editor");
    const title = uniqueTitle("两人编辑的榜单");
    await first.goto("/editor/roundups");
    await first.getByLabel("榜单标题").fill(title);
    await first.getByLabel("年份").fill("1999");
    await first.getByRole("button", { name: "创建榜单" }).click();
    await expect(first.getByRole("heading", { name: "编排榜单" })).toBeVisible();
    const id = first.url().split("/").pop()!;
    try {
      const second = await signIn(browser, "admin");
      await second.goto(first.url());
      await expect(second.getByLabel("榜单标题")).toHaveValue(title);

      // The first saves twice in a row: their own earlier save is no conflict.
      await first.getByLabel("导语").fill("第一位编辑写的导语。");
      await first.getByRole("button", { name: "保存榜单信息" }).click();
      await expect(first.getByText("榜单信息已保存。")).toBeVisible();
      await first.getByLabel("评选单位（只填名称，如：吉林日报社）").fill("测试报社");
      await first.getByRole("button", { name: "保存榜单信息" }).click();
      await expect(first.getByText("榜单信息已保存。")).toBeVisible();
      await expect(first.getByText(/保存失败/)).toHaveCount(0);

      // The second, on the page as it was loaded, changes the title only.
      await second.getByLabel("榜单标题").fill(`${title}改`);
      await second.getByRole("button", { name: "保存榜单信息" }).click();
      await expect(second.getByText(/保存失败：榜单信息在你打开页面之后被别人修改过/)).toBeVisible();
      await expect(second.getByLabel("榜单标题")).toHaveValue(`${title}改`);
      const theirs = second.getByRole("region", { name: "对方保存的榜单信息" });
      await expect(theirs).toContainText("导语：第一位编辑写的导语。");
      await expect(theirs).toContainText("评选单位：测试报社");
      const stored = () => withDb(async (client) => (await client.query<{ title: string; intro: string }>(`select title, intro from "Roundup" where id = $1`, [id])).rows[0]);
      expect(await stored()).toEqual({ title, intro: "第一位编辑写的导语。" });

      // Merged by hand, the next save goes through, on top of the first's.
      await second.getByLabel("导语").fill("第一位编辑写的导语。");
      await second.getByLabel("评选单位（只填名称，如：吉林日报社）").fill("测试报社");
      await second.getByRole("button", { name: "保存榜单信息" }).click();
      await expect(second.getByText("榜单信息已保存。")).toBeVisible();
      await expect(theirs).toHaveCount(0);
      expect(await stored()).toEqual({ title: `${title}改`, intro: "第一位编辑写的导语。" });
    } finally {
      await withDb((client) => client.query(`delete from "Roundup" where id = $1`, [id]));
    }
  });
});
