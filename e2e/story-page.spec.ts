import { expect, test } from "@playwright/test";
import { createStoryViaUi, markdownSource, saveAndExpectVersion, signIn, uniqueTitle } from "./editor-helpers";
import { deleteStories, insertStory, withDb } from "./site-fixtures";

// Issue 12, item 5: a story page like a real paper's, drawn by the same renderer as the staff preview.

test.describe("story page", () => {
  test("date and time, byline, 来源, 责任编辑, styled quote, share links, 相关报道 and JSON-LD", async ({ browser }) => {
    const relatedTitle = uniqueTitle("相关的粮食报道");
    const relatedId = await withDb((client) =>
      insertStory(client, { slug: `related-${Date.now().toString(36)}`, title: relatedTitle, body: "另一篇农业报道。", status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) }),
    );
    const title = uniqueTitle("春耕报道");
    const editor = await signIn(browser, "editor");
    const storyUrl = await createStoryViaUi(editor, title);
    const storyId = storyUrl.split("/").at(-1)!;
    try {
      await (await markdownSource(editor)).fill("> 春耕不等人。\n\n全省春播进度过半。");
      await editor.getByLabel("署名").fill("本报记者 测试");
      await editor.getByLabel("来源").fill("吉林日报");
      await editor.getByLabel("栏目").selectOption("农业");
      await saveAndExpectVersion(editor, 2);
      await editor.getByRole("button", { name: "立即发布" }).click();
      await expect(editor.getByText("状态：已发布")).toBeVisible();
      // The editor who published is the editor of record.
      await editor.reload();
      await expect(editor.getByLabel("责任编辑")).toHaveValue(/.+/);
      await expect(editor.getByLabel("责任编辑").locator("option:checked")).toHaveText("演示编辑");

      // The staff preview draws it with the public renderer: the same quote, source and editor line.
      await editor.goto(`${storyUrl}/preview`);
      await expect(editor.locator(".story .body blockquote")).toHaveText("春耕不等人。");
      await expect(editor.getByText("来源：吉林日报")).toBeVisible();

      await editor.goto(storyUrl);
      const publicPath = await editor.getByRole("link", { name: "查看线上页面" }).getAttribute("href");
      const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const reader = await context.newPage();
      await reader.goto(publicPath!);
      await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
      const meta = reader.locator(".story .meta");
      await expect(meta.locator("time")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      await expect(meta).toContainText("本报记者 测试");
      await expect(meta).toContainText("来源：吉林日报");
      await expect(meta).not.toContainText("演示编辑");
      await expect(reader.getByText("（责任编辑：演示编辑）")).toBeVisible();

      // The quote is set off from the text, not merely indented.
      const quote = reader.locator(".story .body blockquote");
      await expect(quote).toHaveCSS("border-left-style", "solid");
      await expect(quote).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");

      // Sharing: plain links, no third-party script.
      const pageUrl = reader.url();
      const share = reader.getByRole("region", { name: "分享这篇报道" });
      await expect(share.getByRole("link", { name: "微博" })).toHaveAttribute("href", `https://service.weibo.com/share/share.php?${new URLSearchParams({ url: pageUrl, title }).toString()}`);
      await expect(share.getByRole("link", { name: "复制链接" })).toHaveAttribute("href", pageUrl);
      await expect(share.getByRole("link", { name: pageUrl })).toBeVisible();
      const scripts = await reader.locator("script[src]").evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
      expect(scripts.filter((src) => new URL(src).origin !== new URL(pageUrl).origin)).toEqual([]);
      await share.getByRole("link", { name: "复制链接" }).click();
      await expect(share.getByText("已复制链接")).toBeVisible();
      expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(pageUrl);
      await expect(reader).toHaveURL(pageUrl);

      // 相关报道: the other published story of the same section.
      const related = reader.getByRole("region", { name: "相关报道" });
      await expect(related.getByRole("link", { name: relatedTitle })).toBeVisible();
      await expect(related.getByRole("link", { name: title })).toHaveCount(0);

      const blocks = (await reader.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
      const article = blocks.find((block) => block["@type"] === "NewsArticle");
      expect(article).toMatchObject({
        headline: title,
        author: { "@type": "Person", name: "本报记者 测试" },
        editor: { "@type": "Person", name: "演示编辑" },
        sourceOrganization: { "@type": "Organization", name: "吉林日报" },
      });
      await context.close();
    } finally {
      await withDb((client) => deleteStories(client, [relatedId, storyId]));
    }
  });

  test("without JavaScript the copy link is a plain link to the story and the address is shown", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.locator(".ranked-list a").first().click();
    const share = page.getByRole("region", { name: "分享这篇报道" });
    await expect(share.getByRole("link", { name: "复制链接" })).toHaveAttribute("href", page.url());
    await expect(share).toContainText(page.url());
    await context.close();
  });
});
