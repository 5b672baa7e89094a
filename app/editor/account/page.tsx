import type { Metadata } from "next";
import { ChangePasswordForm, ProfileForm } from "@/components/accounts/own-account-forms";
import { TwoFactorSetup } from "@/components/accounts/two-factor-setup";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/guards";
import { getTwoFactorStatus } from "@/lib/data/two-factor";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "我的账号", robots: { index: false } };

export default async function AccountSettingsPage() {
  const user = await requireUser("/editor/account");
  const twoFactor = await getTwoFactorStatus(user);
  return (
    <>
      <h1>我的账号</h1>
      <p className="muted">
        {user.email} · {ROLE_LABELS[user.role]}
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">姓名</h2>
        <ProfileForm name={user.name} />
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">修改密码</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">两步验证</h2>
        {twoFactor.enabled && twoFactor.enabledAt ? (
          <p>
            已于 {formatDateTime(twoFactor.enabledAt)} 开启。登录时除密码外还需输入身份验证器中的验证码；剩余恢复码 {twoFactor.recoveryCodesLeft} 个。更换手机或恢复码用完时，请联系管理员重置两步验证。
          </p>
        ) : (
          <>
            <p className="muted">开启后，登录时除密码外还需输入手机上身份验证器应用显示的 6 位验证码。</p>
            <TwoFactorSetup />
          </>
        )}
      </section>
    </>
  );
}
