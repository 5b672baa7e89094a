import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { createStoryViaUi, signIn, uniqueTitle } from "./editor-helpers";
import { deleteStories, withDb } from "./site-fixtures";

// The visual body editor: what a writer does with it, and the Markdown and public HTML it leads to.
// Each test creates its own stories and images and removes their rows afterwards.

const storyIds: string[] = [];
const mediaAlts: string[] = [];

test.afterAll(async () => {
  await withDb(async (client) => {
    await deleteStories(client, storyIds);
    await client.query(`delete from "Media" where alt = any($1)`, [mediaAlts]);
  });
});

async function png(color: string): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: color } }).png().toBuffer();
}

async function newStory(page: Page, prefix: string): Promise<{ title: string; url: string }> {
  const title = uniqueTitle(prefix);
  const url = await createStoryViaUi(page, title);
  storyIds.push(url.split("/").pop() ?? "");
  return { title, url };
}

/** An image in the library, uploaded through the picker's route as the dialog does it. */
async function uploadThroughRoute(page: Page, alt: string): Promise<void> {
  mediaAlts.push(alt);
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/editor/media/library", {
    headers: { Origin: origin },
    multipart: { file: { name: "lead.png", mimeType: "image/png", buffer: await png("#aa3344") }, alt, caption: "题图说明", credit: "本报记者 测试 摄" },
  });
  expect(response.status()).toBe(201);
}

function bodyEditor(page: Page) {
  return page.getByRole("textbox", { name: "正文", exact: true });
}

async function sourceOf(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Markdown 源码" }).click();
  const value = await page.getByLabel("正文（Markdown）").inputValue();
  await page.getByRole("button", { name: "Markdown 源码" }).click();
  return value;
}

test.describe("editor: visual body editing", () => {
  test("a story written with the toolbar, a dropped image and a lead photo picked by thumbnail is published as that HTML", async ({ browser }) => {
    const page = await signIn(browser, "editor");
    const leadAlt = uniqueTitle("题图松花江");
    await page.goto("/editor");
    await uploadThroughRoute(page, leadAlt);
    const { url } = await newStory(page, "可视编辑报道");
    await page.goto(url);

    const body = bodyEditor(page);
    await body.click();
    await page.getByRole("button", { name: "小标题" }).click();
    await page.keyboard.type("雪季开板");
    await page.keyboard.press("Enter");
    await page.keyboard.type("详见");
    await page.getByRole("button", { name: "链接" }).click();
    const linkDialog = page.getByRole("dialog", { name: "插入链接" });
    await linkDialog.getByLabel("链接地址").fill("javascript:alert(1)");
    await linkDialog.getByLabel("链接文字").fill("省政府网站");
    await linkDialog.getByRole("button", { name: "确定" }).click();
    await expect(linkDialog.getByText(/请输入以 https:\/\/ 或 http:\/\/ 开头的网址/)).toBeVisible();
    await linkDialog.getByLabel("链接地址").fill("https://www.jl.gov.cn/snow");
    await linkDialog.getByRole("button", { name: "确定" }).click();
    await expect(linkDialog).toBeHidden();
    await page.keyboard.type("。");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "项目列表" }).click();
    await page.keyboard.type("长白山");
    await page.keyboard.press("Enter");
    await page.keyboard.type("查干湖");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "引用" }).click();
    await page.keyboard.type("要干就干好。");

    // Drop an image file onto the body, as a writer drags it in from the desktop.
    const dropAlt = uniqueTitle("雪场全景");
    mediaAlts.push(dropAlt);
    const bytes = [...(await png("#3366aa"))];
    await body.evaluate((element, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "snow.png", { type: "image/png" }));
      const box = element.getBoundingClientRect();
      element.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: box.left + 10, clientY: box.bottom - 5 }));
    }, bytes);
    const picker = page.getByRole("dialog", { name: "插入图片" });
    await expect(picker.getByRole("img", { name: "待上传的图片预览" })).toBeVisible();
    await picker.getByRole("button", { name: "上传并插入图片" }).click();
    await expect(picker.getByRole("alert")).toContainText("请填写替代文字");
    await picker.getByLabel("替代文字（必填）").fill(dropAlt);
    await picker.getByLabel("图片说明").fill("雪场全景说明");
    await picker.getByLabel("署名（如：本报记者 王明 摄）").fill("本报记者 李雪 摄");
    await picker.getByRole("button", { name: "上传并插入图片" }).click();
    await expect(picker).toBeHidden();
    await expect(body.getByRole("img", { name: dropAlt })).toBeVisible();
    // Its caption is corrected in place.
    await body.getByRole("img", { name: dropAlt }).click();
    await page.getByRole("button", { name: "编辑图片文字" }).click();
    const imageText = page.getByRole("dialog", { name: "图片文字" });
    await expect(imageText.getByLabel("图片说明和署名")).toHaveValue("雪场全景说明 本报记者 李雪 摄");
    await imageText.getByLabel("图片说明和署名").fill("长白山雪场全景 本报记者 李雪 摄");
    await imageText.getByRole("button", { name: "确定" }).click();
    await expect(imageText).toBeHidden();

    // The lead photo, chosen by its thumbnail.
    await page.getByRole("button", { name: "选择题图" }).click();
    const leadPicker = page.getByRole("dialog", { name: "选择题图" });
    await leadPicker.getByLabel("搜索媒体库（替代文字、说明或署名）").fill(leadAlt);
    await leadPicker.getByRole("button", { name: leadAlt }).click();
    await leadPicker.getByRole("button", { name: "设为题图" }).click();
    await expect(leadPicker).toBeHidden();
    await expect(page.getByRole("group", { name: "题图" })).toContainText(leadAlt);

    const markdown = await sourceOf(page);
    expect(markdown).toContain("## 雪季开板\n\n详见[省政府网站](https://www.jl.gov.cn/snow)。\n\n- 长白山\n- 查干湖\n\n> 要干就干好。");
    expect(markdown).toMatch(new RegExp(`!\\[${dropAlt}\\]\\(/media/[^ )]+ "长白山雪场全景 本报记者 李雪 摄"\\)`));

    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("已保存为第 2 版。")).toBeVisible();
    await page.getByRole("button", { name: "立即发布" }).click();
    await expect(page.getByText("状态：已发布")).toBeVisible();
    const slug = await page.getByLabel("网址别名").inputValue();

    const html = await (await page.request.get(`/stories/${slug}`)).text();
    expect(html).toContain("<h2>雪季开板</h2>");
    expect(html).toContain('<a href="https://www.jl.gov.cn/snow">省政府网站</a>');
    expect(html).toMatch(/<ul>\s*<li>长白山<\/li>\s*<li>查干湖<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<blockquote>\s*<p>要干就干好。<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(new RegExp(`<figure><img src="/media/[^"]+\\.webp" alt="${dropAlt}"><figcaption>长白山雪场全景 本报记者 李雪 摄</figcaption></figure>`));
    expect(html).toMatch(new RegExp(`<img[^>]+alt="${leadAlt}"`));
  });

  test("a Word fragment pasted into the body is stored as clean Markdown", async ({ browser }) => {
    const page = await signIn(browser, "journalist");
    const { url } = await newStory(page, "粘贴测试");
    await page.goto(url);
    const body = bodyEditor(page);
    await body.click();
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:宋体}</style></head><body>
<h1 style="mso-style-name:'Heading 1'"><span style="font-family:SimHei">冰雪经济</span></h1>
<p class=MsoNormal><span style="font-size:12pt;mso-ascii-font-family:Calibri">吉林<b>冰雪旅游</b>持续<i>升温</i>。<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>长白山</p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>查干湖</p>
<p class=MsoNormal><a href="https://www.jl.gov.cn/"><span style="color:blue">省政府</span></a></p></body></html>`;
    await body.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "冰雪经济");
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, word);
    await expect(body.locator("h2")).toHaveText("冰雪经济");
    const expected = "## 冰雪经济\n\n吉林**冰雪旅游**持续*升温*。\n\n- 长白山\n- 查干湖\n\n[省政府](https://www.jl.gov.cn/)";
    expect(await sourceOf(page)).toBe(expected);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("已保存为第 2 版。")).toBeVisible();
    const stored = await withDb((client) => client.query<{ body: string }>(`select body from "Story" where id = $1`, [storyIds.at(-1)]));
    expect(stored.rows[0]?.body).toBe(expected);
  });

  test("a link and an image go in by keyboard alone", async ({ browser }) => {
    const page = await signIn(browser, "journalist");
    const alt = uniqueTitle("键盘插图");
    await page.goto("/editor");
    await uploadThroughRoute(page, alt);
    const { url } = await newStory(page, "键盘测试");
    await page.goto(url);
    const body = bodyEditor(page);
    await body.focus();
    await page.keyboard.type("请看");
    await page.keyboard.press("ControlOrMeta+k");
    const linkDialog = page.getByRole("dialog", { name: "插入链接" });
    await expect(linkDialog.getByLabel("链接地址")).toBeFocused();
    await page.keyboard.type("www.jl.gov.cn");
    await page.keyboard.press("Tab");
    await page.keyboard.type("政府网站");
    await page.keyboard.press("Enter");
    await expect(linkDialog).toBeHidden();
    await expect(body).toBeFocused();
    await page.keyboard.press("Enter");

    // Back from the text to the toolbar's 插入图片 button.
    for (let step = 0; step < 20; step += 1) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))) === "插入图片") break;
      await page.keyboard.press("Shift+Tab");
    }
    await page.keyboard.press("Enter");
    const picker = page.getByRole("dialog", { name: "插入图片" });
    const search = picker.getByLabel("搜索媒体库（替代文字、说明或署名）");
    await expect(search).toBeFocused();
    await page.keyboard.type(alt);
    await expect(picker.getByRole("button", { name: alt })).toBeVisible();
    await expect(picker.getByRole("listitem")).toHaveCount(1);
    await page.keyboard.press("Tab");
    await expect(picker.getByRole("button", { name: alt })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(picker.getByLabel("替代文字（必填）")).toBeFocused();
    await expect(picker.getByLabel("替代文字（必填）")).toHaveValue(alt);
    await page.keyboard.press("Enter");
    await expect(picker).toBeHidden();

    await expect(body.getByRole("img", { name: alt })).toBeVisible();
    const markdown = await sourceOf(page);
    expect(markdown).toMatch(new RegExp(`^请看\\[政府网站\\]\\(https://www\\.jl\\.gov\\.cn\\)\\n\\n!\\[${alt}\\]\\(/media/[^ )]+ "题图说明 本报记者 测试 摄"\\)$`));
  });

  test("the editor page has no serious accessibility problems, and its toolbar fits a phone", async ({ browser }) => {
    const page = await signIn(browser, "journalist");
    const { url } = await newStory(page, "无障碍测试");
    await page.goto(url);
    await expect(bodyEditor(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.getByRole("toolbar", { name: "正文格式" })).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.getByRole("button", { name: "插入图片" }).click();
    const dialog = page.getByRole("dialog", { name: "插入图片" });
    await expect(dialog).toBeVisible();
    const dialogResults = await new AxeBuilder({ page }).include(".picker-dialog").analyze();
    expect(dialogResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });
});
