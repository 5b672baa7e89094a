import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActiveToggleForm, ChangeRoleForm, ResetPasswordForm, ResetTwoFactorForm } from "@/components/accounts/account-controls";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/guards";
import { getAccount } from "@/lib/data/users";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "账号详情", robots: { index: false } };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireRole("ADMIN", `/admin/accounts/${id}`);
  const user = await getAccount(actor, id);
  if (!user) notFound();
  const isSelf = actor?.id === user.id;
  return (
    <>
      <p>
        <Link href="/admin">← 账号列表</Link>
      </p>
      <h1>{user.name}</h1>
      <dl>
        <dt>邮箱</dt>
        <dd>{user.email}</dd>
        <dt>角色</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>状态</dt>
        <dd>{user.active ? "启用" : "已停用"}{user.mustChangePassword ? "（待设置新密码）" : ""}</dd>
        <dt>两步验证</dt>
        <dd>{user.totpEnabledAt ? `已于 ${formatDateTime(user.totpEnabledAt)} 开启` : "未开启"}</dd>
        <dt>最近登录</dt>
        <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}</dd>
        <dt>创建时间</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>
      <p>
        <Link href={`/admin/audit?q=${encodeURIComponent(user.id)}`}>查看此账号的审计记录</Link>
      </p>
      <div className="admin-grid">
        <section aria-labelledby="role-heading">
          <h2 id="role-heading">角色</h2>
          <ChangeRoleForm key={user.role} userId={user.id} role={user.role} />
        </section>
        <section aria-labelledby="active-heading">
          <h2 id="active-heading">{user.active ? "停用" : "重新启用"}</h2>
          {isSelf ? <p className="muted">不能停用自己的账号。</p> : <ActiveToggleForm key={String(user.active)} userId={user.id} name={user.name} active={user.active} />}
        </section>
        <section aria-labelledby="reset-heading">
          <h2 id="reset-heading">重置密码</h2>
          <p className="muted">生成新的临时密码，对方现有登录立即失效，下次登录须设置新密码。</p>
          <ResetPasswordForm userId={user.id} email={user.email} />
        </section>
        {user.totpEnabledAt ? (
          <section aria-labelledby="two-factor-heading">
            <h2 id="two-factor-heading">两步验证</h2>
            <p className="muted">对方手机丢失或恢复码用完时使用：清除其验证器和恢复码，现有登录立即失效；若其角色须使用两步验证，下次登录时重新设置。</p>
            <ResetTwoFactorForm key={user.totpEnabledAt.toISOString()} userId={user.id} />
          </section>
        ) : null}
      </div>
    </>
  );
}
