import { expect, test } from "@playwright/test";
import { beijingLocal, createStoryViaUi, markdownSource, saveAndExpectVersion, signIn, uniqueTitle } from "./editor-helpers";

test.describe("editor: write, review, schedule, publish", () => {
  test("a journalist writes and submits; an editor edits, schedules, then publishes; a reader sees it", async ({ browser }) => {
    // No 冰雪 in the title: the site's search spec expects a demo story to top that query.
    const title = uniqueTitle("雪季开板报道");
    const journalist = await signIn(browser, "journalist");
    const storyUrl = await createStoryViaUi(journalist, title);

    const visual = journalist.getByRole("textbox", { name: "正文", exact: true });
    await visual.fill("长白山粉雪季开板。");
    await visual.selectText();
    await journalist.getByRole("button", { name: "加粗" }).click();
    await expect(visual.locator("strong")).toHaveText("长白山粉雪季开板。");
    // Stored as Markdown: the source view shows it, and its live preview renders through the public
    // renderer; the count treats each Chinese character as a word.
    const body = await markdownSource(journalist);
    await expect(body).toHaveValue("**长白山粉雪季开板。**");
    await expect(journalist.getByRole("region", { name: "预览" }).locator("strong")).toHaveText("长白山粉雪季开板。");
    await expect(journalist.getByText("字数 8 · 约 1 分钟读完")).toBeVisible();
    await expect(journalist.getByLabel("网址别名")).not.toHaveValue("");
    await journalist.getByLabel("导语", { exact: true }).fill("记者手记");
    await saveAndExpectVersion(journalist, 2);

    // Journalists cannot publish: only the submit move is offered.
    await expect(journalist.getByRole("button", { name: "立即发布" })).toHaveCount(0);
    await journalist.getByRole("button", { name: "提交审核" }).click();
    await expect(journalist.getByText("状态：待审")).toBeVisible();
    await expect(journalist.getByRole("status").filter({ hasText: "已提交审核" })).toBeVisible();

    const editor = await signIn(browser, "editor");
    await expect(editor.getByRole("region", { name: "待我审核" }).getByRole("link", { name: title })).toBeVisible();
    await editor.getByRole("region", { name: "待我审核" }).getByRole("link", { name: title }).click();
    await expect(editor.getByLabel("标题", { exact: true })).toHaveValue(title);
    await (await markdownSource(editor)).fill("**长白山粉雪季开板。**\n\n编辑补充：今年雪季提前开放。");
    await editor.getByLabel("栏目").selectOption("经济");
    await saveAndExpectVersion(editor, 3);

    await editor.getByLabel("定时发布时间（北京时间）").fill(beijingLocal(2));
    await editor.getByRole("button", { name: "定时发布" }).click();
    await expect(editor.getByText("状态：定时发布")).toBeVisible();

    // Not live yet: the reader's home page does not list it, but staff can preview it.
    const reader = await browser.newPage();
    await reader.goto("/");
    await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
    await editor.goto(`${storyUrl}/preview`);
    await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(editor.locator(".story .body")).toContainText("编辑补充");
    await editor.goto(storyUrl);

    await editor.getByRole("button", { name: "立即发布" }).click();
    await expect(editor.getByText("状态：已发布")).toBeVisible();

    await reader.goto("/");
    await reader.getByRole("link", { name: title }).click();
    await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(reader.locator(".body")).toContainText("编辑补充：今年雪季提前开放。");
    await expect(reader.locator(".body strong")).toHaveText("长白山粉雪季开板。");
    const publicUrl = reader.url();

    // On the next load it is also on its section page, in search and in the feed.
    await reader.goto("/sections/jingji");
    await expect(reader.getByRole("link", { name: title })).toBeVisible();
    await reader.goto(`/search?q=${encodeURIComponent(title)}`);
    await expect(reader.getByRole("link", { name: title })).toBeVisible();
    const feed = await reader.request.get("/feed.xml");
    expect(await feed.text()).toContain(`<title>${title}</title>`);

    // A correction shows on the public page.
    await editor.getByLabel("更正说明（显示在报道页）").fill("原文开板日期有误，已更正。");
    await editor.getByRole("button", { name: "发布更正" }).click();
    await expect(editor.getByText("更正已发布。")).toBeVisible();
    await reader.goto(publicUrl);
    await expect(reader.getByRole("complementary", { name: "更正" })).toContainText("原文开板日期有误");
  });

  test("scheduling in the past is refused and the typed time stays", async ({ browser }) => {
    const editor = await signIn(browser, "editor");
    await createStoryViaUi(editor, uniqueTitle("定时校验"));
    const when = editor.getByLabel("定时发布时间（北京时间）");
    await when.fill(beijingLocal(-1));
    await editor.getByRole("button", { name: "定时发布" }).click();
    await expect(editor.getByText("定时发布的时间必须晚于现在。")).toBeVisible();
    await expect(when).toHaveValue(beijingLocal(-1));
    await expect(editor.getByText("状态：草稿")).toBeVisible();
  });
});
