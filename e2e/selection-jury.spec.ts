import { expect, test, type Browser, type Page } from "@playwright/test";
import { type OwnedSelection, insertJurorInvite, insertSelection, removeSelections } from "./selection-fixtures";
import { withDb } from "./site-fixtures";

// An outside juror scores on a phone through an invite link, without JavaScript and with it: a
// refused save keeps every score entered and says why in Chinese; a save is kept; the link works
// once; a juror the editor revoked is told so. Each run's selection is its own, removed afterwards.

const titles: string[] = [];

test.afterAll(async () => {
  await withDb((client) => removeSelections(client, titles));
});

async function phone(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 375, height: 800 } });
  return context.newPage();
}

for (const javaScriptEnabled of [false, true]) {
  test(`a juror ${javaScriptEnabled ? "with" : "without"} JavaScript scores through an invite link, and a refused save loses nothing`, async ({ browser }) => {
    const { selection, inviteLink } = await withDb(async (client) => {
      const made = await insertSelection(client, javaScriptEnabled ? "评委测试" : "无脚本评委测试", ["评委候选甲", "评委候选乙", "评委候选丙"]);
      titles.push(made.title);
      return { selection: made, inviteLink: await insertJurorInvite(client, made, "手机评委") };
    });
    await scoreAsJuror(browser, javaScriptEnabled, selection, inviteLink);
  });
}

async function scoreAsJuror(browser: Browser, javaScriptEnabled: boolean, selection: OwnedSelection, inviteLink: string): Promise<void> {
  const jurorScores = () => withDb(async (client) => (await client.query<{ n: number }>(`select count(*)::int as n from "JuryScore" s join "Juror" j on j.id = s."jurorId" where j."selectionId" = $1`, [selection.id])).rows[0]?.n);
  const [a, b, c] = selection.candidates as [OwnedSelection["candidates"][number], OwnedSelection["candidates"][number], OwnedSelection["candidates"][number]];
  const juror = await phone(browser, javaScriptEnabled);
  await juror.goto(inviteLink);
  await juror.getByRole("button", { name: "开始评分" }).click();
  await expect(juror.getByRole("heading", { name: `评委评分：${selection.title}` })).toBeVisible();
  const score = (candidate: { title: string }) => juror.getByLabel(new RegExp(`\\d\\. ${candidate.title}$`));
  await score(a).selectOption("5");
  await score(b).selectOption("9");
  await score(c).selectOption("7");

  // Meanwhile the editor takes a candidate off the list (allowed before voting opens): the save is
  // refused as a whole, and the page comes back with the scores the juror chose, minus that candidate.
  await withDb((client) => client.query(`delete from "SelectionCandidate" where id = $1`, [c.id]));
  await juror.getByRole("button", { name: "保存评分" }).click();
  await expect(juror.getByRole("alert").filter({ hasText: "评分表里有不属于本评选的候选，请刷新页面后再试。" })).toBeVisible();
  await expect(score(a)).toHaveValue("5");
  await expect(score(b)).toHaveValue("9");
  await expect(score(c)).toHaveCount(0);
  expect(await jurorScores()).toBe(0);
  // The sheet fits a phone's width.
  expect(await juror.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await juror.getByRole("button", { name: "保存评分" }).click();
  await expect(juror.getByRole("status").filter({ hasText: "评分已保存（已评 2/2 项）。" })).toBeVisible();
  expect(await jurorScores()).toBe(2);
  await juror.goto(new URL(juror.url()).pathname);
  await expect(score(a)).toHaveValue("5");
  await expect(score(b)).toHaveValue("9");

  // The link worked once: in another browser it is refused.
  const stranger = await phone(browser, javaScriptEnabled);
  await stranger.goto(inviteLink);
  await stranger.getByRole("button", { name: "开始评分" }).click();
  await expect(stranger.getByRole("alert").filter({ hasText: "这个评委链接已经用过了" })).toBeVisible();

  // The editor revokes the juror mid-scoring: the next save is refused and the page says why.
  await score(a).selectOption("6");
  await withDb((client) => client.query(`update "Juror" set "revokedAt" = now(), "sessionHash" = null where "selectionId" = $1`, [selection.id]));
  await juror.getByRole("button", { name: "保存评分" }).click();
  await expect(juror.getByRole("alert").filter({ hasText: "你的评委身份已失效，请联系编辑部。" })).toBeVisible();
  expect(await withDb(async (client) => (await client.query<{ score: number }>(`select score from "JuryScore" where "candidateId" = $1`, [a.id])).rows[0]?.score)).toBe(5);
}
