import { expect, test, type Page } from "@playwright/test";
import { deleteStories, expireTags, insertStory, uniqueWord, withDb } from "./site-fixtures";

const HOUR = 60 * 60 * 1000;

async function publicText(page: Page): Promise<string> {
  // Every public place a story could show up, read as a reader (pages) or a crawler (feed, sitemap).
  const paths = ["/", "/sections/nongye", "/tags/liang-shi", "/feed.xml", "/sitemap.xml"];
  const texts: string[] = [];
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    texts.push(await response.text());
  }
  return texts.join("\n");
}

test.describe("only published content reaches readers", () => {
  const created: string[] = [];
  test.afterAll(async () => {
    await withDb((client) => deleteStories(client, created));
  });

  test("drafts, stories in review, unpublished and future-scheduled stories appear nowhere public", async ({ page }) => {
    const word = uniqueWord();
    const hidden = [
      { status: "DRAFT" as const, publishedAt: null },
      { status: "IN_REVIEW" as const, publishedAt: null },
      { status: "UNPUBLISHED" as const, publishedAt: new Date(Date.now() - HOUR) },
      { status: "SCHEDULED" as const, publishedAt: new Date(Date.now() + 24 * HOUR) },
    ].map((row, index) => ({ ...row, slug: `e2e-hidden-${index}-${word.slice(2)}`, title: `隐藏稿件${index} ${word}` }));
    const visible = { status: "PUBLISHED" as const, publishedAt: new Date(Date.now() - HOUR), slug: `e2e-visible-${word.slice(2)}`, title: `公开稿件 ${word}` };

    await withDb(async (client) => {
      for (const row of [...hidden, visible]) created.push(await insertStory(client, { ...row, body: `正文含有${word}。` }));
      // What the editor's Server Action would expire for this section and tag.
      await expireTags(client, ["home", "feed", "sitemap", "search", "section:nongye", "tag:liang-shi", `story:${visible.slug}`]);
    });

    await expect.poll(async () => (await publicText(page)).includes(visible.title), { timeout: 5000 }).toBe(true);
    const everywhere = await publicText(page);
    for (const row of hidden) {
      expect(everywhere).not.toContain(row.title);
      expect(everywhere).not.toContain(row.slug);
      const response = await page.goto(`/stories/${row.slug}`);
      expect(response?.status(), row.status).toBe(404);
    }

    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    await expect(page.locator(".search-results > li")).toHaveCount(1);
    await expect(page.getByRole("link", { name: visible.title })).toBeVisible();
  });

  test("a scheduled story appears by itself on already-cached pages when its time comes", async ({ page }) => {
    const word = uniqueWord();
    const row = { status: "SCHEDULED" as const, publishedAt: new Date(Date.now() + 4000), slug: `e2e-scheduled-${word.slice(2)}`, title: `定时稿件 ${word}` };
    // Fill the caches first, then schedule: nothing expires any tag, the go-live time alone must do it.
    await publicText(page);
    await withDb(async (client) => {
      created.push(await insertStory(client, { ...row, body: "定时发布的正文。" }));
    });
    expect(await publicText(page)).not.toContain(row.title);
    expect((await page.goto(`/stories/${row.slug}`))?.status()).toBe(404);

    await expect.poll(async () => (await publicText(page)).includes(row.title), { timeout: 15_000, intervals: [1000] }).toBe(true);
    expect((await page.goto(`/stories/${row.slug}`))?.status()).toBe(200);
  });
});
