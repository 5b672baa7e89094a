import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signIn, uniqueTitle } from "./editor-helpers";

test.describe("editor: media library", () => {
  test("a file that is not an image, or is over 10 MB, gets a clear error; a real image is stored with its credit", async ({ browser }) => {
    const page = await signIn(browser, "journalist");
    await page.goto("/editor/media");
    const file = page.getByLabel("图片文件（JPEG、PNG、WebP、AVIF，最大 10 MB）");

    // Named .jpg, but the bytes are text: refused by content.
    await file.setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("这不是图片，只是文字。") });
    await page.getByLabel("替代文字（必填）").fill("假图片");
    await page.getByRole("button", { name: "上传", exact: true }).click();
    await expect(page.getByText(/不支持的文件类型/)).toBeVisible();
    await expect(page.getByLabel("替代文字（必填）")).toHaveValue("假图片");

    await file.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(10 * 1024 * 1024 + 10, 1) });
    await expect(page.getByText(/文件太大：图片不能超过 10 MB/)).toBeVisible();

    const alt = uniqueTitle("雪后松花江");
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3366aa" } }).png().toBuffer();
    await file.setInputFiles({ name: "river.png", mimeType: "image/png", buffer: png });
    await page.getByLabel("替代文字（必填）").fill(alt);
    await page.getByLabel("摄影署名（如：本报记者 XXX 摄）").fill("本报记者 测试 摄");
    await page.getByRole("button", { name: "上传", exact: true }).click();
    await expect(page.getByText("图片已上传。")).toBeVisible();

    const image = page.getByRole("img", { name: alt });
    await expect(image).toHaveAttribute("width", "1200");
    await expect(image).toHaveAttribute("height", "800");
    await expect(page.getByRole("listitem").filter({ has: image })).toContainText("本报记者 测试 摄");
    const src = await image.getAttribute("src");
    const response = await page.request.get(src ?? "");
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(response.headers()["cache-control"]).toContain("immutable");

    // Its texts can be corrected later, with a clear error for an empty alt text.
    const item = page.getByRole("listitem").filter({ has: image });
    await item.getByText("修改文字说明").click();
    // The refused save keeps what was typed in the other fields: only the alt text is left to fix.
    await item.getByLabel("替代文字（不能为空）").fill("");
    await item.getByLabel("图片说明").fill("雪后的松花江畔");
    await item.getByLabel("摄影署名").fill("本报记者 另一位 摄");
    await item.getByRole("button", { name: "保存文字" }).click();
    await expect(item.getByText("请填写替代文字（图片内容的简短描述）。")).toBeVisible();
    await expect(item.getByLabel("图片说明")).toHaveValue("雪后的松花江畔");
    await expect(item.getByLabel("摄影署名")).toHaveValue("本报记者 另一位 摄");
    await item.getByLabel("替代文字（不能为空）").fill(alt);
    await item.getByRole("button", { name: "保存文字" }).click();
    await expect(item.getByText("图片信息已保存。")).toBeVisible();
    await expect(item.locator("figcaption")).toContainText("雪后的松花江畔");
    await expect(item.locator("figcaption")).toContainText("本报记者 另一位 摄");
  });
});
