import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "roundup-demo-2023";

/** Signs in through the real login form and waits for the staff area. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, destination = "/editor"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(destination)}`);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`${destination.replace(/[/?]/g, "\\$&")}$`));
}
