import { describe, expect, it } from "vitest";
import { isSameSitePost, type PostOrigin } from "@/lib/action-origin";

// Issue 9 item 10, as a table: which posts may reach a Server Action. The e2e spec
// e2e/security-auth.spec.ts sends the same kinds of posts to the running server.

const SITE = "https://news.example.com";
const base: PostOrigin = { origin: null, host: "news.example.com", forwardedHost: null, siteUrl: SITE, trustProxy: false };

const TABLE: [string, Partial<PostOrigin>, boolean][] = [
  ["same origin as SITE_URL", { origin: SITE }, true],
  ["the Host the request was sent to (another name for the same server)", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, true],
  ["no Origin at all", { origin: null }, false],
  ["Origin: null (sandboxed frame, data: URL)", { origin: "null" }, false],
  ["another site", { origin: "https://evil.example" }, false],
  ["another site that also forges X-Forwarded-Host", { origin: "https://evil.example", forwardedHost: "evil.example" }, false],
  ["another port of this host", { origin: "https://news.example.com:8443" }, false],
  ["plain http of this https site, Host not matching", { origin: "http://news.example.com", host: "10.0.0.5:3000" }, false],
  ["a look-alike suffix", { origin: "https://news.example.com.evil.example" }, false],
  ["a non-web scheme", { origin: "chrome-extension://abcdef" }, false],
  ["garbage", { origin: "::::" }, false],
  ["behind a trusted proxy: its X-Forwarded-Host", { origin: "https://cms.example.com", host: "10.0.0.5:3000", forwardedHost: "cms.example.com", trustProxy: true }, true],
  ["behind a trusted proxy: a forged one still has to match the Origin", { origin: "https://evil.example", host: "10.0.0.5:3000", forwardedHost: "cms.example.com", trustProxy: true }, false],
];

describe("Server Action posts: same site only", () => {
  it.each(TABLE)("%s", (_name, overrides, allowed) => {
    expect(isSameSitePost({ ...base, ...overrides })).toBe(allowed);
  });
});
