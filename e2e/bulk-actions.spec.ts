import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./editor-helpers";
import { deleteStories, insertStory, uniqueWord, withDb } from "./site-fixtures";

// The story list's bulk bar (editors): a refused bulk action keeps every choice on the page (the
// ticked stories, the operation, the target section), so fixing what was missing and pressing 执行
// again does what was meant. Two drafts of this spec's own, found by a unique word in their titles.

async function ownDrafts(word: string): Promise<string[]> {
  return withDb(async (client) => {
    const ids: string[] = [];
    for (const n of [1, 2]) {
      ids.push(await insertStory(client, { slug: `bulk-${word}-${n}`, title: `批量${word}第${n}篇`, status: "DRAFT", publishedAt: null, body: "正文。" }));
    }
    return ids;
  });
}

function sectionsOf(ids: string[]): Promise<string[]> {
  return withDb(async (client) => {
    const { rows } = await client.query<{ slug: string }>(`select sec.slug from "Story" s join "Section" sec on sec.id = s."sectionId" where s.id = any($1) order by s.slug`, [ids]);
    return rows.map((row) => row.slug);
  });
}

const bar = (page: Page) => page.getByRole("group", { name: "批量操作" });
const operation = (page: Page) => bar(page).getByRole("combobox", { name: /^操作/ });
const target = (page: Page) => bar(page).getByRole("combobox", { name: /^目标栏目/ });
const tick = (page: Page, word: string, n: number) => page.getByRole("checkbox", { name: `选择《批量${word}第${n}篇》` });

test.describe("bulk actions on the story list", () => {
  test("a refused move keeps the ticked stories, the operation and the section; the retry moves both", async ({ browser }) => {
    const word = uniqueWord();
    const ids = await ownDrafts(word);
    try {
      const page = await signIn(browser, "editor");
      await page.goto(`/editor/stories?q=${encodeURIComponent(word)}`);
      await expect(page.getByRole("row")).toHaveCount(3); // header and the two drafts

      // Refusal 1: the operation and the stories, but no section.
      await tick(page, word, 1).check();
      await tick(page, word, 2).check();
      await operation(page).selectOption("move");
      await bar(page).getByRole("button", { name: "执行" }).click();
      await expect(bar(page).getByText("请选择目标栏目。")).toBeVisible();
      await expect(tick(page, word, 1)).toBeChecked();
      await expect(tick(page, word, 2)).toBeChecked();
      await expect(operation(page)).toHaveValue("move");

      // Refusal 2: the section chosen, the stories unticked.
      await target(page).selectOption({ label: "科技" });
      await tick(page, word, 1).uncheck();
      await tick(page, word, 2).uncheck();
      await bar(page).getByRole("button", { name: "执行" }).click();
      await expect(bar(page).getByText("请至少选择一篇报道。")).toBeVisible();
      await expect(target(page).locator("option:checked")).toHaveText("科技");
      await expect(operation(page)).toHaveValue("move");

      // Ticking them again is all that is left to do.
      await tick(page, word, 1).check();
      await tick(page, word, 2).check();
      await bar(page).getByRole("button", { name: "执行" }).click();
      await expect(bar(page).getByText("已处理 2 篇报道。")).toBeVisible();
      expect(await sectionsOf(ids)).toEqual(["keji", "keji"]);
    } finally {
      await withDb((client) => deleteStories(client, ids));
    }
  });

  test("unpublish goes through its confirmation and takes the ticked story down", async ({ browser }) => {
    const word = uniqueWord();
    const ids = await withDb(async (client) => [
      await insertStory(client, { slug: `bulk-${word}-1`, title: `批量${word}第1篇`, status: "PUBLISHED", publishedAt: new Date(Date.now() - 86_400_000), body: "正文。" }),
    ]);
    try {
      const page = await signIn(browser, "editor");
      await page.goto(`/editor/stories?q=${encodeURIComponent(word)}`);
      await tick(page, word, 1).check();
      await operation(page).selectOption("unpublish");
      await bar(page).getByRole("button", { name: "执行" }).click();
      const dialog = page.getByRole("dialog", { name: "撤下所选报道？" });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "确认撤下" }).click();
      await expect(bar(page).getByText("已处理 1 篇报道。")).toBeVisible();
      const status = await withDb(async (client) => (await client.query<{ status: string }>(`select status from "Story" where id = $1`, [ids[0]])).rows[0]?.status);
      expect(status).toBe("UNPUBLISHED");
    } finally {
      await withDb((client) => deleteStories(client, ids));
    }
  });
});
