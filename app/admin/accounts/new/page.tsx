import type { Metadata } from "next";
import Link from "next/link";
import { CreateAccountForm } from "@/components/accounts/create-account-form";
import { requireRole } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "新建账号", robots: { index: false } };

export default async function NewAccountPage() {
  await requireRole("ADMIN", "/admin/accounts/new");
  return (
    <>
      <p>
        <Link href="/admin">← 账号列表</Link>
      </p>
      <h1>新建账号</h1>
      <p className="muted">不需要邮件服务器：临时密码或邀请链接只在创建后显示一次，请自行转交。</p>
      <CreateAccountForm />
    </>
  );
}
