import { describe, expect, it } from "vitest";
import { textStats } from "@/lib/editor/story-text";
import { characterDiff } from "@/lib/editor/text-diff";
import { allowedActions, nextStatus } from "@/lib/editor/workflow";
import { parseShanghaiLocal, storyInputSchema } from "@/lib/validation/story";

describe("word count", () => {
  it("counts each Chinese character, not space-separated runs", () => {
    const stats = textStats("全省粮食总产达837.3亿斤，增长6.3%。");
    // 全省粮食总产达 (7) + 亿斤 (2) + 增长 (2) = 11 characters; 837.3 and 6.3 are one word each
    expect(stats.cjk).toBe(11);
    expect(stats.latinWords).toBe(2);
    expect(stats.words).toBe(13);
  });

  it("ignores Markdown syntax and gives reading time at about 400 characters a minute", () => {
    const body = `## 小标题\n\n**${"字".repeat(800)}** [链接](https://example.com)`;
    const stats = textStats(body);
    expect(stats.cjk).toBe(805);
    expect(stats.readingMinutes).toBe(3);
    expect(textStats("").readingMinutes).toBe(0);
  });
});

describe("character diff", () => {
  it("marks the changed Chinese characters only", () => {
    const parts = characterDiff("粮食总产达837亿斤", "粮食总产达837.3亿斤");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text).join("")).toBe(".3");
    expect(parts.filter((p) => p.kind === "removed")).toHaveLength(0);
  });
});

describe("workflow rules", () => {
  it("lets a journalist only submit, and an editor publish, schedule and unpublish", () => {
    expect(allowedActions("DRAFT", false)).toEqual(["submit"]);
    expect(nextStatus("IN_REVIEW", "publish", false)).toBeNull();
    expect(nextStatus("IN_REVIEW", "publish", true)).toBe("PUBLISHED");
    expect(nextStatus("DRAFT", "unpublish", true)).toBeNull();
    expect(nextStatus("PUBLISHED", "unpublish", true)).toBe("UNPUBLISHED");
    expect(nextStatus("PUBLISHED", "submit", true)).toBeNull();
  });
});

describe("story input", () => {
  it("splits tags on Chinese and Latin separators and rejects a bad slug", () => {
    const parsed = storyInputSchema.safeParse({ id: "s", baseVersion: "3", title: "标题", tags: "经济，农业、经济, 科技", slug: "Bad Slug" });
    expect(parsed.success).toBe(false);
    const ok = storyInputSchema.parse({ id: "s", baseVersion: "3", title: "标题", tags: "经济，农业、经济, 科技" });
    expect(ok.tags).toEqual(["经济", "农业", "科技"]);
    expect(ok.baseVersion).toBe(3);
  });

  it("stores the body with LF line breaks whatever the browser sent", () => {
    const ok = storyInputSchema.parse({ id: "s", baseVersion: "1", title: "标题", body: "## 小标题\r\n\r\n- 一\r\n- 二\r第三行" });
    expect(ok.body).toBe("## 小标题\n\n- 一\n- 二\n第三行");
  });

  it("reads a datetime-local value as Beijing time", () => {
    expect(parseShanghaiLocal("2024-05-01T08:30")?.toISOString()).toBe("2024-05-01T00:30:00.000Z");
    expect(parseShanghaiLocal("明天")).toBeNull();
  });
});
