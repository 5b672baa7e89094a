import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { processImage } from "../lib/media/image";
import { DEMO_ROUNDUP, GRAIN_STORY, deleteStories, expireTags, insertStory, uniqueWord, withDb } from "./site-fixtures";

// What a reader's browser receives: 404s readable without JavaScript, no prefetch traffic, a favicon,
// and photos offered in the sizes the page needs.

test.describe("reader pages without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("missing stories, roundups, sections, tags and pages past the end show the not-found page in the HTML, with status 404", async ({ page }) => {
    for (const address of [
      "/stories/no-such-story",
      `/roundups/no-such-roundup`,
      "/sections/no-such-section",
      "/tags/no-such-tag",
      "/sections/nongye/page/99",
      "/tags/liang-shi/page/99",
      "/sections/nongye/page/abc",
    ]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), address).toHaveText("找不到这个页面");
      await expect(page.locator("body"), address).toContainText("链接可能已失效，或内容尚未发布。");
      // Inside the site's own layout: the reader can navigate on from here.
      await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }), address).toBeVisible();
    }
  });

  test("a search works with a plain form", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "搜索报道" }).fill("粮食");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.locator(`main a[href="/stories/${GRAIN_STORY}"]`).first()).toBeVisible();
  });
});

test.describe("reader pages in the browser", () => {
  test("reader pages come without Next's runtime and payload, from the first view on, and still read and share", async ({ page, context }) => {
    const word = uniqueWord();
    const slug = `e2e-lean-${word.slice(2)}`;
    const title = `轻页面报道${word}`;
    let storyId = "";
    try {
      await withDb(async (client) => {
        storyId = await insertStory(client, { slug, title, status: "PUBLISHED", publishedAt: new Date(), body: `第一段${word}。\n\n第二段。` });
        await expireTags(client, ["home", "feed", "sitemap", "search", "section:nongye", "tag:liang-shi", `story:${slug}`]);
      });
      const scriptsSeen: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scriptsSeen.push(new URL(request.url()).pathname);
      });
      // The new story's first view (rendered now) and a second one (served from the kept copy).
      for (const view of ["first", "second"]) {
        const response = await page.goto(`/stories/${slug}`);
        expect(response?.status(), view).toBe(200);
        const html = await response!.text();
        expect(html, view).not.toContain("/_next/static/chunks/turbopack");
        expect(html, view).not.toContain("__next_f");
        await expect(page.getByRole("heading", { level: 1 }), view).toHaveText(title);
        await expect(page.locator(".story .body"), view).toContainText(`第一段${word}`);
        const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
        expect(blocks.find((block) => block["@type"] === "NewsArticle"), view).toMatchObject({ headline: title });
      }
      expect([...new Set(scriptsSeen)]).toEqual(["/reader.js"]);

      // The one enhancement still works: 复制链接 copies the address instead of leaving the page.
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      const share = page.getByRole("region", { name: "分享这篇报道" });
      await share.getByRole("link", { name: "复制链接" }).click();
      await expect(share.getByText("已复制链接")).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

      // The search page, rendered per request, too.
      for (const address of ["/", `/roundups/${DEMO_ROUNDUP}`, "/sections/nongye", "/tags/liang-shi", `/search?q=${encodeURIComponent("粮食")}`]) {
        await page.goto(address);
        const html = await (await page.request.get(address)).text();
        expect(html, address).not.toContain("__next_f");
        expect(await page.locator('script[src^="/_next/"]').count(), address).toBe(0);
      }
    } finally {
      await withDb(async (client) => {
        if (storyId) await deleteStories(client, [storyId]);
        await expireTags(client, ["home", "feed", "sitemap", "search", "section:nongye", "tag:liang-shi", `story:${slug}`]);
      });
    }
  });

  test("public pages fetch nothing ahead of a click, and a click loads the next page whole", async ({ page }) => {
    const ahead: string[] = [];
    page.on("request", (request) => {
      // Next's router asks for a page's React payload (?_rsc=…, or an RSC header) to prefetch or navigate.
      if (request.url().includes("_rsc=") || request.headers()["rsc"] === "1") ahead.push(request.url());
    });
    for (const address of ["/", `/roundups/${DEMO_ROUNDUP}`, "/sections/nongye", `/search?q=${encodeURIComponent("粮食")}`]) {
      await page.goto(address);
      await page.mouse.wheel(0, 5000);
      await page.waitForLoadState("networkidle");
    }
    const grainLink = page.locator(`main a[href="/stories/${GRAIN_STORY}"]`).first();
    await grainLink.hover();
    await page.waitForLoadState("networkidle");
    expect(ahead).toEqual([]);

    const documentLoad = page.waitForResponse((response) => response.request().resourceType() === "document" && response.url().endsWith(`/stories/${GRAIN_STORY}`));
    await grainLink.click();
    expect((await documentLoad).status()).toBe(200);
    expect(ahead).toEqual([]);
  });

  test("every page names a favicon that loads, and the console stays free of errors", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`/stories/${GRAIN_STORY}`);
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    expect((await page.request.get(href!)).status()).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });

  test("headings go down one level at a time on every reader page", async ({ page }) => {
    for (const address of ["/", "/roundups", `/roundups/${DEMO_ROUNDUP}`, `/stories/${GRAIN_STORY}`, "/sections/nongye", "/tags/liang-shi", `/search?q=${encodeURIComponent("粮食")}`]) {
      await page.goto(address);
      const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((nodes) => nodes.map((n) => Number(n.tagName.slice(1))));
      expect(levels[0], address).toBe(1);
      const jumps = levels.filter((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1);
      expect(jumps, `${address}: ${levels.join(" ")}`).toEqual([]);
    }
  });

  test("a lead photo comes in the WebP sizes with its dimensions, preloaded; its thumbnail in lists as well", async ({ page }) => {
    const uploads = path.resolve(process.env.UPLOAD_DIR ?? ".data/uploads");
    const photo = await sharp({ create: { width: 2000, height: 1250, channels: 3, background: "#4f7a5a" } }).jpeg().toBuffer();
    const image = await processImage(photo, { mime: "image/jpeg", ext: "jpg" });
    const files = [image.master, ...image.variants];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(uploads, file.key)), { recursive: true });
      fs.writeFileSync(path.join(uploads, file.key), file.bytes);
    }
    const word = uniqueWord();
    const slug = `e2e-photo-${word.slice(2)}`;
    const title = `配图报道${word}`;
    let storyId = "";
    const mediaId = `e2e-media-${word.slice(2)}`;
    const tags = ["home", "feed", "sitemap", "search", "section:nongye", "tag:liang-shi", `story:${slug}`];
    try {
      await withDb(async (client) => {
        await client.query(
          `insert into "Media" (id, "storageKey", "mimeType", width, height, "byteSize", variants, alt, caption, credit, "uploadedById")
           values ($1, $2, 'image/jpeg', $3, $4, $5, $6, '测试配图：绿色色块', '测试图片说明', '本报记者 测试 摄', (select id from "User" where email = 'editor@roundup.local'))`,
          [mediaId, image.master.key, image.master.width, image.master.height, image.master.bytes.length, JSON.stringify(image.variants.map(({ key, width, height }) => ({ key, width, height })))],
        );
        storyId = await insertStory(client, { slug, title, status: "PUBLISHED", publishedAt: new Date(), body: `正文${word}。` });
        await client.query(`update "Story" set "leadMediaId" = $1 where id = $2`, [mediaId, storyId]);
        await expireTags(client, tags);
      });

      await page.goto(`/stories/${slug}`);
      const lead = page.getByRole("figure").getByRole("img", { name: "测试配图：绿色色块" });
      await expect(page.getByRole("figure")).toContainText("本报记者 测试 摄");
      const srcset = (await lead.getAttribute("srcset")) ?? "";
      for (const variant of image.variants) expect(srcset).toContain(`${encodeURIComponent(variant.key)} ${variant.width}w`);
      expect(srcset).toMatch(/-480\.webp 480w/);
      expect(await lead.getAttribute("sizes")).toBeTruthy();
      await expect(lead).toHaveAttribute("width", String(image.master.width));
      await expect(lead).toHaveAttribute("height", String(image.master.height));
      await expect(lead).toHaveAttribute("fetchpriority", "high");
      // The browser picked a WebP variant and drew it.
      await expect.poll(() => lead.evaluate((img: HTMLImageElement) => (img.complete ? img.currentSrc : ""))).toMatch(/\.webp$/);
      expect(await lead.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      const preload = page.locator('link[rel="preload"][as="image"]');
      await expect(preload).toHaveCount(1);
      expect(await preload.getAttribute("imagesrcset")).toBe(srcset);

      await expect.poll(async () => (await page.request.get("/sections/nongye").then((r) => r.text())).includes(title), { timeout: 10_000 }).toBe(true);
      await page.goto("/sections/nongye");
      const thumb = page.getByRole("listitem").filter({ hasText: title }).getByRole("img");
      await expect(thumb).toHaveAttribute("loading", "lazy");
      await expect(thumb).toHaveAttribute("width", String(image.master.width));
      expect(await thumb.getAttribute("srcset")).toContain(" 480w");
    } finally {
      await withDb(async (client) => {
        if (storyId) await deleteStories(client, [storyId]);
        await client.query(`delete from "Media" where id = $1`, [mediaId]);
        await expireTags(client, tags);
      });
      for (const file of files) fs.rmSync(path.join(uploads, file.key), { force: true });
    }
  });

  test("a lead photo known only by its caption and credit shows no figure", async ({ page }) => {
    const word = uniqueWord();
    const slug = `e2e-nophoto-${word.slice(2)}`;
    const mediaId = `e2e-media-${word.slice(2)}`;
    let storyId = "";
    try {
      await withDb(async (client) => {
        await client.query(
          `insert into "Media" (id, alt, caption, credit, "uploadedById") values ($1, '没有文件的照片', $2, '本报记者 测试 摄', (select id from "User" where email = 'editor@roundup.local'))`,
          [mediaId, `照片说明${word}`],
        );
        storyId = await insertStory(client, { slug, title: `无图报道${word}`, status: "PUBLISHED", publishedAt: new Date(), body: `正文${word}。` });
        await client.query(`update "Story" set "leadMediaId" = $1 where id = $2`, [mediaId, storyId]);
      });
      await page.goto(`/stories/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`无图报道${word}`);
      await expect(page.getByRole("figure")).toHaveCount(0);
      await expect(page.locator("main")).not.toContainText(`照片说明${word}`);
    } finally {
      await withDb(async (client) => {
        if (storyId) await deleteStories(client, [storyId]);
        await client.query(`delete from "Media" where id = $1`, [mediaId]);
        await expireTags(client, ["home", "feed", "sitemap", "search", "section:nongye", "tag:liang-shi", `story:${slug}`]);
      });
    }
  });
});
