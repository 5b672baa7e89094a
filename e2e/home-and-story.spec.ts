import { expect, test } from "@playwright/test";

test.describe("reader pages", () => {
  test("home lists the 2023 roundup's ten stories in rank order", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Roundup 新闻/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "2023年吉林十大新闻" })).toBeVisible();
    await expect(page.getByText("吉林日报社选出")).toBeVisible();

    const items = page.getByRole("list").filter({ has: page.locator(".rank-badge") }).getByRole("listitem");
    await expect(items).toHaveCount(10);
    await expect(items.nth(0)).toContainText("落实习近平总书记新时代推动东北全面振兴座谈会重要讲话精神");
    await expect(items.nth(4)).toContainText("保护好“耕地中的大熊猫”");
    await expect(items.nth(5)).toContainText("“吉林一号”实现“百星飞天”");
    await expect(items.nth(9)).toContainText("做好“冰雪+”文章");
    for (let rank = 1; rank <= 10; rank++) {
      await expect(items.nth(rank - 1).locator(".rank-badge")).toHaveText(String(rank));
    }
  });

  test("a story page shows its rank, body, date and neighbours in the roundup", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /保护好“耕地中的大熊猫”/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("粮食总产达837.3亿斤");
    await expect(page.getByText("2023年吉林十大新闻 · 第5名")).toBeVisible();
    await expect(page.locator(".body")).toContainText("837.3亿斤");
    await expect(page.locator("time").first()).toHaveText(/^2023年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);

    await page.getByRole("link", { name: /^第6名：/ }).click();
    await expect(page.getByText("2023年吉林十大新闻 · 第6名")).toBeVisible();
    await expect(page.locator(".body")).toContainText("卫星");
    await page.getByRole("link", { name: /^← 第5名：/ }).click();
    await expect(page.getByText("2023年吉林十大新闻 · 第5名")).toBeVisible();
  });

  test("an unknown story answers 404 with a Chinese page", async ({ page }) => {
    const response = await page.goto("/stories/no-such-story");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
  });
});
