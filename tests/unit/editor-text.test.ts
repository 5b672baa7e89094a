import { describe, expect, it } from "vitest";
import { applyFormat } from "@/lib/editor/markdown-edit";
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

describe("toolbar formatting", () => {
  it("wraps the selection in bold and keeps it selected", () => {
    const edit = applyFormat("吉林冰雪旅游", 2, 4, "bold");
    expect(edit.text).toBe("吉林**冰雪**旅游");
    expect(edit.text.slice(edit.start, edit.end)).toBe("冰雪");
  });

  it("prefixes every selected line for a list and a quote", () => {
    expect(applyFormat("第一\n第二", 0, 5, "list").text).toBe("- 第一\n- 第二");
    expect(applyFormat("前文\n引用这句", 3, 7, "quote").text).toBe("前文\n> 引用这句");
  });

  it("inserts a link and an image with a placeholder when nothing is selected", () => {
    expect(applyFormat("看", 1, 1, "link", "https://a.cn").text).toBe("看[链接文字](https://a.cn)");
    expect(applyFormat("", 0, 0, "image", "/media/x.jpg").text).toBe("![图片说明](/media/x.jpg)");
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

  it("reads a datetime-local value as Beijing time", () => {
    expect(parseShanghaiLocal("2024-05-01T08:30")?.toISOString()).toBe("2024-05-01T00:30:00.000Z");
    expect(parseShanghaiLocal("明天")).toBeNull();
  });
});
