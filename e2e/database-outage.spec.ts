import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/ports";
import { submitSignInForm } from "./support/auth";
import { startAppServer, startDatabaseRelay, waitFor, type Running } from "./support/servers";
import { markdownSource } from "./editor-helpers";
import { GRAIN_STORY, deleteStories, insertStory, uniqueWord, withDb } from "./site-fixtures";

// A production server of its own, reaching the e2e database through a relay that the test cuts:
// to that server PostgreSQL is gone, while the other specs' server carries on.

test.describe("while the database is unreachable", () => {
  test.describe.configure({ timeout: 180_000 });
  let app: Running;
  let relay: Awaited<ReturnType<typeof startDatabaseRelay>>;
  const created: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    relay = await startDatabaseRelay(process.env.DATABASE_URL ?? "");
    app = await startAppServer(await findFreePort(), { DATABASE_URL: relay.url });
  });

  test.afterAll(async () => {
    await withDb((client) => deleteStories(client, created));
    await app?.stop();
    await relay?.stop();
  });

  const health = async () => (await fetch(`${app.url}/api/health`)).json() as Promise<{ database: string; bus: string }>;

  test("readers keep cached pages and get a 503 for others; the editor keeps the unsaved text and says why", async ({ page }) => {
    const word = uniqueWord();
    const slug = `e2e-outage-${word.slice(2)}`;
    await withDb(async (client) => {
      created.push(await insertStory(client, { slug, title: `断线测试 ${word}`, status: "DRAFT", publishedAt: null, body: "原来的正文。" }));
    });
    const storyId = created[0]!;

    // A reader has read this page before the outage, so it is cached.
    const cachedPage = `${app.url}/stories/${GRAIN_STORY}`;
    const before = await (await fetch(cachedPage)).text();
    expect((await fetch(cachedPage)).status).toBe(200);

    await page.goto(`${app.url}/login?callbackUrl=${encodeURIComponent(`/editor/stories/${storyId}`)}`);
    await submitSignInForm(page, "editor@roundup.local", process.env.DEMO_PASSWORD || "roundup-demo-2023");
    const body = await markdownSource(page);
    await expect(body).toHaveValue("原来的正文。");
    const unsaved = `断线期间写下的文字 ${word}`;
    await body.fill(unsaved);

    await relay.down();
    await waitFor(async () => (await health()).bus !== "up", "the server noticing the outage", 30_000);
    expect(await health()).toMatchObject({ database: "down" });

    // Readers: the cached page is still served, a page never read answers 503 in Chinese, never 500.
    const cached = await fetch(cachedPage);
    expect(cached.status).toBe(200);
    expect(await cached.text()).toContain(before.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1] ?? "");
    const uncached = await fetch(`${app.url}/stories/never-read-${word.slice(2)}`);
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get("retry-after")).toBe("30");
    expect(await uncached.text()).toContain("数据库暂时无法连接");

    // Staff: the save fails with a clear message and the text stays in the editor.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "暂时连不上数据库" })).toBeVisible();
    await expect(body).toHaveValue(unsaved);

    // Another staff page opened meanwhile says what is wrong.
    const other = await page.context().newPage();
    await other.goto(`${app.url}/editor`);
    await expect(other.getByRole("alert").filter({ hasText: "数据库暂时无法连接" })).toBeVisible();
    await other.close();

    // Once the database is back, the same text saves.
    await relay.up();
    await waitFor(async () => (await fetch(`${app.url}/api/health`)).ok, "the server's database and bus", 30_000);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存为第" })).toBeVisible();
    const saved = await withDb((client) => client.query<{ body: string }>(`select body from "Story" where id = $1`, [storyId]));
    expect(saved.rows[0]?.body).toBe(unsaved);
  });
});
