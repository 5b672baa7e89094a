import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "登录", description: "Roundup 编辑部登录", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  return (
    <main id="main" className="container">
      <h1>登录编辑部</h1>
      <p className="muted">记者、编辑和管理员请用工作邮箱登录。</p>
      <LoginForm callbackUrl={destination} />
    </main>
  );
}
