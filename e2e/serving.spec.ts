import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { deleteStories, expireTags, insertStory, withDb } from "./site-fixtures";

// How the production server answers readers (lib/server/front-door.mjs before Next): validators,
// compression, lifetimes and security headers, and a cached page replaced as soon as its tag expires.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A raw request: the body exactly as sent (Playwright and fetch would decompress it). */
function raw(baseURL: string, path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseURL), { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

function decoded(answer: Answer): string {
  const coding = answer.headers["content-encoding"];
  if (coding === "br") return zlib.brotliDecompressSync(answer.body).toString();
  if (coding === "gzip") return zlib.gunzipSync(answer.body).toString();
  return answer.body.toString();
}

test.describe("serving public pages", () => {
  test("a cached page answers 304 to its ETag, br or gzip as asked, and headers alone to HEAD", async ({ baseURL }) => {
    const base = baseURL!;
    const first = await raw(base, "/");
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    await expect.poll(async () => (await raw(base, "/", { "if-none-match": etag! })).status).toBe(304);

    // Once the page is kept, br and gzip come ready; both decode to the same page as the plain answer.
    await expect.poll(async () => (await raw(base, "/", { "accept-encoding": "gzip, deflate, br" })).headers["content-encoding"]).toBe("br");
    const plain = await raw(base, "/");
    const br = await raw(base, "/", { "accept-encoding": "br" });
    const gzip = await raw(base, "/", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(decoded(br)).toBe(decoded(plain));
    expect(decoded(gzip)).toBe(decoded(plain));
    expect(br.body.length).toBeLessThan(plain.body.length);
    for (const answer of [plain, br, gzip]) {
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(answer.headers["content-security-policy"]).toMatch(/script-src 'self' 'unsafe-inline';/);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["cache-control"]).toMatch(/s-maxage=/);
    }

    const head = await raw(base, "/", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(br.body.length);
  });

  test("the feed carries an ETag and answers 304 while it is unchanged", async ({ baseURL }) => {
    const base = baseURL!;
    const feed = await raw(base, "/feed.xml");
    expect(feed.status).toBe(200);
    expect(feed.headers["content-type"]).toContain("application/rss+xml");
    const etag = feed.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    await expect.poll(async () => (await raw(base, "/feed.xml", { "if-none-match": etag! })).status).toBe(304);
    expect((await raw(base, "/feed.xml", { "if-none-match": '"another-version"' })).status).toBe(200);
  });

  test("build assets are immutable, files in public/ kept an hour, both with the security headers", async ({ baseURL }) => {
    const base = baseURL!;
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(decoded(await raw(base, "/")))?.[1];
    expect(css).toBeTruthy();
    const asset = await raw(base, css!);
    expect(asset.headers["cache-control"]).toContain("immutable");
    const file = await raw(base, "/humans.txt");
    expect(file.status).toBe(200);
    expect(file.headers["cache-control"]).toMatch(/max-age=3600/);
    expect(file.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(asset.headers["x-content-type-options"]).toBe("nosniff");
  });

  test("a malformed address is refused with a 400 and the security headers, before any page runs", async ({ baseURL }) => {
    const answer = await raw(baseURL!, "/stories/%E4%B8");
    expect(answer.status).toBe(400);
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(answer.body.toString()).toContain("地址无效");
  });

  test("a page read many times is replaced for the next reader once its tag expires", async ({ baseURL }) => {
    const base = baseURL!;
    const slug = `e2e-serving-${Date.now().toString(36)}`;
    const title = `缓存替换报道 ${slug}`;
    const id = await withDb((client) => insertStory(client, { slug, title, body: "第一版正文。", status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000) }));
    try {
      // Read until the server keeps it (several plain hits).
      for (let i = 0; i < 5; i++) expect(decoded(await raw(base, `/stories/${slug}`, { "accept-encoding": "br" }))).toContain("第一版正文");
      await withDb(async (client) => {
        await client.query(`update "Story" set body = '第二版正文。', "updatedAt" = now() where id = $1`, [id]);
        await expireTags(client, [`story:${slug}`]);
      });
      await expect.poll(async () => decoded(await raw(base, `/stories/${slug}`, { "accept-encoding": "br" }))).toContain("第二版正文");
      // And from then on, never the old page again.
      for (let i = 0; i < 5; i++) expect(decoded(await raw(base, `/stories/${slug}`, { "accept-encoding": "br" }))).toContain("第二版正文");
    } finally {
      await withDb((client) => deleteStories(client, [id]));
    }
  });
});
