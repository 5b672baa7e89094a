import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// Each document carries a tag no other run uses, so the duplicate check starts clean and every
// assertion finds this run's rows only.
function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
}

/** The run's tag inside a title made by uniqueDocument. */
function tag(title: string): string {
  return title.replace(/^2024年(\w+)市十大新闻$/, "$1");
}

function uniqueDocument(): { title: string; text: string } {
  const tag = uniqueTag();
  const title = `2024年${tag}市十大新闻`;
  const text = [
    `# ${title}`,
    "",
    "经市民投票和专家评审，本报选出本年度十件大事。",
    "",
    ...Array.from({ length: 10 }, (_, i) => [`${i + 1}、第${i + 1}件大事 ${tag}`, "", `这是第${i + 1}件大事的正文，记录了当年的经过。`, ""]).flat(),
    "市晚报社评出",
  ].join("\n");
  return { title, text };
}

async function preview(page: Page, text: string): Promise<void> {
  await page.getByLabel("粘贴文档内容").fill(text);
  await page.getByRole("button", { name: "解析预览" }).click();
  await expect(page.getByRole("heading", { name: /^核对与修改/ })).toBeVisible();
}

function item(page: Page, list: number, rank: number): Locator {
  return page.getByRole("article", { name: `榜单${list}第${rank}条`, exact: true });
}

/** Puts the text cursor at `offset` in a field, as a click in the text would; the buttons read it from there. */
async function placeCursor(field: Locator, offset: number): Promise<void> {
  await field.evaluate((element, at) => {
    const input = element as HTMLInputElement | HTMLTextAreaElement;
    input.focus();
    input.setSelectionRange(at, at);
  }, offset);
}

/** Creates the drafts and opens the first roundup's composer page. */
async function createAndOpen(page: Page, title: string): Promise<Locator> {
  await page.getByRole("button", { name: /^创建草稿/ }).click();
  await expect(page.getByRole("heading", { name: "已创建草稿" })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编排榜单" })).toBeVisible();
  return page.getByRole("list", { name: "榜单条目（按排名）" });
}

test.describe("document import", () => {
  test("an editor pastes a document, checks the outline, creates the drafts, and a repeat is skipped", async ({ page }) => {
    const { title, text } = uniqueDocument();
    await signIn(page, "editor@roundup.local");
    await page.getByRole("link", { name: "导入榜单" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "导入榜单" })).toBeVisible();

    await preview(page, text);
    await expect(page.getByRole("heading", { name: "预览：1 个榜单，共 10 条" })).toBeVisible();
    const list = page.getByRole("region", { name: `榜单1：${title}` });
    await expect(list.getByRole("article")).toHaveCount(10);
    await expect(item(page, 1, 3).getByLabel("标题")).toHaveValue(/^第3件大事/);
    await expect(list.getByLabel("年份")).toHaveValue("2024");

    // Every imported story gets one section and its tags, chosen here.
    await page.getByRole("combobox", { name: /^栏目/ }).selectOption({ label: "农业" });
    await page.getByRole("textbox", { name: /^标签/ }).fill(`导入${tag(title)}`);
    await page.getByRole("button", { name: "创建草稿（1 个榜单，10 篇报道）" }).click();
    await expect(page.getByRole("heading", { name: "已创建草稿" })).toBeVisible();
    const roundupLink = page.getByRole("link", { name: title });
    await expect(roundupLink).toHaveAttribute("href", /^\/editor\/roundups\/\w+$/);
    const roundupHref = (await roundupLink.getAttribute("href")) ?? "";
    const storyLinks = page.getByRole("list", { name: `${title}的草稿报道` }).getByRole("link");
    await expect(storyLinks).toHaveCount(10);
    await expect(storyLinks.nth(2)).toHaveText(/^第3件大事/);
    // A story link opens the draft, with its dek from the first sentence and the chosen section.
    await storyLinks.nth(2).click();
    await expect(page.getByRole("textbox", { name: /^导语/ })).toHaveValue("这是第3件大事的正文，记录了当年的经过。");
    await expect(page.getByRole("combobox", { name: /^栏目/ })).toHaveValue(/\w+/);

    // The same document again: the preview names the roundup it would repeat, with a link, and
    // creating needs the explicit 仍然导入.
    await page.goto("/editor/import");
    await preview(page, text);
    const warning = page.getByRole("alert").filter({ hasText: "可能重复导入：" });
    await expect(warning).toContainText("由同一份文档导入");
    await expect(page.getByRole("button", { name: /^创建草稿/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "仍然导入（再创建 1 个榜单，10 篇报道）" })).toBeEnabled();
    await warning.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`${roundupHref}$`));
    await expect(page.getByRole("heading", { level: 1, name: "编排榜单" })).toBeVisible();
    await expect(page.getByLabel("榜单标题")).toHaveValue(title);
  });

  test("a document the parser can't split becomes a correct roundup in the outline editor", async ({ page }) => {
    const tag = uniqueTag();
    const title = `${tag}区年度三件大事`;
    // No numbers, no list title the parser knows: it finds no items and lists the paragraphs.
    const text = [`${tag}区这一年`, "今年全区办成了三件大事。", `${tag}港扩建`, "港区新增泊位四个。", `${tag}大桥通车`, "大桥全长十二公里。", `${tag}图书馆开放`].join("\n\n");
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    await preview(page, text);
    await expect(page.getByText("没有找到带序号的条目：文档已按段落列出")).toBeVisible();

    const list = page.getByRole("region", { name: /^榜单1：/ });
    const paragraphs = list.getByRole("region", { name: "榜单1的未归类段落" });
    await expect(paragraphs.getByRole("listitem")).toHaveCount(6);
    // Creating now is refused with the reason, and nothing is lost.
    await page.getByRole("button", { name: /^创建草稿/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "未归类段落" })).toBeVisible();
    await expect(paragraphs.getByRole("listitem")).toHaveCount(6);

    // Top to bottom, by keyboard-reachable buttons: intro, then title / body pairs.
    const first = (name: string) => paragraphs.getByRole("listitem").first().getByRole("button", { name });
    await first("并入导语").click();
    for (const step of ["设为新条目", "并入最后一条的正文", "设为新条目", "并入最后一条的正文", "设为新条目"]) {
      await first(step).focus();
      await page.keyboard.press("Enter");
    }
    await expect(paragraphs).toHaveCount(0);
    await list.getByLabel("榜单标题").fill(title);
    await list.getByLabel("年份").fill("2024");
    await expect(item(page, 1, 2).getByLabel("正文（段落之间空一行）")).toHaveValue("大桥全长十二公里。");

    const created = await createAndOpen(page, title);
    await expect(created.getByRole("listitem")).toHaveText([/港扩建/, /大桥通车/, /图书馆开放/]);
  });

  test("an item split at the cursor and two items merged", async ({ page }) => {
    const tag = uniqueTag();
    const title = `2024年${tag}镇十大新闻`;
    // Item 2 swallowed the unnumbered item after it; item 4's body was numbered as if it were item 5.
    const text = [
      title,
      `1、${tag}卫生院扩建`,
      "新增床位五十张。",
      `2、${tag}农贸市场改造`,
      "市场新增摊位八十个。",
      `${tag}文化广场开放`,
      "广场面积两万平方米。",
      `3、${tag}小学新楼启用`,
      `4、${tag}公路通车`,
      "5、全程二十公里，沿线五个村受益。",
    ].join("\n");
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    await preview(page, text);

    const body = item(page, 1, 2).getByLabel("正文（段落之间空一行）");
    const value = await body.inputValue();
    await placeCursor(body, value.indexOf(`${tag}文化广场开放`));
    await item(page, 1, 2).getByRole("button", { name: "在正文光标处拆分" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已拆成两条" })).toBeVisible();
    await expect(item(page, 1, 3).getByLabel("标题")).toHaveValue(`${tag}文化广场开放`);
    await expect(item(page, 1, 3).getByLabel("正文（段落之间空一行）")).toHaveValue("广场面积两万平方米。");
    await expect(item(page, 1, 2).getByLabel("正文（段落之间空一行）")).toHaveValue("市场新增摊位八十个。");

    await item(page, 1, 5).getByRole("button", { name: "与下一条合并" }).click();
    await expect(page.getByRole("article", { name: /^榜单1第\d+条$/ })).toHaveCount(5);
    await expect(item(page, 1, 5).getByLabel("正文（段落之间空一行）")).toHaveValue("全程二十公里，沿线五个村受益。");
    await expect(item(page, 1, 5).getByLabel("序号")).toHaveValue("5");

    const created = await createAndOpen(page, title);
    await expect(created.getByRole("listitem")).toHaveText([/卫生院扩建/, /农贸市场改造/, /文化广场开放/, /小学新楼启用/, /公路通车/]);
  });

  test("a caption moved to the item it belongs to", async ({ page }) => {
    const tag = uniqueTag();
    const title = `2024年${tag}县十大新闻`;
    const text = [title, "新码头夜景。本报记者 王某 摄", `1、${tag}大桥通车`, "大桥全长十二公里。", `2、${tag}新码头启用`, "码头可停靠大型货轮。", `3、${tag}公园开放`].join("\n");
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    await preview(page, text);

    const list = page.getByRole("region", { name: `榜单1：${title}` });
    await expect(list.getByLabel("榜单图片说明", { exact: true })).toHaveValue("新码头夜景。");
    await list.getByLabel("榜单图片说明移到").selectOption({ label: "第2条" });
    await list.getByRole("button", { name: "移过去" }).click();
    await expect(item(page, 1, 2).getByLabel("图片说明")).toHaveValue("新码头夜景。");
    await expect(item(page, 1, 2).getByLabel("图片署名")).toHaveValue("本报记者 王某 摄");
    await expect(list.getByLabel("榜单图片说明", { exact: true })).toHaveValue("");

    // And a caption line left in a body is marked as the caption of its item.
    const body = item(page, 1, 1).getByLabel("正文（段落之间空一行）");
    await body.fill("大桥全长十二公里。\n\n大桥夜景（本报记者 李某 摄）");
    await placeCursor(body, "大桥全长十二公里。\n\n大".length);
    await item(page, 1, 1).getByRole("button", { name: "光标所在段设为图片说明" }).click();
    await expect(item(page, 1, 1).getByLabel("图片说明")).toHaveValue("大桥夜景");
    await expect(item(page, 1, 1).getByLabel("图片署名")).toHaveValue("本报记者 李某 摄");
    await expect(body).toHaveValue("大桥全长十二公里。");

    const created = await createAndOpen(page, title);
    await expect(created.getByRole("listitem")).toHaveCount(3);
  });

  test("the outline editor fits a phone screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    await preview(page, uniqueDocument().text);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every field and button of an item sits inside the screen's width, not off to the side.
    const first = item(page, 1, 1);
    await first.scrollIntoViewIfNeeded();
    for (const control of [first.getByLabel("标题"), first.getByLabel("正文（段落之间空一行）"), first.getByRole("button", { name: "与下一条合并" }), first.getByRole("button", { name: "退回为未归类段落" })]) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    }
  });

  test("bad files get a clear message and the pasted text stays", async ({ page }) => {
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");

    const pasted = "这是一段没有任何编号条目的文字。";
    await page.getByLabel("粘贴文档内容").fill(pasted);
    await page.getByLabel(/或上传文件/).setInputFiles({ name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 0, 1, 2]) });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "不是纯文本文件" })).toBeVisible();
    await expect(page.getByLabel("粘贴文档内容")).toHaveValue(pasted);

    await page.getByLabel(/或上传文件/).setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x41) });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "不能超过 2 MB" })).toBeVisible();
  });

  test("a refused second preview leaves the outline being corrected as it was", async ({ page }) => {
    const { title, text } = uniqueDocument();
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    await preview(page, text);
    await item(page, 1, 3).getByLabel("标题").fill("改好的第三条标题");

    // A file that is no text: the preview is refused, and the corrections below are still there.
    await page.getByLabel(/或上传文件/).setInputFiles({ name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 0, 1, 2]) });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "不是纯文本文件" })).toBeVisible();
    await expect(page.getByRole("region", { name: `榜单1：${title}` })).toBeVisible();
    await expect(item(page, 1, 3).getByLabel("标题")).toHaveValue("改好的第三条标题");
  });

  test("a GBK-encoded file is converted and parsed", async ({ page }) => {
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    // "1、粮食丰收\n2、冰雪旅游" in GBK.
    const gbk = Buffer.from([0x31, 0xa1, 0xa2, 0xc1, 0xb8, 0xca, 0xb3, 0xb7, 0xe1, 0xca, 0xd5, 0x0a, 0x32, 0xa1, 0xa2, 0xb1, 0xf9, 0xd1, 0xa9, 0xc2, 0xc3, 0xd3, 0xce]);
    await page.getByLabel(/或上传文件/).setInputFiles({ name: "gbk.txt", mimeType: "text/plain", buffer: gbk });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByText("文件编码：GBK/GB18030（已转换）")).toBeVisible();
    await expect(item(page, 1, 1).getByLabel("标题")).toHaveValue("粮食丰收");
    await expect(item(page, 1, 2).getByLabel("标题")).toHaveValue("冰雪旅游");
  });

  test("a journalist cannot open the importer", async ({ page }) => {
    await signIn(page, "journalist@roundup.local");
    await expect(page.getByRole("link", { name: "导入榜单" })).toHaveCount(0);
    await page.goto("/editor/import");
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  });
});
