import { describe, expect, it } from "vitest";
import { goLiveTagsForRoundup, goLiveTagsForStory } from "@/lib/cache/go-live.mjs";
import { tagsForRoundup, tagsForStory } from "@/lib/cache/tags";
import { buildSnippet, markMatches } from "@/lib/search-snippet";
import { isTitleOnlySearch, searchQuerySchema, searchTerms } from "@/lib/validation/search";

describe("search query", () => {
  it("rejects an empty query, a 200-character one and one with nothing searchable, in Chinese", () => {
    const message = (q: string) => {
      const parsed = searchQuerySchema.safeParse({ q, page: "1" });
      return parsed.success ? null : parsed.error.issues[0]?.message;
    };
    expect(message("   ")).toBe("请输入要搜索的词，例如“粮食”。");
    expect(message("粮".repeat(200))).toBe("搜索词太长：最多 100 个字，请缩短后再试。");
    expect(message("，。！")).toBe("搜索词需要包含汉字、字母或数字。");
    expect(message("冰")).toBeNull();
    expect(message("粮食")).toBeNull();
    expect(message("5G")).toBeNull();
  });

  it("looks single Chinese characters up in titles only", () => {
    expect(isTitleOnlySearch(["冰"])).toBe(true);
    expect(isTitleOnlySearch(["冰", "经济"])).toBe(true);
    expect(isTitleOnlySearch(["冰雪", "a"])).toBe(false);
  });

  it("turns NUL, control characters and broken surrogates into spaces", () => {
    expect(searchQuerySchema.parse({ q: "粮\u0000食\u0007 \ud800GDP", page: "1" }).q).toBe("粮 食 GDP");
  });

  it("normalises full-width characters and spaces, and falls back to page 1 for a bad page", () => {
    const parsed = searchQuerySchema.parse({ q: "  ＧＤＰ　增长 ", page: "abc" });
    expect(parsed).toEqual({ q: "GDP 增长", page: 1 });
    expect(searchTerms(parsed.q)).toEqual(["GDP", "增长"]);
  });
});

describe("search snippet", () => {
  it("cuts around the first match and marks every occurrence", () => {
    const text = `${"前文".repeat(30)}全年粮食总产量达到837.3亿斤，粮食单产第一。${"后文".repeat(60)}`;
    const parts = buildSnippet(text, ["粮食"]);
    expect(parts[0]?.text.startsWith("…")).toBe(true);
    expect(parts.at(-1)?.text.endsWith("…")).toBe(true);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["粮食", "粮食"]);
  });

  it("matches Latin letters whatever their case, and regex characters literally", () => {
    expect(markMatches("GDP 与 gdp", ["gdp"]).filter((p) => p.hit).map((p) => p.text)).toEqual(["GDP", "gdp"]);
    expect(markMatches("增长5%以上", ["5%"]).filter((p) => p.hit)).toEqual([{ text: "5%", hit: true }]);
    expect(markMatches("a.b axb", ["a.b"]).filter((p) => p.hit).map((p) => p.text)).toEqual(["a.b"]);
  });
});

describe("cache tags", () => {
  it("a scheduled story's go-live expires the same tags an editor's change would", () => {
    const story = { slug: "s", section: "nongye", tags: ["liang-shi"], roundups: ["r"] };
    const fromEditor = tagsForStory({ slug: "s", sectionSlugs: ["nongye"], tagSlugs: ["liang-shi"], roundupSlugs: ["r"] });
    expect(new Set(goLiveTagsForStory(story))).toEqual(new Set(fromEditor));
    expect(new Set(goLiveTagsForRoundup({ slug: "r", stories: ["a", "b"] }))).toEqual(new Set(tagsForRoundup("r", ["a", "b"])));
  });
});
