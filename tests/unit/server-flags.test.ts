import { describe, expect, it } from "vitest";
import { StartupError } from "@/scripts/lib/log";
import { DEFAULT_SERVER_HEAP_MB, serverEnv, serverNodeOptions } from "@/scripts/lib/standalone";

describe("the production server's memory settings", () => {
  it("bound the V8 heap by default, and as SERVER_HEAP_MB says", () => {
    expect(serverNodeOptions({})).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`]);
    expect(serverNodeOptions({ SERVER_HEAP_MB: "512", CACHE_MAX_MB: "256" })).toEqual(["--max-old-space-size=512"]);
  });

  it("leave Node's default when SERVER_HEAP_MB is 0", () => {
    expect(serverNodeOptions({ SERVER_HEAP_MB: "0", CACHE_MAX_MB: "1024" })).toEqual([]);
  });

  it("refuse a heap too small to run in, or too small for the page cache, with a clear message", () => {
    expect(() => serverNodeOptions({ SERVER_HEAP_MB: "64" })).toThrow(StartupError);
    expect(() => serverNodeOptions({ SERVER_HEAP_MB: "lots" })).toThrow(/SERVER_HEAP_MB 必须是 0/);
    expect(() => serverNodeOptions({ SERVER_HEAP_MB: "192", CACHE_MAX_MB: "128" })).toThrow(/CACHE_MAX_MB（128）放不进 SERVER_HEAP_MB（192）/);
  });

  it("use two malloc arenas unless told otherwise", () => {
    expect(serverEnv({ PORT: "3000" })).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: "2" });
    expect(serverEnv({ MALLOC_ARENA_MAX: "4" }).MALLOC_ARENA_MAX).toBe("4");
  });
});
