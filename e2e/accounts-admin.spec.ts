import { DEMO_ADMIN, alertWith, roleSelect, DEMO_PASSWORD, createAccountWithTemporaryPassword, expect, firstSignIn, openAccount, otherPerson, signIn, test, uniqueEmail } from "./support/accounts";

test.describe("admin account management", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/admin");
    await signIn(page, DEMO_ADMIN, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();
  });

  test("an admin creates an account with a temporary password; the new editor signs in and must choose a password", async ({ page, browser }) => {
    const email = uniqueEmail("new-editor");
    const temporary = await createAccountWithTemporaryPassword(page, { email, name: "新来的编辑", role: "编辑" });

    const newcomer = await otherPerson(browser);
    await firstSignIn(newcomer, email, temporary, "newcomer password 1");
    await expect(newcomer.getByText("新来的编辑（编辑）")).toBeVisible();

    await page.goto(`/admin?q=${encodeURIComponent(email)}&role=EDITOR&active=yes`);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("编辑");
    await expect(row).not.toContainText("待设密码");

    await page.goto(`/admin/audit?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row").filter({ hasText: "创建账号" })).toContainText(email);
    await expect(page.getByRole("row").filter({ hasText: "登录成功" }).first()).toContainText("登录成功");
    await newcomer.context().close();
  });

  test("an invite link works once, and the invited journalist signs in with the password they chose", async ({ page, browser }) => {
    const email = uniqueEmail("invited");
    await page.goto("/admin/accounts/new");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("姓名").fill("受邀记者");
    await page.getByLabel("生成邀请链接（7 天内有效）").check();
    await page.getByRole("button", { name: "创建账号" }).click();
    await expect(page.getByRole("heading", { name: "账号已创建" })).toBeVisible();
    const link = (await page.getByLabel("邀请链接").textContent()) ?? "";
    expect(link).toContain("/invite/");

    const invited = await otherPerson(browser);
    await invited.goto(link);
    await expect(invited.getByText(email)).toBeVisible();
    await invited.getByLabel("新密码（至少 10 个字符）").fill("short");
    await invited.getByLabel("再次输入新密码").fill("short");
    await invited.getByRole("button", { name: "设置密码并开通账号" }).click();
    await expect(invited.getByText("密码至少需要 10 个字符。")).toBeVisible();
    await expect(invited.getByLabel("新密码（至少 10 个字符）")).toHaveValue("short");

    await invited.getByLabel("新密码（至少 10 个字符）").fill("invited password 1");
    await invited.getByLabel("再次输入新密码").fill("invited password 1");
    await invited.getByRole("button", { name: "设置密码并开通账号" }).click();
    await expect(invited.getByText("账号已开通，请用刚设置的密码登录。")).toBeVisible();
    await expect(invited.getByLabel("邮箱")).toHaveValue(email);
    await invited.getByLabel("密码", { exact: true }).fill("invited password 1");
    await invited.getByRole("button", { name: "登录" }).click();
    await expect(invited.getByText("受邀记者（记者）")).toBeVisible();

    await invited.goto(link);
    await expect(alertWith(invited, "邀请链接无效或已过期")).toHaveText("邀请链接无效或已过期，请联系管理员重新发送。");
    await invited.context().close();
  });

  test("a deactivated editor loses access on the very next click", async ({ page, browser }) => {
    const email = uniqueEmail("soon-gone");
    const temporary = await createAccountWithTemporaryPassword(page, { email, name: "将被停用", role: "编辑" });
    const editor = await otherPerson(browser);
    await firstSignIn(editor, email, temporary, "editor password 1");

    await openAccount(page, email);
    await page.getByRole("button", { name: "停用账号" }).click();
    await page.getByRole("dialog", { name: "停用 将被停用 的账号？" }).getByRole("button", { name: "确认停用" }).click();
    await expect(page.getByRole("button", { name: "重新启用账号" })).toBeVisible();

    await editor.getByRole("link", { name: "我的账号" }).click();
    await expect(editor).toHaveURL(/\/login\?callbackUrl=/);
    await expect(editor.getByRole("heading", { name: "登录编辑部" })).toBeVisible();
    await signIn(editor, email, "editor password 1");
    await expect(alertWith(editor, "邮箱或密码")).toHaveText("邮箱或密码不正确。");
    await editor.context().close();
  });

  test("the last active admin can't be demoted, and nobody can deactivate themselves", async ({ page }) => {
    await openAccount(page, DEMO_ADMIN);
    await expect(page.getByText("不能停用自己的账号。")).toBeVisible();
    await expect(page.getByRole("button", { name: "停用账号" })).toHaveCount(0);
    await roleSelect(page).selectOption({ label: "编辑" });
    await page.getByRole("button", { name: "修改角色" }).click();
    await expect(alertWith(page, "最后一个")).toHaveText("这是最后一个在用的管理员账号，不能降级或停用。请先让另一个账号成为管理员。");
    await expect(roleSelect(page)).toHaveValue("EDITOR");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();
  });

  test("a reset password ends the user's session and the temporary one must be replaced", async ({ page, browser }) => {
    const email = uniqueEmail("reset");
    const temporary = await createAccountWithTemporaryPassword(page, { email, name: "忘记密码", role: "记者" });
    const user = await otherPerson(browser);
    await firstSignIn(user, email, temporary, "first password 1");

    await openAccount(page, email);
    await page.getByRole("button", { name: "重置密码" }).click();
    await expect(page.getByRole("status")).toContainText("已重置");
    const reset = (await page.getByLabel("临时密码").textContent()) ?? "";
    expect(reset).toMatch(/^[A-Za-z0-9]{16}$/);

    await user.getByRole("link", { name: "我的账号" }).click();
    await expect(user).toHaveURL(/\/login\?callbackUrl=%2Feditor%2Faccount/);
    await firstSignIn(user, email, reset, "second password 1");
    await user.context().close();
  });
});
