import { expect, test, type Page } from "@playwright/test";
import { DEMO_ROUNDUP, GRAIN_STORY } from "./site-fixtures";

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test.describe("reader site pages", () => {
  test("the roundup page lists the ranked stories, with an ItemList carrying positions", async ({ page }) => {
    await page.goto(`/roundups/${DEMO_ROUNDUP}`);
    await expect(page.getByRole("heading", { level: 1, name: "2023年吉林十大新闻" })).toBeVisible();
    await expect(page.getByText("吉林日报社选出")).toBeVisible();
    await expect(page.getByRole("link", { name: "2023年" })).toHaveAttribute("href", "/roundups");
    const headings = page.getByRole("heading", { level: 2 });
    await expect(headings).toHaveCount(10);
    await expect(headings.nth(4)).toContainText("粮食总产达837.3亿斤");

    const list = (await jsonLd(page)).find((block) => block["@type"] === "ItemList");
    expect(list).toBeDefined();
    const items = list?.itemListElement as { position: number; url: string }[];
    expect(items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(items[4]?.url).toMatch(new RegExp(`/stories/${GRAIN_STORY}$`));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/roundups/${DEMO_ROUNDUP}$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "2023年吉林十大新闻");
  });

  test("the archive groups roundups by year", async ({ page }) => {
    await page.goto("/roundups");
    await expect(page.getByRole("heading", { level: 1, name: "历年榜单" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "2023年" })).toBeVisible();
    await page.getByRole("link", { name: "2023年吉林十大新闻" }).click();
    await expect(page).toHaveURL(new RegExp(`/roundups/${DEMO_ROUNDUP}$`));
  });

  test("a story page has byline, Chinese date, section and tag links, and NewsArticle JSON-LD", async ({ page }) => {
    await page.goto(`/stories/${GRAIN_STORY}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("粮食总产达837.3亿斤");
    await expect(page.locator(".story .meta time")).toHaveText("2023年12月12日 09:00");
    await expect(page.getByRole("link", { name: "农业" }).last()).toHaveAttribute("href", "/sections/nongye");
    const tags = page.getByRole("list", { name: "标签" });
    await expect(tags.getByRole("link", { name: "粮食" })).toHaveAttribute("href", "/tags/liang-shi");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /837\.3亿斤/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");

    const article = (await jsonLd(page)).find((block) => block["@type"] === "NewsArticle");
    expect(article?.headline).toContain("粮食总产达837.3亿斤");
    expect(article?.datePublished).toBe("2023-12-12T01:00:00.000Z");
  });

  test("section and tag pages list their published stories and link onwards", async ({ page }) => {
    await page.goto("/sections/nongye");
    await expect(page.getByRole("heading", { level: 1, name: "农业" })).toBeVisible();
    await expect(page.getByRole("link", { name: /粮食总产达837\.3亿斤/ })).toBeVisible();
    await page.goto("/tags/liang-shi");
    await expect(page.getByRole("heading", { level: 1, name: "粮食" })).toBeVisible();
    await page.getByRole("link", { name: /粮食总产达837\.3亿斤/ }).click();
    await expect(page).toHaveURL(new RegExp(`/stories/${GRAIN_STORY}$`));
  });

  test("unknown sections, tags, roundups and pages past the end answer 404 in Chinese", async ({ page }) => {
    for (const path of ["/sections/no-such-section", "/tags/no-such-tag", "/roundups/no-such-roundup", "/sections/nongye/page/99", "/sections/nongye/page/abc"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
    }
  });

  test("every page carries lang, a title, a description and a canonical URL", async ({ page }) => {
    for (const path of ["/", "/roundups", `/roundups/${DEMO_ROUNDUP}`, `/stories/${GRAIN_STORY}`, "/sections/nongye", "/tags/liang-shi", "/search?q=粮食"]) {
      await page.goto(path);
      await expect(page.locator("html"), path).toHaveAttribute("lang", "zh-CN");
      await expect(page, path).toHaveTitle(/Roundup 新闻/);
      await expect(page.locator('meta[name="description"]'), path).toHaveAttribute("content", /.+/);
      await expect(page.locator('link[rel="canonical"]'), path).toHaveAttribute("href", /^http/);
      await expect(page.locator('meta[property="og:site_name"]'), path).toHaveAttribute("content", "Roundup 新闻");
      expect((await jsonLd(page)).length, path).toBeGreaterThan(0);
    }
  });
});
