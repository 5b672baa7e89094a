// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { pastedHtmlToMarkdown } from "@/lib/editor/paste-html";
import { renderMarkdown } from "@/lib/markdown";

// What Word writes to the clipboard, shortened: Office namespaces, mso styles, fonts, typed bullets
// in fake list paragraphs, empty &nbsp; paragraphs and a table without a header row.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{font-family:"Calibri"}</style></head>
<body lang=ZH-CN><!--StartFragment-->
<h1 style='mso-style-name:"Heading 1"'><span style='font-family:SimHei'>冰雪经济新篇章</span></h1>
<p class=MsoNormal style='text-indent:2em'><span style='font-size:12pt;font-family:宋体;mso-ascii-font-family:Calibri'>吉林<b>冰雪旅游</b>持续升温，<i>游客</i>人数再创新高。<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><!--[endif]--><span>长白山</span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><!--[endif]--><span>查干湖</span></p>
<p class=MsoNormal><a href="https://www.jl.gov.cn/">省政府网站</a>和<a href="#_Toc1">目录</a></p>
<p class=MsoQuote><span style='color:red'>引用文字</span></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>指标</p></td><td><p>增长</p></td></tr>
<tr><td><p>GDP</p></td><td><p>6.3%</p></td></tr></table>
<p><img src="file:///C:/Users/a/image001.png"></p>
<!--EndFragment--></body></html>`;

describe("pasting from a word processor or a web page", () => {
  it("cleans Word HTML to the house Markdown subset", () => {
    expect(pastedHtmlToMarkdown(WORD)).toBe(
      [
        "## 冰雪经济新篇章",
        "吉林**冰雪旅游**持续升温，*游客*人数再创新高。",
        "- 长白山\n- 查干湖",
        "[省政府网站](https://www.jl.gov.cn/)和目录",
        "> 引用文字",
        "| 指标 | 增长 |\n| - | - |\n| GDP | 6.3% |",
      ].join("\n\n"),
    );
  });

  it("turns numbered Word list paragraphs into an ordered list", () => {
    const html = `<p style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>第一</p>
<p style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>第二</p>`;
    expect(pastedHtmlToMarkdown(html)).toBe("1. 第一\n2. 第二");
  });

  it("reads bold and italic from Google Docs styles and ignores its normal-weight wrapper", () => {
    const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700;">重点</span><span style="font-style:italic;">强调</span><span>正文</span></p></b>`;
    // Bold right before italic between Chinese characters is written with escapes CommonMark needs.
    expect(renderMarkdown(pastedHtmlToMarkdown(html))).toBe("<p><strong>重点</strong><em>强调</em>正文</p>");
  });

  it("keeps quotes, lists and links from a web page and drops scripts, styles and unsafe links", () => {
    const html = `<article class="post"><h2 style="color:blue">小标题</h2><blockquote><p>他说：“要干就干好。”</p></blockquote>
<ul><li><a href="https://example.com/a" onclick="x()">链接</a></li><li><a href="javascript:alert(1)">坏链接</a></li></ul>
<script>alert(1)</script><p style="font-family:Arial"><strong>粗体</strong> <em>斜体</em></p></article>`;
    expect(pastedHtmlToMarkdown(html)).toBe("### 小标题\n\n> 他说：“要干就干好。”\n\n- [链接](https://example.com/a)\n- 坏链接\n\n**粗体** *斜体*");
  });
});
