import { expect, test, type Page } from "@playwright/test";
import { createStoryViaUi, markdownSource, saveAndExpectVersion, signIn, uniqueTitle } from "./editor-helpers";

// Issue 12, item 3: autosave is quiet, never races 保存, and doesn't count as a version.

/** Holds the next save request the editor posts (a Server Action carrying baseVersion) until released. */
async function holdNextSave(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const sent: string[] = [];
  await page.route(/\/editor\/stories\//, async (route) => {
    const request = route.request();
    const body = request.postData() ?? "";
    if (request.method() !== "POST" || !request.headers()["next-action"] || !body.includes("baseVersion")) return route.continue();
    sent.push(body);
    if (sent.length === 1) {
      arrived();
      await released;
    }
    await route.continue();
  });
  return { held, release, sent };
}

test.describe("editor: calm autosave", () => {
  test("保存 clicked while an autosave is in flight waits for it: no conflict, and the history reads 1, 2, 3", async ({ browser }) => {
    const page = await signIn(browser, "journalist");
    await createStoryViaUi(page, uniqueTitle("自动保存"));
    const body = await markdownSource(page);
    await body.fill("第一段。");
    await saveAndExpectVersion(page, 2);

    const gate = await holdNextSave(page);
    await body.fill("第一段。\n\n第二段，由自动保存先送出。");
    // Nothing is clicked: the request that arrives is the autosave, held here at the network.
    await gate.held;
    const status = page.locator(".save-bar").getByRole("status").first();
    await expect(status).toHaveText("正在自动保存…");

    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("button", { name: "正在保存…" })).toBeVisible();
    // The manual save waits in the editor's queue: only the autosave has been posted.
    expect(gate.sent).toHaveLength(1);
    gate.release();

    await expect(page.getByText("已保存为第 3 版。")).toBeVisible();
    expect(gate.sent).toHaveLength(2);
    // The manual save named the version the autosave returned, not the one they both started from.
    // React encodes the form as multipart, each field name behind a prefix ("1_baseVersion").
    const base = (post: string) => /baseVersion"\r\n\r\n(\d+)/.exec(post)?.[1];
    expect(Number(base(gate.sent[1]!))).toBe(Number(base(gate.sent[0]!)) + 1);
    await expect(page.getByText(/保存失败/)).toHaveCount(0);
    await expect(page.getByRole("region", { name: /的改动$/ })).toHaveCount(0);
    await expect(page.locator(".save-bar")).toContainText(/已自动保存 \d{2}:\d{2}/);
    await expect(page.locator(".save-status")).not.toHaveClass(/error/);

    await page.getByRole("link", { name: "修订历史" }).click();
    await expect(page.locator(".revision-list > li > strong")).toHaveText(["第 3 版", "第 2 版", "第 1 版"]);
    await expect(page.getByText("当前第 3 版")).toBeVisible();
  });

  test("the save button and the autosave line are in view without scrolling, at 1280 and at 375 px", async ({ browser }) => {
    const page = await signIn(browser, "journalist");
    const url = await createStoryViaUi(page, uniqueTitle("保存栏"));
    for (const size of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
      await page.setViewportSize(size);
      await page.goto(url);
      await (await markdownSource(page)).fill(`写到一半（${size.width}）。`);
      await expect(page.getByRole("button", { name: "保存", exact: true })).toBeInViewport();
      await expect(page.locator(".save-bar")).toContainText(/已自动保存 \d{2}:\d{2}/);
      await expect(page.locator(".save-status")).toBeInViewport();
    }
  });
});
