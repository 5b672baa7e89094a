import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { submitSignInForm as signIn } from "./auth";

export { DEMO_PASSWORD, submitSignInForm as signIn } from "./auth";
export const DEMO_ADMIN = "admin@roundup.local";

/** A unique e-mail per test run, so tests own their accounts and can run again on the same database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.roundup.local`;
}

/** A form's alert with this text (Next.js keeps its own, empty route announcer with role=alert on every page). */
export function alertWith(page: Page, text: string) {
  return page.getByRole("alert").filter({ hasText: text });
}

/** The role picker; its label also contains the option names, so match the start. */
export function roleSelect(page: Page) {
  return page.getByRole("combobox", { name: /^角色/ });
}

/** Creates an account through the admin UI and returns the one-time temporary password shown. */
export async function createAccountWithTemporaryPassword(admin: Page, account: { email: string; name: string; role: "记者" | "编辑" | "管理员" }): Promise<string> {
  await admin.goto("/admin/accounts/new");
  await admin.getByLabel("邮箱").fill(account.email);
  await admin.getByLabel("姓名").fill(account.name);
  await roleSelect(admin).selectOption({ label: account.role });
  await admin.getByLabel("生成临时密码").check();
  await admin.getByRole("button", { name: "创建账号" }).click();
  await expect(admin.getByRole("heading", { name: "账号已创建" })).toBeVisible();
  const password = (await admin.getByLabel("临时密码").textContent()) ?? "";
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  return password;
}

/** Signs in with a temporary password and sets a permanent one; ends on the page the user was going to. */
export async function firstSignIn(page: Page, email: string, temporaryPassword: string, newPassword: string): Promise<void> {
  await page.goto("/editor");
  await signIn(page, email, temporaryPassword);
  await expect(page.getByRole("heading", { name: "设置新密码" })).toBeVisible();
  await page.getByLabel("新密码（至少 10 个字符）").fill(newPassword);
  await page.getByLabel("再次输入新密码").fill(newPassword);
  await page.getByRole("button", { name: "设置新密码" }).click();
  await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
}

export async function openAccount(admin: Page, email: string): Promise<void> {
  await admin.goto(`/admin?q=${encodeURIComponent(email)}`);
  await admin.getByRole("row").filter({ hasText: email }).getByRole("link").click();
  await expect(admin.getByText(email).first()).toBeVisible();
}

/** A second browser, for a second person (own cookies). */
export async function otherPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/**
 * Fails a test whose pages report a Content-Security-Policy violation in the console: the policy
 * must not block anything the app itself renders.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      });
      await use(violations);
      expect(violations).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
