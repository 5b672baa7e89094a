import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readSelection } from "@/lib/cache/public-reads";
import { decodeSegment } from "@/lib/seo";

// The invite link's page: one button that uses the link (a POST), so a mail client's link preview
// can't use it up.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "评委邀请", robots: { index: false } };

type Props = { params: Promise<{ slug: string; token: string }> };

export default async function JurorJoinPage({ params }: Props) {
  const { slug: rawSlug, token } = await params;
  const slug = decodeSegment(rawSlug);
  const selection = await readSelection(slug);
  if (!selection) notFound();
  return (
    <article>
      <h1>评委邀请：{selection.title}</h1>
      <p>你受邀担任本次评选的评委。点击下方按钮开始评分；这个链接只能使用一次，之后请在同一个浏览器中继续评分。</p>
      <form method="post" action={`/selections/${encodeURIComponent(slug)}/jury/accept`}>
        <input type="hidden" name="token" value={decodeSegment(token)} />
        <button className="button" type="submit">
          开始评分
        </button>
      </form>
    </article>
  );
}
