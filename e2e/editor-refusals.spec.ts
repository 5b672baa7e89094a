import { expect, test } from "@playwright/test";
import { createStoryViaUi, saveAndExpectVersion, signIn, uniqueTitle } from "./editor-helpers";
import { withDb } from "./site-fixtures";

// A refused save leaves every field as the writer left it, the choices in drop-down lists included
// (React resets a form after an action; a select's shown option is not kept by that reset), so the
// next save, manual or automatic, stores what is on the screen.

test.describe("a refused story save keeps every field", () => {
  test("section and editor of record stay chosen after a refusal, and the next save stores them", async ({ browser }) => {
    const title = uniqueTitle("拒绝保存校验");
    const page = await signIn(browser, "editor");
    const url = await createStoryViaUi(page, title);
    const id = url.split("/").pop()!;
    try {
      const section = page.getByRole("combobox", { name: "栏目" });
      const editorOfRecord = page.getByRole("combobox", { name: "责任编辑" });
      await section.selectOption({ label: "科技" });
      await editorOfRecord.selectOption({ label: "演示编辑" });
      await page.getByLabel("标题", { exact: true }).fill("");
      await page.getByRole("button", { name: "保存", exact: true }).click();
      await expect(page.getByText("请检查标出的字段。").first()).toBeVisible();
      await expect(section.locator("option:checked")).toHaveText("科技");
      await expect(editorOfRecord.locator("option:checked")).toHaveText("演示编辑");

      await page.getByLabel("标题", { exact: true }).fill(title);
      await saveAndExpectVersion(page, 2);
      const stored = await withDb(async (client) => (await client.query<{ section: string | null; editor: string | null }>(
        `select sec.slug as section, u.email as editor from "Story" s left join "Section" sec on sec.id = s."sectionId" left join "User" u on u.id = s."editorOfRecordId" where s.id = $1`, [id])).rows[0]);
      expect(stored).toEqual({ section: "keji", editor: "editor@roundup.local" });
    } finally {
      await withDb((client) => client.query(`delete from "Story" where id = $1`, [id]));
    }
  });
});
