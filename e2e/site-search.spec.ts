import { expect, test } from "@playwright/test";
import { GRAIN_STORY } from "./site-fixtures";

test.describe("Chinese search", () => {
  test("finds 粮食 inside the grain story's body and marks it in the snippet", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("searchbox", { name: "搜索报道" }).first();
    await box.fill("粮食");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    const results = page.getByRole("list").filter({ has: page.locator(".snippet") });
    const grain = results.getByRole("listitem").filter({ has: page.locator(`a[href="/stories/${GRAIN_STORY}"]`) });
    await expect(grain).toHaveCount(1);
    await expect(grain.locator(".snippet mark").first()).toHaveText("粮食");
    await expect(grain.locator(".snippet")).toContainText("粮食总产量达到837.3亿斤");
  });

  test("ranks a title match above a body-only match (冰雪)", async ({ page }) => {
    await page.goto("/search?q=冰雪");
    const titles = page.locator(".search-results > li h3");
    await expect(titles.first()).toContainText("冰雪经济成为高质量发展新赛道");
    // The film-festival story mentions 《冰雪尖刀连》 only in its body.
    await expect(page.locator(".search-results > li").filter({ hasText: "长春电影节" })).toHaveCount(1);
    const count = await titles.count();
    await expect(titles.nth(count - 1)).not.toContainText("冰雪");
  });

  test("finds 卫星 and says plainly when nothing matches", async ({ page }) => {
    await page.goto("/search?q=卫星");
    await expect(page.getByRole("link", { name: /“吉林一号”实现“百星飞天”/ })).toBeVisible();
    await page.goto("/search?q=" + encodeURIComponent("火星移民"));
    await expect(page.getByText("没有找到包含“火星移民”的已发布报道")).toBeVisible();
  });

  test("an empty or 200-character query gets a clear message", async ({ page }) => {
    await page.goto("/search?q=");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("请输入要搜索的词，例如“粮食”。");
    await page.goto("/search?q=" + encodeURIComponent("粮".repeat(200)));
    await expect(page.getByRole("main").getByRole("alert")).toContainText("搜索词太长");
    await page.goto("/search?q=" + encodeURIComponent("！？。"));
    await expect(page.getByRole("main").getByRole("alert")).toContainText("汉字、字母或数字");
  });

  test("works with JavaScript turned off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "2023年吉林十大新闻" })).toBeVisible();
    await page.getByRole("searchbox", { name: "搜索报道" }).first().fill("卫星");
    await page.getByRole("button", { name: "搜索" }).first().click();
    await expect(page.locator(".search-results mark").first()).toHaveText("卫星");
    await context.close();
  });
});
