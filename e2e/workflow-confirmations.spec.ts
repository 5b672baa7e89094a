import { expect, test } from "@playwright/test";
import { signIn } from "./editor-helpers";
import { withDb } from "./site-fixtures";
import { deleteRankedRoundup, insertRankedRoundup, type RankedFixture } from "./workflow-fixtures";

test.describe("workflow: confirmations are accessible dialogs", () => {
  const fixtures: RankedFixture[] = [];
  test.afterAll(async () => {
    await withDb(async (client) => {
      for (const fixture of fixtures) await deleteRankedRoundup(client, fixture);
    });
  });

  test("publishing a roundup with an unpublished story names it first; taking the roundup down asks too", async ({ browser }) => {
    const fixture = await withDb((client) => insertRankedRoundup(client, "确认发布", { storyStatuses: ["PUBLISHED", "DRAFT"], roundupStatus: "DRAFT" }));
    fixtures.push(fixture);
    const draft = fixture.stories[1]!;
    const editor = await signIn(browser, "editor");
    await editor.goto(`/editor/roundups/${fixture.roundupId}`);

    await editor.getByRole("button", { name: "发布榜单" }).click();
    const dialog = editor.getByRole("dialog", { name: `连同 1 篇未发布的报道一起发布《${fixture.roundupTitle}》？` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(draft.title)).toBeVisible();
    // Focus starts on "cancel" and stays inside the dialog.
    await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
    await editor.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "确认：连同这些报道一起发布" })).toBeFocused();
    await editor.keyboard.press("Shift+Tab");
    await expect(dialog.getByRole("button", { name: "取消" })).toBeFocused();
    await editor.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(editor.getByText("状态：未发布")).toBeVisible();

    await editor.getByRole("button", { name: "发布榜单" }).click();
    await dialog.getByRole("button", { name: "确认：连同这些报道一起发布" }).click();
    await expect(editor.getByText("榜单已发布。")).toBeVisible();
    await expect(editor.getByText("状态：已发布")).toBeVisible();

    await editor.getByRole("button", { name: "撤下榜单" }).click();
    const down = editor.getByRole("dialog", { name: `撤下榜单《${fixture.roundupTitle}》？` });
    await expect(down).toBeVisible();
    await down.getByRole("button", { name: "确认撤下榜单" }).click();
    await expect(editor.getByText("榜单已撤下。")).toBeVisible();
    await expect(editor.getByText("状态：未发布")).toBeVisible();
  });
});
