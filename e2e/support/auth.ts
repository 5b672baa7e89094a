import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "roundup-demo-2023";

/** Fills in and submits the login form already on the page (a sign-in that may be refused). */
export async function submitSignInForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signs in through the real login form and waits for the staff area. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, destination = "/editor"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(destination)}`);
  await submitSignInForm(page, email, password);
  await expect(page).toHaveURL(new RegExp(`${destination.replace(/[/?]/g, "\\$&")}$`));
}
