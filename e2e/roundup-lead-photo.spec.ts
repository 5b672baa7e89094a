import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signIn } from "./support/auth";
import { withDb } from "./site-fixtures";
import { deleteRankedRoundup, insertRankedRoundup, type RankedFixture } from "./workflow-fixtures";

// A published roundup (of an old year, so the demo roundup keeps the home page) whose lead photo
// caption and credit came from an imported document: readers see them only once an image is
// attached in the roundup editor, with its own alt text.

test.describe("roundup lead photo", () => {
  let fixture: RankedFixture;
  const caption = `会场全景${Date.now().toString(36)}，代表们举手表决。`;
  const credit = "本报记者 导入 摄";
  let alt = "";

  test.beforeEach(async () => {
    fixture = await withDb(async (client) => {
      const row = await insertRankedRoundup(client, "题图");
      await client.query(`update "Roundup" set "leadCaption" = $2, "leadCredit" = $3 where id = $1`, [row.roundupId, caption, credit]);
      return row;
    });
  });
  test.afterEach(async () => {
    await withDb(async (client) => {
      await deleteRankedRoundup(client, fixture);
      if (alt) await client.query(`delete from "Media" where alt = $1`, [alt]);
    });
  });

  test("the imported caption shows on the public page only after a file is attached, with its own alt text", async ({ page }) => {
    await page.goto(`/roundups/${fixture.roundupSlug}`);
    await expect(page.getByRole("heading", { level: 1, name: fixture.roundupTitle })).toBeVisible();
    await expect(page.getByText(caption)).toHaveCount(0);

    await signIn(page, "editor@roundup.local", undefined, `/editor/roundups/${fixture.roundupId}`);
    const slot = page.getByRole("group", { name: "题图" });
    await expect(slot.getByRole("textbox", { name: "图片说明", exact: true })).toHaveValue(caption);
    await expect(slot.getByRole("textbox", { name: /^图片署名/ })).toHaveValue(credit);

    // An image uploaded in the picker; the library's alt text is only a start.
    alt = `大会会场全景${Date.now().toString(36)}`;
    await slot.getByRole("button", { name: "选择题图" }).click();
    const picker = page.getByRole("dialog", { name: "选择题图" });
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#335577" } }).png().toBuffer();
    await picker.getByLabel(/^上传新图片/).setInputFiles({ name: "hall.png", mimeType: "image/png", buffer: png });
    await picker.getByLabel("替代文字（必填）").fill(alt);
    await picker.getByRole("button", { name: "上传并设为题图" }).click();
    await expect(picker).toBeHidden();
    await expect(slot.getByRole("textbox", { name: /^替代文字/ })).toHaveValue(alt);

    // Alt text is required with an image: cleared, the save is refused next to the field.
    await slot.getByRole("textbox", { name: /^替代文字/ }).fill("");
    await page.getByRole("button", { name: "保存榜单信息" }).click();
    await expect(slot.getByText("选了题图就要填写替代文字")).toBeVisible();
    await slot.getByRole("textbox", { name: /^替代文字/ }).fill(`${alt}，代表们举手`);
    await page.getByRole("button", { name: "保存榜单信息" }).click();
    await expect(page.getByText("榜单信息已保存。")).toBeVisible();

    await page.goto(`/roundups/${fixture.roundupSlug}`);
    const figure = page.getByRole("figure").filter({ hasText: caption });
    await expect(figure.getByRole("img", { name: `${alt}，代表们举手` })).toBeVisible();
    await expect(figure).toContainText(caption);
    await expect(figure).toContainText(credit);
  });
});
