import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./editor-helpers";
import { signIn as signInAs } from "./support/auth";
import { withDb } from "./site-fixtures";

// The review loop as the two people live it: an editor returns a submitted story with a reason and
// leaves a note, using the keyboard; the journalist signs in, finds it under 退回给我 (with the count
// in the header), reads the reason and the note, and resubmits. The journalist is a fresh account
// (the demo journalist's password hash copied), so the counts are this test's alone.

const tail = crypto.randomBytes(4).toString("hex");
const email = `review-${tail}@e2e.roundup.local`;
const title = `退回流程测试${tail}`;
const storyId = `e2e-review-${tail}`;

test.beforeAll(async () => {
  await withDb(async (client) => {
    await client.query(
      `insert into "User" (id, email, name, role, "passwordHash", "updatedAt")
       select $1, $2, $3, 'JOURNALIST', "passwordHash", now() from "User" where email = 'journalist@roundup.local'`,
      [`e2e-user-${tail}`, email, `审稿测试记者${tail}`],
    );
    await client.query(
      `insert into "Story" (id, slug, title, body, status, "authorId", "updatedAt") values ($1, $2, $3, '初稿正文。', 'IN_REVIEW', $4, now())`,
      [storyId, `e2e-review-${tail}`, title, `e2e-user-${tail}`],
    );
  });
});

test.afterAll(async () => {
  await withDb(async (client) => {
    await client.query(`delete from "Story" where id = $1`, [storyId]);
    await client.query(`delete from "User" where id = $1`, [`e2e-user-${tail}`]);
  });
});

/** Focuses a control and presses Enter: the way a keyboard user submits. */
async function pressEnterOn(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).focus();
  await page.keyboard.press("Enter");
}

test("an editor returns a story with a reason; the journalist finds it in 退回给我 with the reason, the header count and the note", async ({ browser }) => {
  const editor = await signIn(browser, "editor");
  await editor.getByRole("region", { name: "待我审核" }).getByRole("link", { name: title }).click();
  await expect(editor.getByText("状态：待审")).toBeVisible();

  // No reason: refused next to the field, nothing moves.
  await pressEnterOn(editor, "退回修改");
  await expect(editor.getByText("请写明退回修改的原因，作者会看到它。")).toBeVisible();
  await expect(editor.getByText("状态：待审")).toBeVisible();

  // A reason over the limit is refused too, and what was typed stays in the box.
  const reasonBox = editor.getByLabel(/^审核意见/);
  const tooLong = "长".repeat(1001);
  await reasonBox.fill(tooLong);
  await pressEnterOn(editor, "退回修改");
  await expect(editor.getByText("原因最多 1000 个字，请精简。")).toBeVisible();
  await expect(reasonBox).toHaveValue(tooLong);

  await reasonBox.fill("");
  await reasonBox.focus();
  await editor.keyboard.type("数据来源没有标注，请补上。");
  await pressEnterOn(editor, "退回修改");
  await expect(editor.getByText("已退回修改，作者会看到原因。")).toBeVisible();
  await expect(editor.getByText("状态：草稿")).toBeVisible();

  // A note, typed and sent from the keyboard; markup in it is shown as text.
  const thread = editor.getByRole("region", { name: "留言与审核意见" });
  await thread.getByLabel("写留言").focus();
  await editor.keyboard.type("<b>第二段</b>的数字也请核对。");
  await thread.getByRole("button", { name: "发布留言" }).focus();
  await editor.keyboard.press("Enter");
  await expect(editor.getByText("留言已发布。")).toBeVisible();
  await expect(thread.getByText("<b>第二段</b>的数字也请核对。")).toBeVisible();
  await editor.context().close();

  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const journalist = await context.newPage();
  await signInAs(journalist, email);
  const header = journalist.getByRole("banner");
  await expect(header.getByRole("link", { name: "退回给我 1" })).toBeVisible();
  await expect(header.getByRole("link", { name: "未读关注 1" })).toBeVisible();

  const returned = journalist.getByRole("region", { name: "退回给我" });
  await expect(returned.getByText("原因：数据来源没有标注，请补上。")).toBeVisible();
  await expect(journalist.getByRole("region", { name: "我关注的报道" }).getByText("未读")).toBeVisible();
  await returned.getByRole("link", { name: title }).click();

  await expect(journalist.getByRole("note", { name: "审核意见" })).toContainText("原因：数据来源没有标注，请补上。");
  const journalistThread = journalist.getByRole("region", { name: "留言与审核意见" });
  await expect(journalistThread.getByText("数据来源没有标注，请补上。")).toBeVisible();
  await expect(journalistThread.getByText("<b>第二段</b>的数字也请核对。")).toBeVisible();
  // Opened: no longer unread.
  await expect(header.getByRole("link", { name: /^未读关注/ })).toHaveCount(0);

  // The author answers and resubmits; the submission is confirmed and leaves 退回给我.
  await journalistThread.getByLabel("写留言").fill("已补上来源。");
  await journalistThread.getByRole("button", { name: "发布留言" }).click();
  await expect(journalistThread.getByText("已补上来源。")).toBeVisible();
  await journalist.getByRole("button", { name: "提交审核" }).click();
  await expect(journalist.getByRole("status").filter({ hasText: "已提交审核" })).toBeVisible();
  await expect(journalist.getByText("状态：待审")).toBeVisible();
  await expect(header.getByRole("link", { name: /^退回给我/ })).toHaveCount(0);

  // The reason stays in the history.
  await journalist.getByRole("link", { name: "修订历史" }).click();
  await expect(journalist.getByRole("region", { name: "审核记录" })).toContainText("原因：数据来源没有标注，请补上。");
  await context.close();
});
