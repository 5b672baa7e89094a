import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CacheNode } from "@/lib/cache/cache-node.mjs";
import type { ProcessCache } from "@/lib/cache/shared-cache-handler.mjs";
import { frontDoor } from "@/lib/server/front-door.mjs";
import { type RawAnswer, listenLocally, rawRequest } from "./support/raw-request";

// The front door before a stand-in for Next that serves a page the way Next does from the cache
// handler: a fresh entry is a "HIT" with its HTML, anything else a new render stored as a new entry.
// Counting the stand-in's calls tells which answers the front door gave itself.

const KEY = "/route-cache/APP_PAGE/abc/$/story";
const PUBLIC_POLICY = "script-src 'self' 'unsafe-inline'";

const SEARCH_PAGE = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body><h1>搜索</h1><p>${"结果".repeat(300)}</p><script>self.__next_f.push([1,"x"])</script></body></html>`;
let searchSaw: string | string[] | undefined;
let node: CacheNode;
let version = 0;
let nextCalls = 0;
let busState: "up" | "down" = "up";
let close: () => Promise<void>;
let base = "";

function fakeNext(request: http.IncomingMessage, response: http.ServerResponse): void {
  nextCalls += 1;
  const path = new URL(request.url ?? "/", "http://x").pathname;
  if (path === "/search") {
    searchSaw = request.headers["accept-encoding"];
    if (request.url?.includes("q=redirect")) {
      response.writeHead(307, { location: "/search?q=x" });
      response.end();
      return;
    }
    // Streamed as Next streams a dynamic page: head first, then the page in pieces.
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", Vary: "rsc" });
    response.write(SEARCH_PAGE.slice(0, 40));
    response.write(Buffer.from(SEARCH_PAGE.slice(40, 200)));
    response.end(SEARCH_PAGE.slice(200));
    return;
  }
  if (path !== "/story") {
    response.statusCode = path === "/story/" ? 308 : 404;
    response.end();
    return;
  }
  const found = node.read(KEY, []);
  let hit = true;
  if (!found?.fresh) {
    version += 1;
    node.write(KEY, { kind: "APP_PAGE", html: `<!doctype html><p>第 ${version} 版 ${"报道正文".repeat(500)}</p>`, headers: {} }, ["story:a"], { revalidate: 86400 });
    hit = false;
  }
  const value = node.peek(KEY)!.value as { html: string };
  response.setHeader("Content-Security-Policy", PUBLIC_POLICY);
  response.setHeader("Vary", "rsc, next-router-state-tree");
  response.setHeader("x-nextjs-cache", hit ? "HIT" : "MISS");
  response.setHeader("cache-control", "public, s-maxage=60");
  response.setHeader("xkey", "story:a");
  response.setHeader("ETag", `"v${version}"`);
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.end(request.method === "HEAD" ? undefined : value.html);
}

type Answer = RawAnswer;
const get = (path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> => rawRequest(`${base}${path}`, headers, method);

/**
 * Views the page until the front door answers it without Next (it keeps a page from its first hit
 * on; a page rendered within a second of an expiry counts as outdated, so that can take a second).
 */
async function untilKept(): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = nextCalls;
        await get("/story");
        return nextCalls === before;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

beforeAll(async () => {
  ({ base, close } = await listenLocally(frontDoor(fakeNext)));
});

afterAll(() => close());

beforeEach(() => {
  node = new CacheNode();
  version = 0;
  busState = "up";
  const trim = (path: string) => path.replace(/\/+$/, "") || "/";
  const cache = {
    node,
    get bus() {
      return { state: busState, lostAt: busState === "down" ? 1 : 0 };
    },
    pages: new Map([["/story", KEY]]),
    pageKey: (path: string) => (trim(path) === "/story" ? KEY : undefined),
    hasPage: (path: string) => trim(path) === "/story" && node.peek(KEY) !== null,
  };
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("roundup.cache")] = cache as unknown as ProcessCache;
});

describe("the front door", () => {
  it("answers a kept page itself, with Next's headers, br, gzip or plain as asked", async () => {
    const first = await get("/story");
    expect(first.headers["x-nextjs-cache"]).toBe("MISS");
    await untilKept();
    const calls = nextCalls;

    const plain = await get("/story");
    const br = await get("/story", { "accept-encoding": "gzip, deflate, br" });
    const gzip = await get("/story", { "accept-encoding": "gzip" });
    expect(nextCalls).toBe(calls);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(plain.body.toString()).toContain("第 1 版");
    for (const answer of [plain, br, gzip]) {
      expect(answer.headers["content-security-policy"]).toBe(PUBLIC_POLICY);
      expect(answer.headers["x-nextjs-cache"]).toBe("HIT");
      expect(answer.headers["xkey"]).toBe("story:a");
      expect(answer.headers["etag"]).toBe('"v1"');
      expect(answer.headers["vary"]).toBe("rsc, next-router-state-tree, Accept-Encoding");
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    }
  });

  it("serves many readers of a new page at once while it compresses it once", async () => {
    await get("/story");
    const answers = await Promise.all(Array.from({ length: 30 }, () => get("/story", { "accept-encoding": "br, gzip" })));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    await untilKept();
    expect((await get("/story", { "accept-encoding": "br" })).headers["content-encoding"]).toBe("br");
  });

  it("answers 304 to a matching If-None-Match and only headers to HEAD", async () => {
    await get("/story");
    await untilKept();
    const notModified = await get("/story", { "if-none-match": '"v1"' });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers["etag"]).toBe('"v1"');
    expect((await get("/story", { "if-none-match": '"v0"' })).status).toBe(200);

    const head = await get("/story", { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
  });

  it("sends the next reader to Next once a tag of the page expired, and keeps the new page from then on", async () => {
    await get("/story");
    await untilKept();
    node.markExpired(["story:a"], Date.now());
    const after = await get("/story");
    expect(after.body.toString()).toContain("第 2 版");
    // Kept again once Next serves the new entry as a plain hit (the latest render, never the first).
    await untilKept();
    expect(version).toBeGreaterThan(1);
    expect((await get("/story")).body.toString()).toContain(`第 ${version} 版`);
  });

  it("leaves client-router requests, queries and other spellings of the address to Next", async () => {
    await get("/story");
    await untilKept();
    for (const [path, headers] of [
      ["/story", { rsc: "1" }],
      ["/story", { "next-router-prefetch": "1" }],
      ["/story?utm=x", {}],
      ["/story/", {}],
    ] as const) {
      const before = nextCalls;
      await get(path, headers);
      expect(nextCalls, `${path} ${JSON.stringify(headers)}`).toBe(before + 1);
    }
    // The trailing slash is Next's redirect, never the page.
    expect((await get("/story/")).status).toBe(308);
  });

  it("sends the search page, rendered per request, without Next's scripts, compressed as asked", async () => {
    for (const [accept, coding] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
      ["", undefined],
    ] as const) {
      const answer = await get("/search?q=粮食", accept ? { "accept-encoding": accept } : {});
      // Next is asked for the page uncompressed, so that it can be changed before compressing.
      expect(searchSaw).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe(coding);
      expect(answer.headers.vary).toMatch(/Accept-Encoding/);
      const html = (coding === "br" ? zlib.brotliDecompressSync(answer.body) : coding === "gzip" ? zlib.gunzipSync(answer.body) : answer.body).toString();
      expect(html).toContain(`<h1>搜索</h1><p>${"结果".repeat(300)}</p>`);
      expect(html).not.toContain("main.js");
      expect(html).not.toContain("__next_f");
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    }
  });

  it("passes the search page's redirects and client-router requests through unchanged", async () => {
    const redirect = await get("/search?q=redirect");
    expect(redirect.status).toBe(307);
    expect(redirect.headers.location).toBe("/search?q=x");
    const payload = await get("/search?q=粮食", { rsc: "1", "accept-encoding": "gzip" });
    expect(searchSaw).toBe("gzip");
    expect(payload.body.toString()).toContain("__next_f");
  });

  it("refuses malformed addresses and, during an outage, answers a page never cached with a 503", async () => {
    const bad = await get("/stories/%");
    expect(bad.status).toBe(400);
    expect(bad.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(bad.headers["x-content-type-options"]).toBe("nosniff");

    await get("/story");
    busState = "down";
    const never = await get("/sections/never-cached");
    expect(never.status).toBe(503);
    expect(never.headers["retry-after"]).toBe("30");
    expect(never.body.toString()).toContain("这个页面暂时无法显示");
    // A cached page is still served, and staff pages are left to Next (they say what is wrong themselves).
    expect((await get("/story")).status).toBe(200);
    const calls = nextCalls;
    expect((await get("/editor")).status).toBe(404);
    expect(nextCalls).toBe(calls + 1);
  });
});
