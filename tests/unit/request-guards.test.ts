import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, malformedAddress, refuseHostileRequest } from "@/lib/request-guards.mjs";

const url = (text: string) => new URL(text, "http://roundup.test");

describe("addresses and bodies refused before Next.js parses them", () => {
  it.each(["/stories/%", "/roundups/%FF", "/media/%E4%B8", "/tags/a%00b", "/sections/%0A", "/search?q=a%00b", "/admin?q=%7F"])("refuses %s", (address) => {
    expect(malformedAddress(url(address))).not.toBeNull();
  });

  it.each(["/stories/bing-xue", "/tags/%E7%B2%AE%E9%A3%9F", "/search?q=%25", "/search?q=100%", "/media/2026/11/a.jpg", "/", "/login?callbackUrl=%2F%09%2Fevil.example", "/search?q=a%0Ab"])("lets %s through", (address) => {
    expect(malformedAddress(url(address))).toBeNull();
  });

  it("answers an oversize Server Action body with a 413, and leaves other posts alone", () => {
    const post = (headers: Record<string, string>) => refuseHostileRequest({ method: "POST", header: (name) => new Headers(headers).get(name), url: url("/editor/stories/x") });
    expect(post({ "next-action": "abc", "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) })?.status).toBe(413);
    expect(post({ "next-action": "abc", "content-length": String(ACTION_BODY_LIMIT_BYTES) })).toBeNull();
    expect(post({ "content-length": String(ACTION_BODY_LIMIT_BYTES * 5) })).toBeNull();
  });

  it("uses the same limit as next.config.js", () => {
    const config = fs.readFileSync(path.resolve(__dirname, "../../next.config.js"), "utf8");
    const limit = /bodySizeLimit:\s*"(\d+)mb"/.exec(config)?.[1];
    expect(Number(limit) * 1024 * 1024).toBe(ACTION_BODY_LIMIT_BYTES);
  });
});
