import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD as PASSWORD } from "./support/auth";

test.describe("sign-in", () => {
  test("the editor area sends a signed-out visitor to /login and back after signing in, then signs out", async ({ page }) => {
    await page.goto("/editor");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Feditor/);
    await expect(page.getByRole("heading", { name: "登录编辑部" })).toBeVisible();

    await page.getByLabel("邮箱").fill("editor@roundup.local");
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();

    await expect(page).toHaveURL(/\/editor$/);
    await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
    await expect(page.getByText("演示编辑（编辑）")).toBeVisible();

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/editor");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password is refused with a message that keeps the e-mail typed", async ({ page }) => {
    await page.goto("/login");
    const email = page.getByLabel("邮箱");
    await email.fill("someone-unknown@roundup.local");
    await page.getByLabel("密码").fill("not the password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "邮箱或密码" })).toHaveText("邮箱或密码不正确。");
    await expect(email).toHaveValue("someone-unknown@roundup.local");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form shows field errors next to the inputs", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("请输入邮箱。")).toBeVisible();
    await expect(page.getByText("请输入密码。")).toBeVisible();
    await expect(page.getByLabel("邮箱")).toHaveAttribute("aria-invalid", "true");
  });
});
