import { generate } from "otplib";
import { DEMO_ADMIN, DEMO_PASSWORD, alertWith, createAccountWithTemporaryPassword, expect, firstSignIn, openAccount, otherPerson, signIn, test, uniqueEmail } from "./support/accounts";

// Issue 9, part B, against the running server: redirects after sign-in, the Server Action origin
// check, a deactivated account's cookie, and two-factor sign-in.

test.describe("sign-in security", () => {
  test("a callbackUrl with a tab or a line break neither leaves the site nor breaks the page", async ({ page }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/\t/evil.example/x")}`);
    await signIn(page, "journalist@roundup.local", DEMO_PASSWORD);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/editor$/);

    // Already signed in: /login redirects at once. The newline variant used to be a 500.
    for (const value of ["/\n/evil.example/x", "/\r\n/evil.example/x", "/\\evil.example", "/.//evil.example", "//evil.example"]) {
      const response = await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      expect(response?.status(), value).toBeLessThan(400);
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/editor$/);
    }
  });

  test("a post to a Server Action from another site, or with no Origin, is refused whatever X-Forwarded-Host says", async ({ request, baseURL }) => {
    const post = (headers: Record<string, string>) =>
      request.post("/editor/account", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers }, data: "[]", maxRedirects: 0 });
    const crossSite = await post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toBe("跨站请求已拒绝。");
    const noOrigin = await post({});
    expect(noOrigin.status()).toBe(403);
    // The same post from the site itself passes the check (and fails later: no such action).
    const sameSite = await post({ origin: baseURL ?? "" });
    expect(sameSite.status()).not.toBe(403);
  });

  test("a deactivated account's cookie opens no session, and its next save says the account is deactivated", async ({ page, browser }) => {
    await page.goto("/admin");
    await signIn(page, DEMO_ADMIN, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();
    const email = uniqueEmail("deactivated");
    const temporary = await createAccountWithTemporaryPassword(page, { email, name: "即将停用", role: "记者" });
    const user = await otherPerson(browser);
    await firstSignIn(user, email, temporary, "soon gone password 1");
    await user.goto("/editor/account");
    expect((await (await user.request.get("/api/auth/session")).json()).user).toBeTruthy();

    await openAccount(page, email);
    await page.getByRole("button", { name: "停用账号" }).click();
    await page.getByRole("dialog", { name: "停用 即将停用 的账号？" }).getByRole("button", { name: "确认停用" }).click();
    await expect(page.getByRole("button", { name: "重新启用账号" })).toBeVisible();

    await user.getByRole("textbox", { name: "姓名" }).fill("停用后的名字");
    await user.getByRole("button", { name: "保存姓名" }).click();
    await expect(alertWith(user, "账号已停用")).toHaveText("账号已停用，请联系管理员。");
    expect(await (await user.request.get("/api/auth/session")).json()).toEqual({});
    await user.context().close();
  });

  test("two-factor sign-in: enrol with the app, sign in with a code, a recovery code works once, a wrong code is refused", async ({ page, browser }) => {
    await page.goto("/admin");
    await signIn(page, DEMO_ADMIN, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "账号管理" })).toBeVisible();
    const email = uniqueEmail("two-factor");
    const temporary = await createAccountWithTemporaryPassword(page, { email, name: "两步验证编辑", role: "编辑" });
    const password = "two factor password 1";
    const user = await otherPerson(browser);
    await firstSignIn(user, email, temporary, password);

    await user.goto("/editor/account");
    await user.getByRole("button", { name: "开启两步验证" }).click();
    await expect(user.getByRole("img", { name: /两步验证二维码/ })).toBeVisible();
    const secret = (await user.getByLabel("两步验证密钥").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await user.getByLabel("6 位验证码").fill(await generate({ secret }));
    await user.getByRole("button", { name: "验证并开启" }).click();
    await expect(user.getByRole("status")).toHaveText("两步验证已开启。");
    const recoveryCodes = await user.getByRole("list", { name: "恢复码" }).getByRole("listitem").allTextContents();
    expect(recoveryCodes).toHaveLength(10);

    const signOutAndBack = async () => {
      await user.getByRole("button", { name: "退出登录" }).click();
      await expect(user).toHaveURL(/\/login/);
      await signIn(user, email, password);
      await expect(user.getByLabel("验证码", { exact: true })).toBeFocused();
    };
    const submitCode = async (code: string) => {
      await user.getByLabel("验证码", { exact: true }).fill(code);
      await user.getByRole("button", { name: "登录" }).click();
    };

    // The enrolment spent this period's code; the next period's is within the allowed drift.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await signOutAndBack();
    await submitCode(next === "000000" ? "111111" : "000000");
    await expect(alertWith(user, "验证码不正确")).toHaveText("验证码不正确，请重试。");
    await submitCode(next);
    await expect(user.getByRole("heading", { name: "工作台" })).toBeVisible();

    const recovery = recoveryCodes[0] ?? "";
    await signOutAndBack();
    await submitCode(recovery);
    await expect(user.getByRole("heading", { name: "工作台" })).toBeVisible();

    await signOutAndBack();
    await submitCode(recovery);
    await expect(alertWith(user, "验证码不正确")).toHaveText("验证码不正确，请重试。");
    await expect(user).toHaveURL(/\/login/);

    // The admin sees it, and can reset it (audited); the editor then signs in with the password alone.
    await openAccount(page, email);
    await page.getByRole("button", { name: "重置两步验证" }).click();
    await expect(page.getByText("未开启")).toBeVisible();
    await user.goto("/login");
    await signIn(user, email, password);
    await expect(user.getByRole("heading", { name: "工作台" })).toBeVisible();
    await page.goto(`/admin/audit?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole("row").filter({ hasText: "重置两步验证" })).toContainText(email);
    await user.context().close();
  });
});
