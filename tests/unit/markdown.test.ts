import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "@/lib/markdown";

describe("renderMarkdown", () => {
  it("renders paragraphs, emphasis, lists and links", () => {
    const html = renderMarkdown("粮食总产达**837.3亿斤**。\n\n- 第一\n- 第二\n\n[吉林日报](https://example.com/a)");
    expect(html).toContain("<strong>837.3亿斤</strong>");
    expect(html).toContain("<li>第一</li>");
    expect(html).toContain('<a href="https://example.com/a">吉林日报</a>');
  });

  it("drops raw HTML, scripts, event handlers and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[点我](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(html).toContain("点我");
  });

  it("shows an image's title as the caption of a figure, as text", () => {
    const html = renderMarkdown('![一汽生产线](/media/2026/01/a.jpg "红旗工厂 <b>本报记者</b> 摄")\n\n![无说明](/media/b.jpg)');
    expect(html).toContain('<figure><img src="/media/2026/01/a.jpg" alt="一汽生产线"><figcaption>红旗工厂 &#x3C;b>本报记者&#x3C;/b> 摄</figcaption></figure>');
    expect(html).toContain('<p><img src="/media/b.jpg" alt="无说明"></p>');
  });
});

describe("markdownToPlainText", () => {
  it("keeps the words and drops the markup", () => {
    expect(markdownToPlainText("## 标题\n\n**冰雪**经济，见[报道](https://example.com)。")).toBe("标题 冰雪经济，见报道。");
  });
});
