import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { DEMO_STORIES } from "@/prisma/demo-content";
import { ImportError } from "@/lib/import/errors";
import { parseRoundupDocument } from "@/lib/import/parse";
import { itemBody } from "@/lib/import/to-markdown";
import { readFixture } from "./import/helpers";
import { docToMarkdown, markdownToDoc } from "@/lib/editor/markdown-doc";
import { richExtensions } from "@/lib/editor/rich-schema";
import { renderMarkdown } from "@/lib/markdown";

// Markdown → editor document (checked against the editor's real schema) → Markdown.
const schema = getSchema(richExtensions());

function roundTrip(markdown: string): string {
  const node = schema.nodeFromJSON(markdownToDoc(markdown));
  node.check();
  return docToMarkdown(node.toJSON());
}

// Each construct the renderer supports, written in the house style: it must come back byte for byte.
const CONSTRUCTS: Record<string, string> = {
  paragraphs: "第一段文字。\n\n第二段文字，含“引号”和 GDP 837.3 亿元。",
  headings: "# 一级\n\n## 二级小标题\n\n### 三级\n\n#### 四级\n\n##### 五级\n\n###### 六级",
  "bold and italic": "这是**加粗**和*斜体*的文字。",
  strikethrough: "价格~~降低~~上涨了。",
  "inline code": "运行 `npm start` 即可。",
  links: "详见[吉林日报](https://www.jlrb.cn/news?id=1)和[带标题](https://example.com \"说明\")。",
  "bold link": "请看[**重要通知**](https://example.com/a)。",
  "bullet list": "- 第一项\n- 第二项\n- 第三项",
  "ordered list": "1. 第一\n2. 第二\n3. 第三",
  "ordered list from 3": "3. 第三\n4. 第四",
  "loose list": "- 第一项\n\n- 第二项",
  "nested list": "- 外层\n  - 内层一\n  - 内层二\n- 外层二",
  "block quote": "> 引文第一段。\n>\n> 引文第二段。",
  "quote with list": "> - 引文里的列表\n> - 第二项",
  "image with caption": '![长春一汽生产线](/media/2026/01/abc.jpg "一汽红旗工厂生产线 本报记者 王明 摄")',
  "image without caption": "![替代文字](/media/2026/01/abc-480.webp)",
  "horizontal rule": "上文\n\n---\n\n下文",
  "hard break": "第一行\\\n第二行",
  "code block": "```js\nconst a = 1;\n```",
  table: "| 指标 | 增长 |\n| - | -: |\n| GDP | 6.3% |\n| 工业 | 6.8% |",
  "raw html kept": "<div>原样保留</div>\n\n正文",
  "task list kept": "- [ ] 待办\n- [x] 已办",
  "escaped markers": "\\# 不是标题\n\n1\\. 不是列表",
};

describe("visual editor Markdown round trip", () => {
  for (const [name, markdown] of Object.entries(CONSTRUCTS)) {
    it(`keeps ${name} unchanged`, () => {
      expect(roundTrip(markdown)).toBe(markdown);
    });
  }

  it("keeps every demo story body unchanged", () => {
    for (const story of DEMO_STORIES) expect(roundTrip(story.body), story.slug).toBe(story.body);
  });

  // Bold italic between Chinese characters is written with character references around it, which
  // CommonMark needs to see the emphasis there (it renders as before).
  // Bodies as the importer writes them (every import fixture that parses): the importer escapes
  // every Markdown character, so the editor may drop escapes that change nothing, never the output.
  it("keeps what readers see of every imported story body, and is stable from then on", () => {
    const bodies: string[] = [];
    for (const name of readdirSync("tests/fixtures/import").filter((file) => file.endsWith(".txt"))) {
      try {
        for (const roundup of parseRoundupDocument(readFixture(name)).roundups) bodies.push(...roundup.items.map(itemBody));
      } catch (error) {
        // Fixtures of documents the importer refuses have no bodies.
        if (!(error instanceof ImportError)) throw error;
      }
    }
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      const once = roundTrip(body);
      expect(renderMarkdown(once), body).toBe(renderMarkdown(body));
      expect(roundTrip(once)).toBe(once);
    }
  });

  it("writes other spellings in the house style without changing what readers see", () => {
    const other = "还有***又粗又斜***的字\n\nTitle\n=====\n\n* one\n* two\n\n__bold__ _it_\n\n***\n\nline  \nnext\n\n[ref link][r]\n\n[r]: https://example.com";
    const once = roundTrip(other);
    expect(once).toBe("还&#x6709;***又粗又斜***&#x7684;字\n\n# Title\n\n- one\n- two\n\n**bold** *it*\n\n---\n\nline\\\nnext\n\n[ref link](https://example.com)");
    expect(renderMarkdown(once)).toBe(renderMarkdown(other));
    expect(roundTrip(once)).toBe(once);
  });

  it("splits an image out of a paragraph of text, keeping the order", () => {
    expect(roundTrip("前文![图](/media/a.jpg)后文")).toBe("前文\n\n![图](/media/a.jpg)\n\n后文");
  });

  it("gives an empty body an empty document and back", () => {
    expect(markdownToDoc("")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(roundTrip("")).toBe("");
  });
});
