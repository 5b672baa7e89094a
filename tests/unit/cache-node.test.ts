import { describe, expect, it } from "vitest";
import { BUS_DOWN_FRESH_MS, CacheNode, RETRY_AFTER_FAILURE_MS } from "@/lib/cache/cache-node.mjs";
import { cdnHeaders, parseKeyHeaders, surrogateKeys } from "@/lib/cache/cdn.mjs";

// The node alone: no database, times passed in.

describe("cache node freshness", () => {
  it("an entry is outdated only by an expiry or go-live between its making and now", () => {
    const node = new CacheNode();
    node.write("page", "html", ["home", "story:a"], undefined, {}, 10_000);
    // Entries count from a little before they were stored.
    expect(node.peek("page")?.lastModified).toBe(9_000);
    node.markExpired(["story:b"], 20_000);
    expect(node.read("page", [], 30_000)?.fresh).toBe(true);
    node.replaceSchedule([{ at: 40_000, tags: ["home"] }], 30_000);
    expect(node.read("page", [], 39_999)?.fresh).toBe(true);
    // A schedule reload after the go-live time keeps it as an expiry, so the old page stays expired.
    node.replaceSchedule([], 45_000);
    expect(node.read("page", [], 50_000)).toBeNull();
  });

  it("keeps every entry when the bus drops, serving old ones as stale until it is back", () => {
    const node = new CacheNode();
    node.connected(1_000);
    node.write("page", "html", ["home"], undefined, {}, 2_000);
    node.disconnected();
    // Nothing is cleared: the entry is still there, handed out as stale (Next re-renders behind it).
    expect(node.read("page", [], 2_000 + BUS_DOWN_FRESH_MS + 1)).toEqual({ entry: node.peek("page"), fresh: false });
    // An expired tag while the bus is down still serves the old page rather than nothing.
    node.markExpired(["home"], 9_000);
    expect(node.read("page", [], 10_000)?.fresh).toBe(false);
  });

  it("treats everything stored before a reconnect as unverified, and what is stored after as fresh", () => {
    const node = new CacheNode();
    node.connected(1_000);
    node.write("before", "old", [], undefined, {}, 2_000);
    node.disconnected();
    node.connected(5_000);
    expect(node.read("before", [], 6_000)?.fresh).toBe(false);
    node.write("before", "new", [], undefined, {}, 6_000);
    expect(node.read("before", [], 6_500)).toMatchObject({ fresh: true, entry: { value: "new" } });
  });

  it("storing the value it handed out again (Next keeping a page after a failed render) rests the entry while the bus is down, keeping its age", () => {
    const node = new CacheNode();
    node.connected(1_000);
    const value = { kind: "APP_PAGE", html: "page" };
    node.write("page", value, [], undefined, {}, 2_000);
    node.disconnected();
    const failed = 2_000 + BUS_DOWN_FRESH_MS + 1;
    expect(node.read("page", [], failed)?.fresh).toBe(false);
    node.write("page", value, [], undefined, {}, failed);
    expect(node.peek("page")?.storedAt).toBe(2_000);
    expect(node.read("page", [], failed + RETRY_AFTER_FAILURE_MS - 1)?.fresh).toBe(true);
    expect(node.read("page", [], failed + RETRY_AFTER_FAILURE_MS + 1)?.fresh).toBe(false);
    // Once the bus is back, the next reader gets it revalidated rather than waiting out the rest.
    node.write("page", value, [], undefined, {}, failed + RETRY_AFTER_FAILURE_MS + 1);
    node.connected(failed + RETRY_AFTER_FAILURE_MS + 2);
    expect(node.read("page", [], failed + RETRY_AFTER_FAILURE_MS + 3)?.fresh).toBe(false);
  });
});

describe("cache node bounds", () => {
  it("is bounded by bytes: large pages evict the least recently read", () => {
    const node = new CacheNode({ maxBytes: 1_000_000, minorBytes: 100_000 });
    const page = "页".repeat(100_000); // about 200 kB in memory
    for (let i = 0; i < 6; i++) node.write(`p${i}`, page, [], undefined, {}, 1_000);
    expect(node.bytes.main).toBeLessThanOrEqual(1_000_000);
    expect(node.peek("p0")).toBeNull();
    expect(node.peek("p5")).not.toBeNull();
  });

  it("keeps misses and search results in their own small store, so a crawler can't evict the pages", () => {
    const node = new CacheNode({ maxBytes: 1_000_000, minorBytes: 50_000 });
    node.write("home", "页".repeat(10_000), ["home"], undefined, {}, 1_000);
    for (let i = 0; i < 1_000; i++) node.write(`search-${i}`, `results ${i}`.repeat(20), ["search"], undefined, { minor: true }, 1_000);
    expect(node.bytes.minor).toBeLessThanOrEqual(50_000);
    expect(node.peek("search-0")).toBeNull();
    expect(node.peek("home")?.value).toBe("页".repeat(10_000));
  });
});

describe("surrogate keys", () => {
  it("are the content tags, header-safe, without Next's implicit path tags", () => {
    expect(surrogateKeys(["_N_T_/layout", "_N_T_/stories/a", "story:a", "tag:粮食", "home", "home"])).toEqual(["story:a", "tag:%E7%B2%AE%E9%A3%9F", "home"]);
  });

  it("go in each configured header, with a short shared lifetime unless a purge target keeps the cache right", () => {
    const tags = ["story:a", "home"];
    expect(cdnHeaders(tags, { purging: false, keyHeaders: parseKeyHeaders("xkey, Cache-Tag, bogus") })).toEqual({
      "cache-control": "public, s-maxage=60, stale-while-revalidate=30, stale-if-error=3600",
      xkey: "story:a home",
      "cache-tag": "story:a,home",
    });
    expect(cdnHeaders(tags, { purging: true, keyHeaders: ["surrogate-key"] })["cache-control"]).toMatch(/s-maxage=86400/);
    expect(cdnHeaders(tags, { purging: true, keyHeaders: ["xkey"], status: 404 })["cache-control"]).toBe("public, s-maxage=30");
  });
});
