import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { deleteStories, insertStory, withDb } from "./site-fixtures";

// The audit log as an admin reads it: this spec writes its own person and events (on dates in 2019,
// which no other spec uses) straight into the e2e database and removes them afterwards.

type Fixture = { userId: string; name: string; email: string; storyId: string; storyTitle: string; tag: string };

async function insertFixture(): Promise<Fixture> {
  const tag = crypto.randomBytes(4).toString("hex");
  const name = `审计测试员${tag}`;
  const email = `audit-${tag}@e2e.roundup.local`;
  const userId = `e2e-audit-${tag}`;
  const storyTitle = `审计可见报道${tag}`;
  return withDb(async (client) => {
    await client.query(`insert into "User" (id, email, name, role, "passwordHash", "updatedAt") values ($1, $2, $3, 'EDITOR', 'x', now())`, [userId, email, name]);
    const storyId = await insertStory(client, { slug: `e2e-audit-${tag}`, title: storyTitle, status: "DRAFT", publishedAt: null, body: "正文。" });
    const events: [string, string, string, string | null, string, string][] = [
      [`${userId}-1`, "story.publish", "story", storyId, `发布《${storyTitle}》`, "2019-03-05T02:00:00Z"],
      [`${userId}-2`, "roundup.publish", "roundup", `gone-${tag}`, `发布榜单《已删掉的榜单${tag}》`, "2019-03-20T02:00:00Z"],
      [`${userId}-3`, "story.save", "story", storyId, `=HYPERLINK("http://x.invalid") ${tag}`, "2019-03-06T02:00:00Z"],
    ];
    for (const [id, action, entityType, entityId, summary, at] of events) {
      await client.query(`insert into "AuditEvent" (id, "actorId", action, "entityType", "entityId", summary, "createdAt") values ($1, $2, $3, $4, $5, $6, $7)`, [id, userId, action, entityType, entityId, summary, at]);
    }
    return { userId, name, email, storyId, storyTitle, tag };
  });
}

async function removeFixture(fixture: Fixture): Promise<void> {
  await withDb(async (client) => {
    await client.query(`delete from "AuditEvent" where "actorId" = $1`, [fixture.userId]);
    await deleteStories(client, [fixture.storyId]);
    await client.query(`delete from "User" where id = $1`, [fixture.userId]);
  });
}

test.describe("audit log", () => {
  let fixture: Fixture;
  test.beforeEach(async () => {
    fixture = await insertFixture();
  });
  test.afterEach(async () => {
    await removeFixture(fixture);
  });

  test("an admin filters by person and dates, reads labels, names and links, and exports the view as CSV", async ({ page }) => {
    await signIn(page, "admin@roundup.local", undefined, "/admin/audit");
    await page.getByLabel("操作人").selectOption({ label: `${fixture.name}（${fixture.email}）` });
    await page.getByLabel("起始日期").fill("2019-03-01");
    await page.getByLabel("截止日期").fill("2019-03-10");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/from=2019-03-01/);

    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(3); // header + two events in the range
    const published = rows.filter({ hasText: "发布报道" });
    await expect(published.getByRole("link", { name: fixture.name })).toHaveAttribute("href", `/admin/accounts/${fixture.userId}`);
    await expect(published.getByRole("link", { name: fixture.storyTitle })).toHaveAttribute("href", `/editor/stories/${fixture.storyId}`);
    await expect(rows.filter({ hasText: "保存报道" })).toBeVisible();
    await expect(page.getByRole("table")).not.toContainText("story.publish");
    await expect(page.getByRole("table")).not.toContainText("发布榜单");

    // A wider range brings in the event about a roundup that no longer exists.
    await page.getByLabel("截止日期").fill("2019-03-31");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(rows.filter({ hasText: "发布榜单" })).toContainText("已删除");

    const downloadStarted = page.waitForEvent("download");
    await page.getByRole("link", { name: /^导出为 CSV（当前筛选的全部 3 条）/ }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{8}-\d{4}\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("时间（北京时间）,操作人,操作人邮箱,操作,操作类型代码,对象类型,对象,对象编号,摘要,IP 地址");
    expect(lines.slice(1)).toEqual([
      `2019-03-20 10:00:00,${fixture.name},${fixture.email},发布榜单,roundup.publish,榜单,已删除,gone-${fixture.tag},发布榜单《已删掉的榜单${fixture.tag}》,`,
      `2019-03-06 10:00:00,${fixture.name},${fixture.email},保存报道,story.save,报道,${fixture.storyTitle},${fixture.storyId},"'=HYPERLINK(""http://x.invalid"") ${fixture.tag}",`,
      `2019-03-05 10:00:00,${fixture.name},${fixture.email},发布报道,story.publish,报道,${fixture.storyTitle},${fixture.storyId},发布《${fixture.storyTitle}》,`,
    ]);
  });

  test("an impossible date is refused with a message, not an error page", async ({ page }) => {
    await signIn(page, "admin@roundup.local", undefined, "/admin/audit");
    const response = await page.goto(`/admin/audit?actor=${fixture.userId}&from=2019-02-30&to=2019-01-01`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "筛选条件有误" })).toContainText("起始日期不是有效的日期，请按 2024-01-31 的格式填写。");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByLabel("起始日期")).toHaveValue("");
  });
});
