import { expect, test } from "@playwright/test";
import { findFreePort } from "../scripts/lib/ports";
import { startVarnish } from "./support/cdn-harness";
import { startAppServer, type Running } from "./support/servers";
import { GRAIN_STORY, deleteStories, expireTags, insertStory, uniqueWord, withDb } from "./site-fixtures";

// A real Varnish with the xkey module in front of a production server that purges it: pages come from
// Varnish, and a publish, an edit and an unpublish purge exactly the pages that show the story.

type Seen = { status: number; text: string; hit: boolean; object: string };

/** X-Varnish holds the request's id, plus the cached object's id on a hit. */
async function through(cdn: Running, path: string): Promise<Seen> {
  const response = await fetch(cdn.url + path);
  const ids = (response.headers.get("x-varnish") ?? "").trim().split(/\s+/);
  return { status: response.status, text: await response.text(), hit: ids.length === 2, object: ids[1] ?? "" };
}

test.describe("behind Varnish", () => {
  test.describe.configure({ timeout: 180_000 });
  let app: Running;
  let cdn: Running;
  const created: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // Varnish needs the app's port, the app Varnish's purge URL: pick the app's port first.
    const appPort = await findFreePort();
    cdn = await startVarnish(appPort);
    app = await startAppServer(appPort, { CDN_PURGE_URL: `${cdn.url}/` });
  });

  test.afterAll(async () => {
    await withDb((client) => deleteStories(client, created));
    await app?.stop();
    await cdn?.stop();
  });

  test("publish, edit and unpublish purge the story's pages within moments, and leave the others cached", async () => {
    const word = uniqueWord();
    const slug = `e2e-cdn-${word.slice(2)}`;
    const title = `CDN 稿件 ${word}`;
    const tags = ["home", "feed", "sitemap", "search", "section:nongye", "tag:liang-shi", `story:${slug}`];
    await withDb(async (client) => {
      created.push(await insertStory(client, { slug, title, status: "DRAFT", publishedAt: null, body: "CDN 测试正文。" }));
    });

    // The app sends surrogate keys and a day-long shared lifetime (it purges); Varnish keeps the keys to itself.
    const direct = await fetch(`${app.url}/stories/${GRAIN_STORY}`);
    expect(direct.headers.get("xkey")?.split(" ")).toContain(`story:${GRAIN_STORY}`);
    expect(direct.headers.get("cache-control")).toContain("s-maxage=86400");

    const showing = { story: `/stories/${slug}`, section: "/sections/nongye", home: "/" };
    // A story sharing no section or tag with the new one: stories that do share them list it under
  // 相关报道, so their pages are rightly purged with it.
  const elsewhere = { archive: "/roundups", otherStory: "/stories/jilin-yihao-bai-xing-feitian-rencai-jing-zengzhang" };
    const cachedObject: Record<string, string> = {};
    for (const path of [...Object.values(showing), ...Object.values(elsewhere)]) {
      await through(cdn, path);
      const again = await through(cdn, path);
      expect(again.hit, `${path} is served from Varnish`).toBe(true);
      cachedObject[path] = again.object;
    }
    expect((await through(cdn, showing.story)).status).toBe(404);

    const stillCachedElsewhere = async () => {
      for (const path of Object.values(elsewhere)) {
        const seen = await through(cdn, path);
        expect(seen.hit, `${path} stays cached`).toBe(true);
        expect(seen.object, `${path} is the same cached object`).toBe(cachedObject[path]);
      }
    };
    /** Commits a change as the data layer does (the write and its notice in one transaction), then waits for Varnish to show it. */
    const change = async (label: string, sql: string, params: unknown[], visible: () => Promise<boolean>) => {
      await withDb(async (client) => {
        await client.query("begin");
        await client.query(sql, params);
        await expireTags(client, tags);
        await client.query("commit");
      });
      const committed = Date.now();
      await expect.poll(visible, { intervals: [25], timeout: 10_000 }).toBe(true);
      const delay = Date.now() - committed;
      test.info().annotations.push({ type: "visible through Varnish", description: `${label}: ${delay} ms after commit` });
      console.log(`[cdn] ${label} visible through Varnish ${delay} ms after commit`);
    };

    await change("publish", `update "Story" set status = 'PUBLISHED', "publishedAt" = now() - interval '1 minute' where slug = $1`, [slug], async () => {
      const [story, section, home] = await Promise.all(Object.values(showing).map((path) => through(cdn, path)));
      return story!.status === 200 && section!.text.includes(title) && home!.text.includes(title);
    });
    await stillCachedElsewhere();

    const edited = `${title}（修订）`;
    await change("edit", `update "Story" set title = $2 where slug = $1`, [slug, edited], async () => {
      const [story, section] = await Promise.all([through(cdn, showing.story), through(cdn, showing.section)]);
      return story.text.includes(edited) && section.text.includes(edited);
    });
    await stillCachedElsewhere();

    await change("unpublish", `update "Story" set status = 'UNPUBLISHED' where slug = $1`, [slug], async () => {
      const [story, home] = await Promise.all([through(cdn, showing.story), through(cdn, showing.home)]);
      return story.status === 404 && !home.text.includes(edited);
    });
    await stillCachedElsewhere();
  });
});
