import { DEMO_PASSWORD, alertWith, expect, otherPerson, signIn, test, uniqueEmail } from "./support/accounts";

test.describe("sign-in protection and security headers", () => {
  test("after 5 failed sign-ins for one e-mail, further attempts are refused with a clear message", async ({ page }) => {
    const email = uniqueEmail("throttled");
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, email, `wrong password ${attempt}`);
      await expect(alertWith(page, "邮箱或密码")).toHaveText("邮箱或密码不正确。");
    }
    await signIn(page, email, "wrong password 6");
    await expect(alertWith(page, "登录失败次数过多")).toHaveText("登录失败次数过多，请 15 分钟后再试。");
  });

  test("an X-Forwarded-For invented by the client doesn't get a guesser past the limit (no trusted proxy)", async ({ page }) => {
    const email = uniqueEmail("spoofed");
    await page.goto("/login");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${attempt}` });
      await signIn(page, email, `wrong password ${attempt}`);
      await expect(alertWith(page, "邮箱或密码")).toHaveText("邮箱或密码不正确。");
    }
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.6" });
    await signIn(page, email, "wrong password 6");
    await expect(alertWith(page, "登录失败次数过多")).toHaveText("登录失败次数过多，请 15 分钟后再试。");
  });

  test("a journalist is refused the admin area, and a signed-out visitor comes back to the admin page they wanted", async ({ page, browser }) => {
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit/);
    await signIn(page, "journalist@roundup.local", DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();

    const admin = await otherPerson(browser);
    await admin.goto("/admin/audit?action=auth.");
    await signIn(admin, "admin@roundup.local", DEMO_PASSWORD);
    await expect(admin.getByRole("heading", { name: "审计日志" })).toBeVisible();
    await expect(admin).toHaveURL(/\/admin\/audit\?action=auth\./);
    await expect(admin.getByRole("row").filter({ hasText: "journalist@roundup.local" }).first()).toContainText("登录成功");
    await admin.context().close();
  });

  test("a user renames themselves and changes their password, which signs them out everywhere", async ({ page, browser }) => {
    // Own account: an editor made through the admin UI, so the demo accounts keep their passwords.
    const admin = await otherPerson(browser);
    await admin.goto("/admin/accounts/new");
    await signIn(admin, "admin@roundup.local", DEMO_PASSWORD);
    await expect(admin.getByRole("heading", { name: "新建账号" })).toBeVisible();
    const email = uniqueEmail("self");
    await admin.getByLabel("邮箱").fill(email);
    await admin.getByLabel("姓名").fill("自助用户");
    await admin.getByRole("button", { name: "创建账号" }).click();
    await expect(admin.getByRole("heading", { name: "账号已创建" })).toBeVisible();
    const temporary = (await admin.getByLabel("临时密码").textContent()) ?? "";
    await admin.context().close();

    await page.goto("/editor/account");
    await signIn(page, email, temporary);
    await page.getByLabel("新密码（至少 10 个字符）").fill("self password 1");
    await page.getByLabel("再次输入新密码").fill("self password 1");
    await page.getByRole("button", { name: "设置新密码" }).click();
    await expect(page.getByRole("heading", { name: "我的账号" })).toBeVisible();

    await page.getByRole("textbox", { name: "姓名" }).fill("改名后的用户");
    await page.getByRole("button", { name: "保存姓名" }).click();
    await expect(page.getByRole("status")).toHaveText("姓名已保存。");
    await expect(page.getByText("改名后的用户（记者）")).toBeVisible();

    await page.getByLabel("当前密码").fill("not the password");
    await page.getByLabel("新密码（至少 10 个字符）").fill("self password 2");
    await page.getByLabel("再次输入新密码").fill("self password 2");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(alertWith(page, "当前密码不正确")).toHaveText("当前密码不正确。");
    await expect(page.getByLabel("新密码（至少 10 个字符）")).toHaveValue("self password 2");

    await page.getByLabel("当前密码").fill("self password 1");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByText("密码已修改，请用新密码重新登录。")).toBeVisible();
    await signIn(page, email, "self password 2");
    await expect(page.getByRole("heading", { name: "我的账号" })).toBeVisible();
  });

  test("every page carries the security headers: a per-request nonce policy on staff pages, a same-origin policy on public ones", async ({ request }) => {
    const login = await request.get("/login");
    const loginPolicy = login.headers()["content-security-policy"] ?? "";
    expect(loginPolicy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(loginPolicy).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(loginPolicy)?.[1] ?? "";
    expect(await login.text()).toContain(`nonce="${nonce}"`);
    const again = await request.get("/login");
    expect(again.headers()["content-security-policy"]).not.toContain(nonce);

    const home = await request.get("/");
    const homePolicy = home.headers()["content-security-policy"] ?? "";
    expect(homePolicy).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(homePolicy).toContain("object-src 'none'");
    expect(homePolicy).toContain("base-uri 'self'");

    for (const response of [login, home, await request.get("/api/health")]) {
      const headers = response.headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });

  test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
    await page.goto("/login");
    await signIn(page, "editor@roundup.local", DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });
});
