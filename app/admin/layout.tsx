import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import "./admin.css";

export const dynamic = "force-dynamic";

// Layouts are not re-rendered on client-side navigation, so every admin page checks the role again itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("ADMIN", "/admin");
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <div className="container">
          <Link className="brand" href="/admin">
            Roundup 管理
          </Link>
          <nav className="site-nav" aria-label="管理导航">
            <ul>
              <li>
                <Link href="/admin">账号</Link>
              </li>
              <li>
                <Link href="/admin/audit">审计日志</Link>
              </li>
              <li>
                <Link href="/editor">编辑部</Link>
              </li>
              <li>
                <Link href="/editor/account">我的账号</Link>
              </li>
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
