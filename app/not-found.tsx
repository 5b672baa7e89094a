import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "找不到这个页面", robots: { index: false } };

export default function NotFound() {
  return (
    <main id="main" className="container">
      <h1>找不到这个页面</h1>
      <p>链接可能已失效，或内容尚未发布。</p>
      <p>
        <Link href="/">返回首页</Link> · <Link href="/search">搜索报道</Link>
      </p>
    </main>
  );
}
