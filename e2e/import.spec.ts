import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// Each run imports a document no other run has seen, so the duplicate check starts clean.
function uniqueDocument(): { title: string; text: string } {
  const tag = Date.now().toString(36).toUpperCase();
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

test.describe("document import", () => {
  test("an editor pastes a document, sees the preview, creates the drafts, and a repeat is skipped", async ({ page }) => {
    const { title, text } = uniqueDocument();
    await signIn(page, "editor@roundup.local");
    await page.getByRole("link", { name: "导入榜单" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "导入榜单" })).toBeVisible();

    await page.getByLabel("粘贴文档内容").fill(text);
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("heading", { name: "预览：1 个榜单，共 10 条" })).toBeVisible();
    const preview = page.getByRole("article", { name: `榜单：${title}` });
    await expect(preview.getByRole("listitem")).toHaveCount(10);
    await expect(preview.getByRole("listitem").nth(2)).toContainText("第3件大事");
    await expect(preview).toContainText("2024");

    await page.getByRole("button", { name: "创建草稿（1 个榜单，10 篇报道）" }).click();
    await expect(page.getByRole("heading", { name: "已创建草稿" })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", /^\/editor\/roundups\/\w+$/);

    // The same document again: the preview says so and creating is skipped unless a copy is asked for.
    await page.getByRole("link", { name: "再导入一份文档" }).click();
    await page.getByLabel("粘贴文档内容").fill(text);
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByText("这份文档已经导入过：")).toBeVisible();
    const create = page.getByRole("button", { name: /创建草稿/ });
    await expect(create).toBeDisabled();
    await page.getByLabel("仍然导入副本（会再创建一套草稿）").check();
    await expect(create).toBeEnabled();
  });

  test("bad documents get a clear message and the pasted text stays", async ({ page }) => {
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");

    const noItems = "这是一段没有任何编号条目的文字。\n\n只是普通的说明。";
    await page.getByLabel("粘贴文档内容").fill(noItems);
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "没有找到带序号的条目" })).toBeVisible();
    await expect(page.getByLabel("粘贴文档内容")).toHaveValue(noItems);

    const gap = "2024年十大新闻\n\n1、第一条\n\n2、第二条\n\n4、第四条";
    await page.getByLabel("粘贴文档内容").fill(gap);
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "3" })).toBeVisible();

    await page.getByLabel("粘贴文档内容").fill("");
    await page.getByLabel(/或上传文件/).setInputFiles({ name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 0, 1, 2]) });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "不是纯文本文件" })).toBeVisible();

    await page.getByLabel(/或上传文件/).setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x41) });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "不能超过 2 MB" })).toBeVisible();
  });

  test("a GBK-encoded file is converted and parsed", async ({ page }) => {
    await signIn(page, "editor@roundup.local", undefined, "/editor/import");
    // "1、粮食丰收\n2、冰雪旅游" in GBK.
    const gbk = Buffer.from([0x31, 0xa1, 0xa2, 0xc1, 0xb8, 0xca, 0xb3, 0xb7, 0xe1, 0xca, 0xd5, 0x0a, 0x32, 0xa1, 0xa2, 0xb1, 0xf9, 0xd1, 0xa9, 0xc2, 0xc3, 0xd3, 0xce]);
    await page.getByLabel(/或上传文件/).setInputFiles({ name: "gbk.txt", mimeType: "text/plain", buffer: gbk });
    await page.getByRole("button", { name: "解析预览" }).click();
    await expect(page.getByText("文件编码：GBK/GB18030（已转换）")).toBeVisible();
    const items = page.getByRole("article").getByRole("listitem");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText("粮食丰收");
    await expect(items.nth(1)).toContainText("冰雪旅游");
  });

  test("a journalist cannot open the importer", async ({ page }) => {
    await signIn(page, "journalist@roundup.local");
    await expect(page.getByRole("link", { name: "导入榜单" })).toHaveCount(0);
    await page.goto("/editor/import");
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  });
});
