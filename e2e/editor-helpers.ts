import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn as signInOnPage } from "./support/auth";

// Shared steps of the editor specs: sign in as a demo account in a fresh browser context, and create
// a uniquely named story through the UI so each test owns its data.

export type DemoAccount = "journalist" | "editor" | "admin";

export async function signIn(browser: Browser, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  // Confirmation prompts (remove an item, leave with unsaved text) are answered "yes".
  page.on("dialog", (dialog) => void dialog.accept());
  await signInOnPage(page, `${account}@roundup.local`);
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
  return page;
}

export function uniqueTitle(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Creates a story and leaves the page on its editor; returns the story's editor URL. */
export async function createStoryViaUi(page: Page, title: string): Promise<string> {
  await page.goto("/editor/stories/new");
  await page.getByLabel("标题").fill(title);
  await page.getByRole("button", { name: "创建并开始写作" }).click();
  await expect(page.getByRole("heading", { name: "编辑报道" })).toBeVisible();
  return page.url();
}

export async function saveAndExpectVersion(page: Page, version: number): Promise<void> {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText(`已保存为第 ${version} 版。`)).toBeVisible();
}

/** A datetime-local value some days ahead, in Beijing time. */
export function beijingLocal(daysAhead: number): string {
  const at = new Date(Date.now() + daysAhead * 86_400_000 + 8 * 3_600_000);
  return at.toISOString().slice(0, 16);
}

/**
 * The body's Markdown source view (the "正文（Markdown）" textarea), for specs about saving rather than
 * about the visual editor. The choice is remembered in the browser context, as it is for a writer.
 */
export async function markdownSource(page: Page): Promise<Locator> {
  const source = page.getByLabel("正文（Markdown）");
  // Either view is there only once the page has hydrated, so the toggle's state below is the real one.
  await expect(page.getByRole("textbox", { name: "正文", exact: true }).or(source)).toBeVisible();
  const toggle = page.getByRole("button", { name: "Markdown 源码" });
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
  await expect(source).toBeVisible();
  return source;
}
