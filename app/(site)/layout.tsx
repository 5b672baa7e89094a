import Link from "next/link";
import type { ReactNode } from "react";

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <div className="container">
          <Link className="brand" href="/">
            Roundup 新闻
          </Link>
          <nav className="site-nav" aria-label="主导航">
            <ul>
              <li>
                <Link href="/">首页</Link>
              </li>
              <li>
                <Link href="/login">编辑登录</Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">Roundup 新闻 · 内容管理系统演示站点</div>
      </footer>
    </>
  );
}
