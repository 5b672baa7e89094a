import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "登录", description: "Roundup 编辑部登录", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; notice?: string; email?: string }> };

const NOTICES: Record<string, string> = {
  "password-changed": "密码已修改，请用新密码重新登录。",
  "invite-accepted": "账号已开通，请用刚设置的密码登录。",
};

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, notice, email } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  return (
    <main id="main" className="container">
      <h1>登录编辑部</h1>
      <p className="muted">记者、编辑和管理员请用工作邮箱登录。</p>
      {notice && NOTICES[notice] ? (
        <p className="notice" role="status">
          {NOTICES[notice]}
        </p>
      ) : null}
      <LoginForm callbackUrl={destination} defaultEmail={typeof email === "string" ? email.slice(0, 200) : ""} />
    </main>
  );
}
