import { expect, test, type Page } from "@playwright/test";
import { beijingLocal, signIn, uniqueTitle } from "./editor-helpers";
import { removeSelections } from "./selection-fixtures";
import { withDb } from "./site-fixtures";

// 年度评选 end to end: an editor sets up a selection, two readers vote (one without JavaScript; a
// retried form counts once, a replayed one with other choices is refused), an outside juror scores
// through an invite link, the editor closes voting, generates the roundup and publishes it, and the
// public roundup shows the computed order with its figures. The selection, its ballots, the roundup
// and the stories made from its candidates are removed afterwards.

const MINUTE = 1 / (24 * 60);
const title = uniqueTitle("测试年度评选");

test.afterAll(async () => {
  await withDb((client) => removeSelections(client, [title]));
});

async function saveSettings(editor: Page, values: Record<string, string>): Promise<void> {
  const settings = editor.locator("form").filter({ has: editor.getByRole("button", { name: "保存设置" }) });
  for (const [label, value] of Object.entries(values)) await settings.getByLabel(label).fill(value);
  await settings.getByRole("button", { name: "保存设置" }).click();
  await expect(settings.getByText("评选设置已保存。")).toBeVisible();
}

test("a selection from candidates to a published roundup in the computed order", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signIn(browser, "editor");
  const [a, b, c] = ["候选甲", "候选乙", "候选丙"].map((name) => uniqueTitle(name)) as [string, string, string];

  await editor.goto("/editor/selections");
  await editor.getByLabel("评选标题").fill(title);
  // An old year, so the generated roundup never becomes the home page's newest.
  await editor.getByLabel("年份").fill("1991");
  await editor.getByLabel("每位读者最多可选几项").fill("2");
  await editor.getByLabel("读者投票所占比例（%），其余为评委评分").fill("40");
  await editor.getByLabel("在投票页公开实时票数").check();
  await editor.getByRole("button", { name: "创建评选" }).click();
  await expect(editor.getByRole("heading", { name: title })).toBeVisible();

  for (const name of [a, b, c]) {
    const form = editor.locator("form").filter({ has: editor.getByRole("button", { name: "加入候选" }) });
    await form.getByLabel("候选标题").fill(name);
    await form.getByLabel("候选说明").fill(`${name}的说明。`);
    await form.getByRole("button", { name: "加入候选" }).click();
    await expect(editor.getByRole("button", { name: `移除「${name}」` })).toBeVisible();
  }

  await editor.getByLabel("评委姓名").fill("外部评委");
  await editor.getByRole("button", { name: "生成邀请链接" }).click();
  const inviteLink = await editor.getByLabel(/^邀请链接/).inputValue();
  expect(inviteLink).toContain("/jury/join/");

  // Voting opens: the start moves to a few minutes ago (allowed while no ballot exists). The tie-break
  // changes too, and stays what was chosen through the later saves.
  const tieBreak = editor.getByLabel("同分时的排序规则");
  await tieBreak.selectOption("BALLOTS_FIRST");
  await saveSettings(editor, { "投票开始时间（北京时间）": beijingLocal(-10 * MINUTE) });
  await expect(tieBreak).toHaveValue("BALLOTS_FIRST");
  await expect(editor.getByText("投票已经开始，候选名单不能再改。")).toBeVisible();
  const votingPage = new URL(await editor.getByRole("link", { name: "投票页" }).getAttribute("href") ?? "", editor.url()).pathname;

  // Reader one, without JavaScript: too many choices are refused and kept, then two are accepted.
  const plain = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const first = await plain.newPage();
  await first.setViewportSize({ width: 375, height: 800 });
  await first.goto(votingPage);
  for (const name of [a, b, c]) await first.getByRole("checkbox", { name: new RegExp(name) }).check();
  await first.getByRole("button", { name: "提交投票" }).click();
  await expect(first.getByRole("alert").filter({ hasText: "最多只能选 2 项" })).toBeVisible();
  await expect(first.getByRole("checkbox", { name: new RegExp(c) })).toBeChecked();
  await first.getByRole("checkbox", { name: new RegExp(c) }).uncheck();
  const token = await first.locator('input[name="token"]').inputValue();
  const idOf = async (name: string) => (await first.getByRole("checkbox", { name: new RegExp(name) }).getAttribute("value")) ?? "";
  const [idA, idB, idC] = [await idOf(a), await idOf(b), await idOf(c)];
  await first.getByRole("button", { name: "提交投票" }).click();
  await expect(first.getByText("你的投票已收到，谢谢参与！")).toBeVisible();
  await expect(first.getByRole("listitem").filter({ hasText: a })).toBeVisible();
  // The whole page fits a phone's width.
  expect(await first.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The same form sent again (a retry after a lost answer, or a double click) is the same ballot: the
  // same confirmation. Sent again with other choices, it is refused with a message.
  const resend = (choices: string[]) =>
    plain.request.post(`${votingPage}/vote`, {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: new URL(first.url()).origin },
      data: new URLSearchParams([["token", token], ...choices.map((choice) => ["choice", choice])]).toString(),
      maxRedirects: 0,
    });
  const retried = await resend([idB, idA]);
  expect(retried.status()).toBe(303);
  expect(new URL(retried.headers()["location"] ?? "", first.url()).href).toBe(first.url());
  const replayed = await resend([idC]);
  expect(replayed.status()).toBe(303);
  await first.goto(new URL(replayed.headers()["location"] ?? "", first.url()).href);
  await expect(first.getByRole("alert").filter({ hasText: "这张投票表单已经提交过了：第一次提交的选择已经记下，不能再更改。" })).toBeVisible();
  await expect(first.getByRole("checkbox", { name: new RegExp(c) })).toBeChecked();

  // Reader two, with JavaScript: one ballot, then a second one is refused.
  const second = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await second.goto(votingPage);
  // Plain forms: the voting page and its thank-you page come without Next's client runtime.
  expect(await second.locator('script[src^="/_next/"]').count()).toBe(0);
  await second.getByRole("checkbox", { name: new RegExp(c) }).check();
  await second.getByRole("button", { name: "提交投票" }).click();
  await expect(second.getByText("你的投票已收到，谢谢参与！")).toBeVisible();
  expect(await second.locator('script[src^="/_next/"]').count()).toBe(0);
  await second.goto(votingPage);
  await second.getByRole("checkbox", { name: new RegExp(a) }).check();
  await second.getByRole("button", { name: "提交投票" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "你已经在本次评选中投过票了" })).toBeVisible();

  // The juror scores through the invite link; the link then can't be used again.
  const jurorContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const juror = await jurorContext.newPage();
  await juror.goto(inviteLink);
  await juror.getByRole("button", { name: "开始评分" }).click();
  await expect(juror.getByRole("heading", { name: `评委评分：${title}` })).toBeVisible();
  for (const [name, score] of [
    [a, "5"],
    [b, "9"],
    [c, "7"],
  ] as const)
    await juror.getByLabel(new RegExp(`\\d\\. ${name}`)).selectOption(score);
  await juror.getByRole("button", { name: "保存评分" }).click();
  await expect(juror.getByText("评分已保存（已评 3/3 项）。")).toBeVisible();
  // The sheet still shows what was saved.
  await expect(juror.getByLabel(new RegExp(`\\d\\. ${b}`))).toHaveValue("9");
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(inviteLink);
  await stranger.getByRole("button", { name: "开始评分" }).click();
  await expect(stranger.getByRole("alert").filter({ hasText: "这个评委链接已经用过了" })).toBeVisible();

  // The editor sees the juror's completion, closes voting and generates the roundup.
  await editor.reload();
  await expect(editor.getByRole("row").filter({ hasText: "外部评委" })).toContainText("3/3（已完成）");
  await saveSettings(editor, { "投票截止时间（北京时间）": beijingLocal(-1 * MINUTE) });
  await expect(tieBreak).toHaveValue("BALLOTS_FIRST");
  await editor.getByRole("link", { name: "查看结果" }).click();
  await expect(editor.getByText("同分时：票数多者优先，其次评委分高者，再次按候选顺序。")).toBeVisible();
  // Ballots a 1, b 1, c 1 → reader parts 100; jury 50 / 90 / 70 → combined 70 / 94 / 82.
  const rows = editor.getByRole("row");
  await expect(rows.nth(1)).toContainText(b);
  await expect(rows.nth(1)).toContainText("94");
  await expect(rows.nth(2)).toContainText(c);
  await expect(rows.nth(3)).toContainText(a);
  await editor.getByRole("button", { name: "生成榜单" }).click();
  await expect(editor.getByRole("heading", { name: "编排榜单" })).toBeVisible();
  await editor.getByLabel(/^在公开的榜单页面上显示每条的读者票数/).check();
  await editor.getByRole("button", { name: "保存显示设置" }).click();
  await expect(editor.getByText("公开页面将显示读者票数 / 评委评分。")).toBeVisible();
  await editor.getByRole("button", { name: "发布榜单" }).click();
  // The short candidates became draft stories: publishing asks to publish them too.
  await editor.getByRole("button", { name: "确认：连同这些报道一起发布" }).click();
  await expect(editor.getByText("榜单已发布。")).toBeVisible();

  const reader = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await reader.goto("/roundups");
  await reader.getByRole("link", { name: title }).click();
  const items = reader.getByRole("list", { name: "榜单条目" }).getByRole("listitem");
  await expect(items.nth(0)).toContainText(b);
  await expect(items.nth(0)).toContainText("读者票数 1 / 评委评分 9");
  await expect(items.nth(1)).toContainText(c);
  await expect(items.nth(2)).toContainText(a);

  // Voting is over on the public page too, and the totals stay visible: two ballots, the retry and
  // the replay counted nowhere.
  await reader.goto(votingPage);
  await expect(reader.getByText("投票已经结束，感谢关注。")).toBeVisible();
  await expect(reader.getByRole("heading", { name: "当前票数" })).toBeVisible();
  await expect(async () => {
    await reader.reload();
    await expect(reader.getByText("共 2 张选票")).toBeVisible({ timeout: 1000 });
  }).toPass();
});
