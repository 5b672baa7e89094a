import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetNewPasswordForm } from "@/components/accounts/own-account-forms";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "设置新密码", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** Where an account on a temporary password lands after sign-in, before anything else opens. */
export default async function ChangePasswordPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(destination)}`);
  if (!user.mustChangePassword) redirect(destination);
  return (
    <main id="main" className="container">
      <h1>设置新密码</h1>
      <p>{user.name}，你正在使用管理员给的临时密码。请先设置自己的密码，然后继续。</p>
      <SetNewPasswordForm callbackUrl={destination} />
    </main>
  );
}
