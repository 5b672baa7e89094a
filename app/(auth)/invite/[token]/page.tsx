import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptInviteForm } from "@/components/accounts/own-account-forms";
import { findOpenInvite } from "@/lib/data/own-account";

export const metadata: Metadata = { title: "接受邀请", robots: { index: false }, referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  // Per request, never cached: the invite may have been used a moment ago, and the page carries a CSP nonce.
  await connection();
  const { token } = await params;
  const invite = token.length <= 100 ? await findOpenInvite(token) : null;
  return (
    <main id="main" className="container">
      <h1>接受邀请</h1>
      {invite ? (
        <>
          <p>
            {invite.name}，欢迎加入 Roundup 编辑部。请为账号 <strong>{invite.email}</strong> 设置密码。
          </p>
          <AcceptInviteForm token={token} />
        </>
      ) : (
        <>
          <p role="alert">邀请链接无效或已过期，请联系管理员重新发送。</p>
          <p>
            <Link href="/login">前往登录</Link>
          </p>
        </>
      )}
    </main>
  );
}
