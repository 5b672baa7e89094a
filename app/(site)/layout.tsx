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
          <a className="brand" href="/">
            {SITE_NAME}
          </a>
          <nav className="site-nav" aria-label="主导航">
            <ul>
              <li>
                <a href="/">首页</a>
              </li>
              <li>
                <a href="/roundups">榜单</a>
              </li>
              {sections.map((section) => (
                <li key={section.slug}>
                  <a href={`/sections/${section.slug}`}>{section.name}</a>
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
          {SITE_NAME} · <a href="/feed.xml">RSS 订阅</a> · <a href="/login">编辑登录</a>
        </div>
      </footer>
    </>
  );
}
