import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TwoFactorSetup } from "@/components/accounts/two-factor-setup";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "开启两步验证", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

/** Where an account that must use two-factor sign-in (TWO_FACTOR_REQUIRED) lands until it has enrolled. */
export default async function TwoFactorPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(destination)}`);
  if (user.mustChangePassword) redirect(`/change-password?callbackUrl=${encodeURIComponent(destination)}`);
  if (!user.mustEnrolTwoFactor) redirect(destination);
  return (
    <main id="main" className="container">
      <h1>开启两步验证</h1>
      <p>{user.name}，你的账号须使用两步验证登录。请在手机上安装身份验证器应用（如 Google Authenticator、Microsoft Authenticator 或 FreeOTP），然后按下面的步骤开启。</p>
      <TwoFactorSetup done={{ href: destination, label: "继续" }} />
    </main>
  );
}
