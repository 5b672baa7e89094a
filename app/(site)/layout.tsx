import Link from "next/link";
import type { ReactNode } from "react";
import { JsonLd } from "@/components/site/json-ld";
import { SearchForm } from "@/components/site/search-form";
import { readSections } from "@/lib/cache/public-reads";
import { SITE_NAME, absoluteUrl } from "@/lib/seo";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const sections = await readSections();
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <div className="container">
          <Link className="brand" href="/">
            {SITE_NAME}
          </Link>
          <nav className="site-nav" aria-label="主导航">
            <ul>
              <li>
                <Link href="/">首页</Link>
              </li>
              <li>
                <Link href="/roundups">榜单</Link>
              </li>
              {sections.map((section) => (
                <li key={section.slug}>
                  <Link href={`/sections/${section.slug}`}>{section.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <SearchForm />
        </div>
      </header>
      <main id="main" className="container">
        {children}
      </main>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: SITE_NAME,
          url: absoluteUrl("/"),
          inLanguage: "zh-CN",
          potentialAction: { "@type": "SearchAction", target: `${absoluteUrl("/search")}?q={q}`, "query-input": "required name=q" },
        }}
      />
      <footer className="site-footer">
        <div className="container">
          {SITE_NAME} · <Link href="/feed.xml">RSS 订阅</Link> · <Link href="/login">编辑登录</Link>
        </div>
      </footer>
    </>
  );
}
