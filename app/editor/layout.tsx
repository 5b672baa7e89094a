import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireUser } from "@/lib/auth/session";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function EditorLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/editor");
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <div className="container">
          <Link className="brand" href="/editor">
            Roundup 编辑部
          </Link>
          <nav className="site-nav" aria-label="编辑部导航">
            <ul>
              <li>
                <Link href="/editor">工作台</Link>
              </li>
              {hasRole(user, "EDITOR") ? (
                <li>
                  <Link href="/editor/import">导入榜单</Link>
                </li>
              ) : null}
              <li>
                <Link href="/">查看网站</Link>
              </li>
              <li>
                <Link href="/editor/account">我的账号</Link>
              </li>
              {user.role === "ADMIN" ? (
                <li>
                  <Link href="/admin">管理</Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <span className="muted">
            {user.name}（{ROLE_LABELS[user.role]}）
          </span>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
    </>
  );
}
