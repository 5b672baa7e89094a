import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CacheNode } from "@/lib/cache/cache-node.mjs";
import type { ProcessCache } from "@/lib/cache/shared-cache-handler.mjs";
import { cacheTags } from "@/lib/cache/tags";
import { frontDoor } from "@/lib/server/front-door.mjs";
import { registerVotingFastPath } from "@/lib/selection/fast-path";
import { newFormToken, newVoterCookie, readFormToken, readVoterCookie } from "@/lib/selection/tokens";
import { TEMPLATE_TTL_MS, TEMPLATE_UNTIL_ATTRIBUTE, fillTemplate, makeTemplate, takeTemplateMark, templateUsable } from "@/lib/selection/voting-template.mjs";
import { type RawAnswer, listenLocally, rawRequest } from "./support/raw-request";

// The voting page served from a template by the front door (lib/selection/voting-template.mjs):
// the pure rules with an injected clock, then the front door before a stand-in for Next that renders
// the page the way the real one does (a mark on a plain view, a signed token, proxy.ts's cookie).

// Before the imports: the fast path's module graph reaches lib/db, which reads DATABASE_URL when
// loaded (no connection is made: these tests never cast a ballot).
vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
  process.env.DATABASE_URL ??= "postgresql://test@127.0.0.1:1/test";
});

const SELECTION = "sel-template-1";
const SLUG = "vote-template";
const page = (until: string | null, token: string, title: string) =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body><article class="selection-page"${until === null ? "" : ` ${TEMPLATE_UNTIL_ATTRIBUTE}="${until}"`}><h1>${title}</h1><form method="post"><input type="hidden" name="token" value="${token}"/><label><input type="checkbox" name="choice" value="c1"/>候选一</label></form></article><script>self.__next_f.push([1,"x"])</script></body></html>`;

describe("the voting page template", () => {
  const html = page("5000", "TOKEN", "年度评选");
  const tokenSelection = (token: string) => (token === "TOKEN" ? SELECTION : null);

  it("takes the mark out and reads the window's next change from it", () => {
    const marked = takeTemplateMark(html);
    expect(marked.until).toBe(5000);
    expect(marked.html).not.toContain(TEMPLATE_UNTIL_ATTRIBUTE);
    expect(takeTemplateMark(page("never", "TOKEN", "x")).until).toBe(Infinity);
    expect(takeTemplateMark(page(null, "TOKEN", "x")).until).toBeNull();
  });

  it("stops at the window's next change, at its TTL, and when the selection changed", () => {
    const { html: lean, until } = takeTemplateMark(html);
    const template = makeTemplate(lean, { until: until!, createdAt: 4000, headers: [], tokenSelection })!;
    const unchanged = () => false;
    expect(templateUsable(template, 4999, unchanged)).toBe(true);
    // The window opens or closes at 5000: the page must be rendered again, showing the new state.
    expect(templateUsable(template, 5000, unchanged)).toBe(false);
    expect(templateUsable(template, 4500, () => true)).toBe(false);

    const far = makeTemplate(lean, { until: Infinity, createdAt: 4000, headers: [], tokenSelection })!;
    expect(templateUsable(far, 4000 + TEMPLATE_TTL_MS - 1, unchanged)).toBe(true);
    expect(templateUsable(far, 4000 + TEMPLATE_TTL_MS, unchanged)).toBe(false);
    // A clock that went back before the render is not trusted either.
    expect(templateUsable(far, 3999, unchanged)).toBe(false);
  });

  it("fills a fresh token in place of the rendered one, and refuses a token it can't read", () => {
    const { html: lean } = takeTemplateMark(html);
    const template = makeTemplate(lean, { until: 5000, createdAt: 4000, headers: [], tokenSelection })!;
    const filled = fillTemplate(template, (selectionId) => `NEW-${selectionId}`);
    expect(filled).toBe(lean.replace('value="TOKEN"', `value="NEW-${SELECTION}"`));
    expect(makeTemplate(lean.replace("TOKEN", "OTHER"), { until: 5000, createdAt: 4000, headers: [], tokenSelection })).toBeNull();
    // A page without a form (not open yet, or closed) is kept as it is.
    const closed = makeTemplate("<p>投票已经结束</p>", { until: Infinity, createdAt: 4000, headers: [], tokenSelection })!;
    expect(fillTemplate(closed, () => "unused")).toBe("<p>投票已经结束</p>");
  });
});

describe("the front door's voting page", () => {
  let close: () => Promise<void>;
  let base = "";
  let renders = 0;
  let until = "never";
  let node: CacheNode;

  // Renders the voting page as Next does: proxy.ts's cookie for a reader without a valid one, the
  // mark on a plain view only, a fresh token per render.
  function fakeNext(request: http.IncomingMessage, response: http.ServerResponse): void {
    renders += 1;
    const url = new URL(request.url ?? "/", "http://x");
    const voter = readVoterCookie(/roundup_voter=([^;]+)/.exec(request.headers.cookie ?? "")?.[1]);
    if (voter === null || voter === "forged") {
      response.setHeader("Set-Cookie", `roundup_voter=${newVoterCookie()}; Path=/selections; HttpOnly; SameSite=Lax`);
    }
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
    response.end(page(url.search ? null : until, newFormToken(SELECTION), `第 ${renders} 次渲染`));
  }

  type Answer = RawAnswer;
  const get = (path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> => rawRequest(`${base}${path}`, headers, method);
  const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookieOf = (answer: Answer) => (answer.headers["set-cookie"] ?? []).find((line) => line.startsWith("roundup_voter="));

  beforeAll(async () => {
    registerVotingFastPath();
    ({ base, close } = await listenLocally(frontDoor(fakeNext)));
  });

  afterAll(() => close());

  beforeEach(() => {
    until = "never";
    node = new CacheNode();
    const cache = { node, bus: null, pages: new Map(), pageKey: () => undefined, hasPage: () => false };
    (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("roundup.cache")] = cache as unknown as ProcessCache;
  });

  it("answers the next views from the first one's render, each with its own token and, when needed, a cookie", async () => {
    const first = await get(`/selections/${SLUG}`);
    expect(first.status).toBe(200);
    expect(first.body.toString()).not.toContain(TEMPLATE_UNTIL_ATTRIBUTE);
    const rendered = renders;

    const voter = newVoterCookie();
    const second = await get(`/selections/${SLUG}`, { "accept-encoding": "br", cookie: `roundup_voter=${voter}` });
    const third = await get(`/selections/${SLUG}`, { "accept-encoding": "gzip", cookie: `roundup_voter=${voter.split(".")[0]}.forged` });
    const head = await get(`/selections/${SLUG}`, {}, "HEAD");
    expect(renders).toBe(rendered);

    const secondHtml = zlib.brotliDecompressSync(second.body).toString();
    const thirdHtml = zlib.gunzipSync(third.body).toString();
    expect(secondHtml).toContain(`第 ${rendered} 次渲染`);
    expect(secondHtml).not.toContain("__next_f");
    expect(second.headers["content-encoding"]).toBe("br");
    expect(second.headers["cache-control"]).toContain("no-store");
    expect(second.headers.etag).toBeUndefined();
    // Every view its own signed token for the selection: a new idempotency key per form.
    const tokens = [tokenOf(first.body.toString()), tokenOf(secondHtml), tokenOf(thirdHtml)];
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(readFormToken(token)?.selectionId).toBe(SELECTION);
    // A valid cookie is kept; a forged one is replaced with a signed one, as proxy.ts does.
    expect(cookieOf(second)).toBeUndefined();
    const replaced = cookieOf(third)!;
    expect(replaced).toMatch(/; Path=\/selections; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    const id = readVoterCookie(/^roundup_voter=([^;]+)/.exec(replaced)?.[1]);
    expect(id).not.toBe("forged");
    expect(id).not.toBeNull();
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
  });

  it("renders again once the window's next change has passed", async () => {
    until = String(Date.now() - 1);
    await get(`/selections/${SLUG}-2`);
    const rendered = renders;
    await get(`/selections/${SLUG}-2`);
    expect(renders).toBe(rendered + 1);
  });

  it("renders again after the selection's tag expired, and never keeps a view with a message", async () => {
    await get(`/selections/${SLUG}-3`);
    const renderedAt = Date.now();
    await get(`/selections/${SLUG}-3`);
    const rendered = renders;
    await expect.poll(() => Date.now()).toBeGreaterThan(renderedAt);
    node.markExpired([cacheTags.selection(`${SLUG}-3`)], Date.now());
    await get(`/selections/${SLUG}-3`);
    expect(renders).toBe(rendered + 1);

    await get(`/selections/${SLUG}-4?error=closed`);
    await get(`/selections/${SLUG}-4?error=closed`);
    await get(`/selections/${SLUG}-4`);
    expect(renders).toBe(rendered + 4);
  });
});
