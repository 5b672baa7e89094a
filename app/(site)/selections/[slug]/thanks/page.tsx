import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getBallotReceipt } from "@/lib/data/public-selections";
import { formatDateTime } from "@/lib/format";
import { readReceipt } from "@/lib/selection/tokens";
import { decodeSegment } from "@/lib/seo";
import "@/components/selection/selection.css";

// The confirmation after a ballot: its signed receipt (in the address) names the ballot, so a
// retry that got the original acknowledgement shows the same page.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "投票已收到", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ r?: string }> };

export default async function BallotThanksPage({ params, searchParams }: Props) {
  const slug = decodeSegment((await params).slug);
  const ballotId = readReceipt((await searchParams).r ?? "");
  const receipt = ballotId ? await getBallotReceipt(ballotId) : null;
  if (!receipt || receipt.slug !== slug) notFound();
  return (
    <article>
      <h1>{receipt.title}</h1>
      <p className="ballot-ok" role="status">
        你的投票已收到，谢谢参与！（{formatDateTime(receipt.createdAt)}）
      </p>
      <h2>你选择了</h2>
      <ul>
        {receipt.choices.map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>
      <p>
        <a href={`/selections/${encodeURIComponent(slug)}`}>返回投票页</a>
      </p>
    </article>
  );
}
