import { expect, test, type Page } from "@playwright/test";
import { beijingLocal, signIn } from "./editor-helpers";
import { insertSelection, removeSelections, type OwnedSelection } from "./selection-fixtures";
import { withDb } from "./site-fixtures";

// Two editors on one selection's settings: the second save, based on the page as first loaded, must
// not quietly put back what the first changed (a closing time moved back shuts voting early).

let selection: OwnedSelection;

test.beforeAll(async () => {
  selection = await withDb((client) => insertSelection(client, "设置冲突评选", ["候选甲"]));
});

test.afterAll(async () => {
  await withDb((client) => removeSelections(client, [selection.title]));
});

function settingsForm(page: Page) {
  return page.locator("form").filter({ has: page.getByRole("button", { name: "保存设置" }) });
}

test("the second of two settings saves is told what the first changed, keeps what was typed, and goes through when sent again", async ({ browser }) => {
  const first = await signIn(browser, "editor");
  const second = await signIn(browser, "admin");
  for (const page of [first, second]) await page.goto(`/editor/selections/${selection.id}`);
  const closesAt = beijingLocal(5);

  const mine = settingsForm(first);
  await mine.getByLabel("投票截止时间（北京时间）").fill(closesAt);
  await mine.getByRole("button", { name: "保存设置" }).click();
  await expect(mine.getByText("评选设置已保存。")).toBeVisible();
  // A second save from the same page is no conflict with itself.
  await mine.getByLabel("说明（显示在投票页顶部）").fill("第一位编辑写的说明。");
  await mine.getByRole("button", { name: "保存设置" }).click();
  await expect(mine.getByText("评选设置已保存。")).toBeVisible();
  await expect(mine.getByText(/保存失败/)).toHaveCount(0);

  const theirs = settingsForm(second);
  await theirs.getByLabel("评选标题").fill(`${selection.title}`);
  await theirs.getByLabel("每位读者最多可选几项").fill("3");
  await theirs.getByRole("button", { name: "保存设置" }).click();
  await expect(theirs.getByText(/^保存失败：评选设置在你打开页面之后被别人修改过。/)).toBeVisible();
  await expect(theirs.getByText(/投票截止时间：/)).toBeVisible();
  await expect(theirs.getByText(/说明：第一位编辑写的说明。/)).toBeVisible();
  await expect(theirs.getByLabel("每位读者最多可选几项")).toHaveValue("3");
  const stored = () =>
    withDb(async (client) => (await client.query<{ intro: string; maxChoices: number }>(`select intro, "maxChoices" from "Selection" where id = $1`, [selection.id])).rows[0]);
  expect(await stored()).toEqual({ intro: "第一位编辑写的说明。", maxChoices: 2 });

  // Sent again after reading the message: a deliberate choice, saved.
  await theirs.getByRole("button", { name: "保存设置" }).click();
  await expect(theirs.getByText("评选设置已保存。")).toBeVisible();
  expect(await stored()).toEqual({ intro: "", maxChoices: 3 });
});
