import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_ROUNDUP, GRAIN_STORY } from "./site-fixtures";

const PAGES = [
  ["home", "/"],
  ["roundup archive", "/roundups"],
  ["roundup", `/roundups/${DEMO_ROUNDUP}`],
  ["story", `/stories/${GRAIN_STORY}`],
  ["section", "/sections/nongye"],
  ["tag", "/tags/liang-shi"],
  ["search", "/search?q=粮食"],
  ["not found", "/stories/no-such-story"],
] as const;

test.describe("accessibility and small screens", () => {
  for (const [name, path] of PAGES) {
    test(`${name}: axe finds no serious or critical problem`, async ({ page }) => {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });

    test(`${name}: no horizontal scrolling at 375 px`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(path);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      await testInfo.attach(`${name}-375.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    });
  }

  test("the keyboard alone reaches the content and a story", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "跳到正文" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    // The first link inside main is the top-ranked story.
    let focusedHref = "";
    for (let i = 0; i < 5 && !focusedHref.startsWith("/stories/"); i++) {
      await page.keyboard.press("Tab");
      focusedHref = (await page.evaluate(() => document.activeElement?.getAttribute("href"))) ?? "";
    }
    expect(focusedHref).toMatch(/^\/stories\//);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("东北全面振兴");
  });

  test("the feed and the sitemap parse as XML with the published stories", async ({ page }) => {
    await page.goto("/");
    for (const [path, root, item] of [
      ["/feed.xml", "rss", "item"],
      ["/sitemap.xml", "urlset", "url"],
    ] as const) {
      const response = await page.request.get(path);
      expect(response.headers()["content-type"]).toMatch(/xml/);
      const text = await response.text();
      const parsed = await page.evaluate(
        ({ text, item }) => {
          const doc = new DOMParser().parseFromString(text, "application/xml");
          return {
            error: doc.getElementsByTagName("parsererror").length > 0,
            root: doc.documentElement.nodeName,
            version: doc.documentElement.getAttribute("version"),
            items: doc.getElementsByTagName(item).length,
            text: doc.documentElement.textContent ?? "",
          };
        },
        { text, item },
      );
      expect(parsed.error, path).toBe(false);
      expect(parsed.root, path).toBe(root);
      expect(parsed.items, path).toBeGreaterThanOrEqual(10);
      expect(parsed.text, path).toContain(`/stories/${GRAIN_STORY}`);
      if (root === "rss") expect(parsed.version).toBe("2.0");
      else {
        expect(parsed.text).toContain(`/roundups/${DEMO_ROUNDUP}`);
        expect(parsed.text).toContain("/sections/nongye");
      }
    }
    const robots = await (await page.request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
    expect(robots).toContain("Disallow: /editor");
  });
});
