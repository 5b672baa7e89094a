import type { Metadata } from "next";
import { ChangePasswordForm, ProfileForm } from "@/components/accounts/own-account-forms";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "我的账号", robots: { index: false } };

export default async function AccountSettingsPage() {
  const user = await requireUser("/editor/account");
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
    </>
  );
}
