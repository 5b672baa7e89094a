import { describe, expect, it } from "vitest";
import { itemBody, paragraphToMarkdown } from "@/lib/import/to-markdown";
import { renderMarkdown } from "@/lib/markdown";

describe("imported paragraphs become Markdown that reads as the original text", () => {
  it("keeps a paragraph that looks like Markdown syntax as plain text", () => {
    for (const paragraph of ["1. 并非列表", "2023) 年份在前", "+冰雪文章", "# 不是标题", "> 不是引用", "- 不是列表", "带*星号*和_下划线_的文字", "<b>不是标签</b>"]) {
      expect(renderMarkdown(paragraphToMarkdown(paragraph))).toBe(`<p>${paragraph.replace(/</g, "&#x3C;").replace(/>/g, ">")}</p>`);
    }
  });

  it("separates an item's paragraphs with blank lines", () => {
    const body = itemBody({ rank: 1, title: "标题", paragraphs: ["第一段。", "第二段。"], caption: null, credit: null, votes: null });
    expect(renderMarkdown(body)).toBe("<p>第一段。</p>\n<p>第二段。</p>");
  });
});
